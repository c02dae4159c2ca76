import { arithmeticRule } from './arithmetic';
export default arithmeticRule(
  'sum-results',
  'error',
  '某列的“（七）总计”不等于各项办理结果之和',
  'In a column, （七）总计 differs from the sum of the 办理结果 items',
);
