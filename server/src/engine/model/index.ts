/** The model stage: document structure → report (front matter, sections, tables, suppressions). */
export * from './front-matter';
export * from './types';
export * from './sections';
export * from './tables';
export * from './suppressions';
export * from './report';
