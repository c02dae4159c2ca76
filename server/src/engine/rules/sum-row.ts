import { arithmeticRule } from './arithmetic';
export default arithmeticRule('sum-row', 'error', 'sum-row.description');
