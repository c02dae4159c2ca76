import { arithmeticRule } from './arithmetic';
export default arithmeticRule(
  'balance',
  'error',
  '某列“第一项加第二项之和”不等于“第三项加第四项之和”',
  'In a column, 一 + 二 differs from （七）总计 + 四',
);
