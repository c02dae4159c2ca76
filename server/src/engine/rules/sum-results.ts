import { arithmeticRule } from './arithmetic';
export default arithmeticRule('sum-results', 'error', 'sum-results.description');
