/** The parse stage: source → document structure (document.ts), one document over its versions (incremental.ts). */
export * from './nodes';
export { parseMarkdown } from './markdown';
export { clearParseCache, cutPoints, parseCacheSize, parseDocument } from './document';
export { DocumentParser, diffText, fits, type TextChange } from './incremental';
