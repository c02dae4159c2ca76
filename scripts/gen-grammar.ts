/**
 * Generates syntaxes/xxgk-report.tmLanguage.json from the forms data, so that the official
 * row labels and section headings the grammar highlights are the ones the engine checks.
 * Run by scripts/build.mjs.
 */
import { writeFileSync } from 'node:fs';
import { FORMS } from '../server/src/engine/forms';

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A label as a regex tolerant of full/half-width brackets, quotes and the separator after a numeral. */
function labelPattern(label: string): string {
  return esc(label)
    .replace(/（/g, '[（(]')
    .replace(/）/g, '[）)]')
    .replace(/“|”/g, '["“”\']')
    .replace(/^(\d)\\\./, '$1[.．、]')
    .replace(/^([一二三四五六七八九十])、/, '$1[、.．]');
}

const rows = new Set<string>();
const cols = new Set<string>();
const keys = new Set<string>();
for (const f of FORMS)
  for (const t of f.tables) {
    keys.add(t.key);
    for (const r of t.rows) rows.add(r.label);
    for (const c of t.columns) cols.add(c.label);
  }
const byLength = (a: string, b: string): number => b.length - a.length;
const alt = (set: Set<string>): string => [...set].sort(byLength).map(labelPattern).join('|');

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'XXGK Report (政府信息公开工作年度报告)',
  scopeName: 'text.xxgk.markdown',
  patterns: [
    { include: '#frontMatter' },
    { include: '#sectionHeading' },
    { include: '#subHeading' },
    { include: '#directive' },
    { include: '#tableRow' },
    { include: 'text.html.markdown' },
  ],
  repository: {
    frontMatter: {
      begin: '\\A---\\s*$',
      end: '^(---|\\.\\.\\.)\\s*$',
      beginCaptures: { 0: { name: 'punctuation.definition.frontmatter.xxgk' } },
      endCaptures: { 0: { name: 'punctuation.definition.frontmatter.xxgk' } },
      contentName: 'meta.embedded.block.frontmatter',
      patterns: [
        {
          match: '^\\s*(机关|年度|格式|类型|发布日期|agency|year|format|kind|published)\\s*(:)',
          captures: {
            1: { name: 'keyword.other.frontmatter.key.xxgk' },
            2: { name: 'punctuation.separator.key-value.xxgk' },
          },
        },
        { include: 'source.yaml' },
      ],
    },
    sectionHeading: {
      match: '^(#{2})\\s+([一二三四五六])([、.．]?)(.*)$',
      name: 'markup.heading.section.xxgk',
      captures: {
        1: { name: 'punctuation.definition.heading.markdown' },
        2: { name: 'constant.numeric.section.xxgk' },
        3: { name: 'punctuation.separator.section.xxgk' },
        4: { name: 'entity.name.section.xxgk' },
      },
    },
    subHeading: {
      match: '^(#{1}|#{3,6})\\s+(.*)$',
      name: 'markup.heading.xxgk',
      captures: { 1: { name: 'punctuation.definition.heading.markdown' }, 2: { name: 'entity.name.section.markdown' } },
    },
    directive: {
      match: '<!--\\s*(xxgk-(?:disable-next-line|disable-line|disable|enable))\\b([^>]*)-->',
      name: 'comment.block.html',
      captures: { 1: { name: 'keyword.control.directive.xxgk' }, 2: { name: 'variable.parameter.rule.xxgk' } },
    },
    tableRow: {
      begin: '^(?=\\s*\\|)',
      end: '$',
      name: 'markup.table.xxgk',
      patterns: [
        { match: '\\|\\s*:?-{3,}:?\\s*(?=\\|)', name: 'punctuation.separator.table.delimiter.xxgk' },
        { match: '\\|', name: 'punctuation.separator.table.cell.xxgk' },
        { match: `(?<=\\|)\\s*(${alt(keys)})\\s*(?=\\|)`, captures: { 1: { name: 'entity.name.type.table.xxgk' } } },
        { match: `(?<=\\|)\\s*(${alt(rows)})\\s*(?=\\|)`, captures: { 1: { name: 'entity.name.tag.row-label.xxgk' } } },
        { match: `(?<=\\|)\\s*(${alt(cols)})\\s*(?=\\|)`, captures: { 1: { name: 'support.type.column.xxgk' } } },
        {
          match: '(?<=\\|)\\s*([-+]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)\\s*(万元|元)?\\s*(?=\\|)',
          captures: { 1: { name: 'constant.numeric.cell.xxgk' }, 2: { name: 'keyword.other.unit.xxgk' } },
        },
        {
          match: '(?<=\\|)\\s*(—+|-|/|／|无|N/A)\\s*(?=\\|)',
          captures: { 1: { name: 'invalid.deprecated.blank.xxgk' } },
        },
      ],
    },
  },
};

writeFileSync('syntaxes/xxgk-report.tmLanguage.json', JSON.stringify(grammar, null, 2) + '\n');
