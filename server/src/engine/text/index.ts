/** Text: offsets ↔ LSP positions (lines.ts) and the one edit type of the engine (edit.ts). */
export * from './lines';
export * from './edit';
