import { arithmeticRule } from './arithmetic';
export default arithmeticRule(
  'sum-review',
  'error',
  '行政复议、行政诉讼表中某行的“总计”不等于各结果之和',
  'In the review and litigation table, a row’s 总计 differs from 维持 + 纠正 + 其他 + 尚未审结',
);
