import { arithmeticRule } from './arithmetic';
export default arithmeticRule(
  'sum-row',
  'error',
  '某行的“总计”不等于六类申请人之和',
  'A row’s 总计 differs from the sum of the six applicant columns',
);
