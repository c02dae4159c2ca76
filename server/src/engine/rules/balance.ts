import { arithmeticRule } from './arithmetic';
export default arithmeticRule('balance', 'error', 'balance.description');
