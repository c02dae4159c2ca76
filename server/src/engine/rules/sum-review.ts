import { arithmeticRule } from './arithmetic';
export default arithmeticRule('sum-review', 'error', 'sum-review.description');
