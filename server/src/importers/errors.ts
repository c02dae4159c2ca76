/** A file that cannot be imported, with a message for the user (Chinese, then English). */
export class ImportError extends Error {}
