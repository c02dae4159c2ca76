/**
 * Completion: official section headings after `## `, the five topics after `### ` under
 * 一、总体情况, a known table's row labels in its first column and its header cells, front-matter
 * keys and values, and snippets for a whole official table or a complete report skeleton.
 *
 * Official labels are matched on the server (any part of the label, or its pinyin initials and
 * syllables), so the list is marked incomplete and each item's filter text starts with what was
 * typed: the editor's own prefix filter, made for space-separated words, would otherwise drop
 * “予以” for “（一）予以公开”.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FORMS, type FormDef, type TableDef } from '../engine/forms';
import { impliedValues } from '../engine/arith/equations';
import { matchLabel } from '../engine/model/normalize';
import type { Report, ReportTable, Section } from '../engine/model';
import { eolOf, type LineIndex } from '../engine/text';
import {
  FRONT_MATTER_KEYS,
  emptyTableLines,
  labelMatches,
  officialHeading,
  reportSkeleton,
  snippetEscape,
} from '../engine/completion-data';
import { formatFigure } from '../engine/model/figures';
import type { Feature } from './types';
import type { ServerState } from './state';
import { translator, type Translate } from './edit-util';

interface Ctx {
  report: Report;
  lines: LineIndex;
  line: number;
  /** the line's text up to the cursor, and after it */
  before: string;
  after: string;
  offset: number;
  t: Translate;
  now: Date;
}

const sort = (group: number, index: number): string => `${group}${String(index).padStart(4, '0')}`;

function item(
  ctx: Ctx,
  label: string,
  range: Range,
  typed: string,
  extra: Partial<CompletionItem> & { sortText: string },
): CompletionItem {
  return {
    label,
    kind: CompletionItemKind.Value,
    filterText: typed + label,
    textEdit: { range, newText: label },
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------------
// Front matter

function frontMatterEnd(ctx: Ctx): number | undefined {
  const l = ctx.lines;
  if (!/^---\s*$/.test(l.lineText(0))) return undefined;
  for (let i = 1; i < l.lineCount; i++) if (/^(---|\.\.\.)\s*$/.test(l.lineText(i))) return i;
  return l.lineCount;
}

const KEY_ALIAS: Record<string, string> = {
  agency: '机关',
  year: '年度',
  format: '格式',
  kind: '类型',
  published: '发布日期',
};

function frontMatterItems(ctx: Ctx, endLine: number): CompletionItem[] {
  const { t } = ctx;
  const present = new Set<string>();
  for (let i = 1; i < endLine; i++) {
    if (i === ctx.line) continue;
    const m = /^\s*([^:：#\s]+)\s*[:：]/.exec(ctx.lines.lineText(i));
    if (m) present.add(KEY_ALIAS[m[1].toLowerCase()] ?? m[1]);
  }
  const kv = /^(\s*)([^:：]+?)\s*[:：]\s?(.*)$/.exec(ctx.before);
  if (!kv) {
    const indent = /^\s*/.exec(ctx.before)![0].length;
    const typed = ctx.before.slice(indent);
    const range = {
      start: { line: ctx.line, character: indent },
      end: { line: ctx.line, character: ctx.before.length + (/^[^:：]*/.exec(ctx.after)?.[0].length ?? 0) },
    };
    const hasColon = /^[^:：]*[:：]/.test(ctx.after);
    return FRONT_MATTER_KEYS.filter((k) => labelMatches(k.key, typed) || k.key.startsWith(typed)).map((k, i) => ({
      label: k.key,
      kind: CompletionItemKind.Property,
      detail: t(k.detail),
      sortText: sort(present.has(k.key) ? 1 : 0, i),
      filterText: typed + k.key,
      textEdit: { range, newText: hasColon ? k.key : `${k.key}: ` },
      command: hasColon ? undefined : { title: 're-trigger', command: 'editor.action.triggerSuggest' },
    }));
  }
  const key = KEY_ALIAS[kv[2].trim().toLowerCase()] ?? kv[2].trim();
  const typed = kv[3];
  const valueStart = ctx.before.length - typed.length;
  const range = {
    start: { line: ctx.line, character: valueStart },
    end: { line: ctx.line, character: ctx.before.length + ctx.after.replace(/\s*(#.*)?$/, '').length },
  };
  const meta = ctx.report.meta;
  const values: { v: string; detail: string }[] = [];
  const lastYear = ctx.now.getFullYear() - 1;
  switch (key) {
    case '机关': {
      const title = ctx.report.titles[0]?.text.normalize('NFKC') ?? '';
      const m = /^(.+?)\s*\d{4}\s*年/.exec(title);
      if (m) values.push({ v: m[1].trim(), detail: t('completion.from-title') });
      break;
    }
    case '年度': {
      const title = /(\d{4})\s*年/.exec(ctx.report.titles[0]?.text.normalize('NFKC') ?? '')?.[1];
      const years = [...new Set([...(title ? [Number(title)] : []), lastYear, lastYear + 1, lastYear - 1])];
      for (const y of years)
        values.push({
          v: String(y),
          detail:
            y === Number(title) ? t('completion.from-title') : t('completion.published-early', { y, value: y + 1 }),
        });
      break;
    }
    case '格式': {
      const forms = [...FORMS].sort((a, b) =>
        meta.year !== undefined && a === formFor(meta.year) ? -1 : b === formFor(meta.year) ? 1 : 0,
      );
      for (const f of forms)
        values.push({
          v: f.id,
          detail: f.years.to
            ? t('completion.format-years', { notice: f.notice, from: f.years.from, to: f.years.to })
            : t('completion.format-from', { notice: f.notice, from: f.years.from }),
        });
      break;
    }
    case '类型':
      values.push({
        v: '部门',
        detail: t('completion.deadline-department'),
      });
      values.push({
        v: '政府',
        detail: t('completion.deadline-government'),
      });
      break;
    case '发布日期': {
      const y = (meta.year ?? lastYear) + 1;
      const deadline = meta.kind === '政府' ? `${y}-03-31` : `${y}-01-31`;
      const today = ctx.now.toISOString().slice(0, 10);
      values.push({ v: today, detail: t('completion.today') });
      values.push({
        v: deadline,
        detail: t('completion.statutory-deadline'),
      });
      break;
    }
    default:
      return [];
  }
  return values
    .filter((x) => labelMatches(x.v, typed) || x.v.startsWith(typed))
    .map((x, i) => ({
      label: x.v,
      kind: CompletionItemKind.Value,
      detail: x.detail,
      sortText: sort(0, i),
      filterText: typed + x.v,
      textEdit: { range, newText: x.v },
    }));
}

function formFor(year: number | undefined): FormDef | undefined {
  if (year === undefined) return undefined;
  return FORMS.find((f) => year >= f.years.from && (f.years.to === undefined || year <= f.years.to));
}

// ---------------------------------------------------------------------------------------------
// Headings

function sectionAt(report: Report, offset: number): Section | undefined {
  return report.sections.find((s) => offset >= s.span.start && offset <= s.span.end);
}

function headingItems(ctx: Ctx, hashes: string, typed: string, typedStart: number, lead: string): CompletionItem[] {
  const { report, t } = ctx;
  const form = report.meta.form;
  const lineEnd = ctx.before.length + ctx.after.length;
  const range = { start: { line: ctx.line, character: typedStart }, end: { line: ctx.line, character: lineEnd } };
  const lineStart = ctx.lines.lineStart(ctx.line);
  if (hashes === '#') {
    const { agency, year } = report.meta;
    if (!agency || !year) return [];
    const title = `${agency}${year}年政府信息公开工作年度报告`;
    return [
      {
        label: title,
        kind: CompletionItemKind.Text,
        detail: t('completion.report-title'),
        sortText: sort(0, 0),
        filterText: typed + title,
        textEdit: { range, newText: lead + title },
      },
    ];
  }
  if (hashes === '##') {
    const present = new Set(
      report.sections.filter((s) => ctx.lines.positionAt(s.heading.span.start).line !== ctx.line).map((s) => s.index),
    );
    return form.sections
      .map((s, i) => ({ s, i, label: officialHeading(form, i) }))
      .filter((x) => labelMatches(x.label, typed))
      .map((x) => ({
        label: x.label,
        kind: CompletionItemKind.Module,
        detail: present.has(x.i) ? t('completion.section-present') : t('completion.section-missing'),
        documentation: x.s.help ? { kind: 'markdown' as const, value: x.s.help } : undefined,
        sortText: sort(present.has(x.i) ? 1 : 0, x.i),
        filterText: typed + x.label,
        textEdit: { range, newText: lead + x.label },
      }));
  }
  if (hashes === '###') {
    const sec = sectionAt(report, lineStart);
    if (!sec || sec.index !== 0 || sec.def.topics.length === 0) return [];
    const heads = sec.subHeadings
      .filter((h) => ctx.lines.positionAt(h.span.start).line !== ctx.line)
      .map((h) => h.text);
    return sec.def.topics
      .map((tp, i) => {
        const present = heads.some((h) => tp.keywords.some((k) => h.includes(k)));
        return { tp, i, present };
      })
      .filter((x) => labelMatches(x.tp.heading, typed))
      .map((x) => ({
        label: x.tp.heading,
        kind: CompletionItemKind.Module,
        detail: x.present ? t('completion.topic-present') : t('completion.expected-topic'),
        sortText: sort(x.present ? 1 : 0, x.i),
        filterText: typed + x.tp.heading,
        textEdit: { range, newText: lead + x.tp.heading },
      }));
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// Tables

/** Indices of the unescaped pipes of a line. */
function pipes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s[i] === '|') out.push(i);
  }
  return out;
}

function firstCell(line: string): string {
  const p = pipes(line);
  const t = line.trim();
  const lead = t.startsWith('|');
  const s = lead ? p[0] + 1 : 0;
  const e = lead ? (p[1] ?? line.length) : (p[0] ?? line.length);
  return line.slice(s, e).trim();
}

function defsOfSection(report: Report, sec: Section | undefined): { def: TableDef; form: FormDef }[] {
  if (!sec) return [];
  const form = report.meta.form;
  return form.tables.filter((d) => d.section === sec.def.numeral).map((def) => ({ def, form }));
}

function identify(
  report: Report,
  sec: Section | undefined,
  headerLine: number,
  headerText: string,
  lines: LineIndex,
): { def?: TableDef; table?: ReportTable } {
  const table = report.tables.find((x) => lines.positionAt(x.node.span.start).line === headerLine);
  if (table?.def) return { def: table.def, table };
  const defs = defsOfSection(report, sec);
  const key = firstCell(headerText);
  const hit = key
    ? matchLabel(
        key,
        defs.map(({ def }) => ({ item: def, labels: [def.key], aliases: def.keyAliases })),
      )
    : undefined;
  if (hit) return { def: hit.item, table };
  if (defs.length === 1) return { def: defs[0].def, table };
  return { table };
}

function tableItems(ctx: Ctx): CompletionItem[] | undefined {
  const { lines, line, report, t } = ctx;
  const text = ctx.before + ctx.after;
  if (!text.trimStart().startsWith('|')) return undefined;
  let first = line;
  while (
    first > 0 &&
    lines
      .lineText(first - 1)
      .trimStart()
      .startsWith('|')
  )
    first--;
  let last = line;
  while (
    last + 1 < lines.lineCount &&
    lines
      .lineText(last + 1)
      .trimStart()
      .startsWith('|')
  )
    last++;
  const sec = sectionAt(report, lines.lineStart(line));
  const ps = pipes(text);
  const cursor = ctx.before.length;
  const k = ps.filter((p) => p < cursor).length - 1; // cell index (0 = label)
  if (k < 0) return [];
  const cellStart = ps[k] + 1;
  const next = ps.find((p) => p >= cursor);
  const cellEnd = next ?? text.length;
  const raw = text.slice(cellStart, cellEnd);
  const lead = raw.length - raw.trimStart().length;
  const from = Math.min(cellStart + lead, cursor);
  const typed = text.slice(from, cursor);
  const to = Math.max(cursor, cellStart + raw.trimEnd().length);
  const range = { start: { line, character: from }, end: { line, character: to } };
  const isLastCell = next === undefined;

  if (line === first) {
    // a header cell
    if (k === 0) {
      const defs = defsOfSection(report, sec);
      const presentKeys = new Set(
        report.tables
          .filter((x) => x.section === sec && lines.positionAt(x.node.span.start).line !== line && x.def)
          .map((x) => x.def!.id),
      );
      const lonely = first === last && isLastCell; // starting a new table: insert all of it
      const nl = eolOf(report.doc.text);
      return defs
        .filter(({ def }) => labelMatches(def.key, typed) || (def.title ? labelMatches(def.title, typed) : false))
        .map(({ def }, i) => {
          const name = def.key;
          const whole = emptyTableLines(def);
          return {
            label: name,
            kind: lonely ? CompletionItemKind.Snippet : CompletionItemKind.Value,
            detail: lonely ? t('completion.insert-whole-table', { table: def.title ?? def.key }) : def.title,
            sortText: sort(presentKeys.has(def.id) ? 1 : 0, i),
            filterText: typed + name + (def.title ?? ''),
            textEdit: lonely
              ? {
                  range: { start: { line, character: 0 }, end: { line, character: text.length } },
                  newText: whole.join(nl),
                }
              : { range, newText: name },
          };
        });
    }
    const { def } = identify(report, sec, first, lines.lineText(first), lines);
    if (!def) return [];
    const written = ps
      .slice(1)
      .map((p, j) => ({ j: j + 1, text: text.slice(p + 1, ps[j + 2] ?? text.length).trim() }))
      .filter((c) => c.j !== k);
    const present = new Set(
      def.columns
        .filter((c) => written.some((w) => matchLabel(w.text, [{ item: c, labels: [c.label], aliases: c.aliases }])))
        .map((c) => c.id),
    );
    return def.columns
      .filter((c) => labelMatches(c.label, typed))
      .map((c, i) =>
        item(ctx, c.label, range, typed, {
          kind: CompletionItemKind.Field,
          detail: present.has(c.id)
            ? t('completion.column-present')
            : t('completion.column-of', { table: def.title ?? def.key }),
          sortText: sort(present.has(c.id) ? 1 : 0, i),
        }),
      );
  }
  if (line === first + 1) return []; // the delimiter row
  const { def, table } = identify(report, sec, first, lines.lineText(first), lines);
  if (!def) return [];
  if (k === 0) {
    const candidates = def.rows.map((r) => ({ item: r, labels: [r.label], aliases: r.aliases }));
    const present = new Set<string>();
    for (let l = first + 2; l <= last; l++) {
      const m = matchLabel(firstCell(lines.lineText(l)), candidates);
      // the row being typed counts only once its label is complete
      if (m && (l !== line || m.kind === 'exact')) present.add(m.item.id);
    }
    const rest = text.slice(cellEnd).trim();
    const wholeRow = isLastCell || rest === '' || /^\|\s*$/.test(rest);
    const ncols = def.columns.length;
    return def.rows
      .filter((r) => labelMatches(r.label, typed) || r.aliases.some((a) => labelMatches(a, typed)))
      .map((r, i) => {
        const doc = [r.help, r.basis ? t('hover.basis', { basis: r.basis }) : ''].filter(Boolean).join('\n\n');
        const base = {
          label: r.label,
          kind: r.group ? CompletionItemKind.Folder : CompletionItemKind.EnumMember,
          detail: present.has(r.id)
            ? t('completion.row-present')
            : r.group
              ? t('completion.group-row')
              : t('completion.row-missing'),
          documentation: doc ? { kind: 'markdown' as const, value: doc } : undefined,
          sortText: sort(present.has(r.id) ? 1 : 0, i),
          filterText: typed + r.label,
        };
        if (!wholeRow) return { ...base, textEdit: { range, newText: r.label } };
        // the rest of the row: its number cells, as tab stops (empty for a group row)
        const cells = Array.from({ length: ncols }, (_, j) => (r.group ? ' ' : ` $${j + 1} `)).join('|');
        return {
          ...base,
          insertTextFormat: InsertTextFormat.Snippet,
          textEdit: {
            range: { start: range.start, end: { line, character: text.length } },
            newText: `${snippetEscape(r.label)} |${cells}|`,
          },
        };
      });
  }
  // a number cell: the value the sums imply, when they determine it
  const t2 = table;
  const rowLabel = firstCell(text);
  const rowDef = matchLabel(
    rowLabel,
    def.rows.map((r) => ({ item: r, labels: [r.label], aliases: r.aliases })),
  )?.item;
  if (!t2 || !rowDef || rowDef.group) return [];
  const col = t2.columns[k - 1]?.def;
  if (!col || typed.trim() !== '') return [];
  const implied = impliedValues(t2, { row: rowDef.id, col: col.id }).filter((v) => v >= 0);
  if (implied.length !== 1) return [];
  const v = formatFigure(implied[0]);
  return [
    item(ctx, v, range, typed, {
      kind: CompletionItemKind.Constant,
      detail: t('completion.implied-sums'),
      sortText: sort(0, 0),
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// Snippets on an empty line

function snippetItems(ctx: Ctx): CompletionItem[] {
  const { report, t, line, lines } = ctx;
  const out: CompletionItem[] = [];
  const range = { start: { line, character: 0 }, end: { line, character: ctx.before.length + ctx.after.length } };
  const typed = ctx.before.trim();
  const nl = eolOf(report.doc.text);
  const sec = sectionAt(report, lines.lineStart(line));
  if (sec) {
    const present = new Set(sec.tables.filter((x) => x.def).map((x) => x.def!.id));
    defsOfSection(report, sec).forEach(({ def }, i) => {
      const label = t('completion.table', { table: def.section === '二' ? def.key : (def.title ?? def.key) });
      out.push({
        label,
        kind: CompletionItemKind.Snippet,
        detail: present.has(def.id) ? t('completion.table-present') : t('completion.insert-table'),
        sortText: sort(present.has(def.id) ? 1 : 0, i),
        filterText: typed + label,
        // a table must not touch the block above it, or it would continue that block
        textEdit: {
          range,
          newText: (line > 0 && lines.lineText(line - 1).trim() !== '' ? nl : '') + emptyTableLines(def).join(nl) + nl,
        },
      });
    });
  }
  if (report.sections.length === 0) {
    const meta = report.meta;
    const year = meta.year ?? ctx.now.getFullYear() - 1;
    const fmAbsent = !report.frontMatter.present;
    const fmEnd = report.frontMatter.span?.end ?? 0;
    if (fmAbsent || lines.lineStart(line) >= fmEnd) {
      const label = t('completion.skeleton-label', { year, id: meta.form.id });
      out.push({
        label,
        kind: CompletionItemKind.Snippet,
        detail: t(meta.form.sections[0].topics.length ? 'completion.skeleton-topics' : 'completion.skeleton', {
          notice: meta.form.notice,
        }),
        sortText: sort(0, 100),
        filterText: typed + label + 'nianbao kuangjia',
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: {
          range,
          newText: reportSkeleton({
            form: meta.form,
            year,
            agency: meta.agency,
            kind: meta.kind,
            frontMatter: fmAbsent && line === 0,
            eol: nl,
            snippet: true,
          }),
        },
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

export function completions(
  state: ServerState,
  doc: TextDocument,
  params: CompletionParams,
  now = new Date(),
): CompletionList {
  const { report } = state.analyze(doc);
  const lines = report.doc.lines;
  const line = params.position.line;
  const lineText = lines.lineText(line);
  const ch = Math.min(params.position.character, lineText.length);
  const ctx: Ctx = {
    report,
    lines,
    line,
    before: lineText.slice(0, ch),
    after: lineText.slice(ch),
    offset: lines.offsetAt(params.position),
    t: translator(state.locale(doc.uri)),
    now,
  };
  const list = (items: CompletionItem[]): CompletionList => ({ isIncomplete: true, items });
  const fmEnd = frontMatterEnd(ctx);
  if (fmEnd !== undefined && line > 0 && line < fmEnd) return list(frontMatterItems(ctx, fmEnd));
  const h = /^(\s{0,3})(#{1,6})(\s*)(.*)$/.exec(ctx.before);
  if (h) return list(headingItems(ctx, h[2], h[4], h[1].length + h[2].length + h[3].length, h[3] === '' ? ' ' : ''));
  const tbl = tableItems(ctx);
  if (tbl) return list(tbl);
  const typed = ctx.before.trim();
  if (lineText.trim() === '') return list(snippetItems(ctx));
  if (
    ctx.after.trim() === '' &&
    /^[\p{L}\p{N}]{1,6}$/u.test(typed) &&
    (line === 0 || lines.lineText(line - 1).trim() === '')
  ) {
    // a word at the start of a new block: only snippets whose name it matches
    return list(snippetItems(ctx).filter((i) => labelMatches(i.label, typed)));
  }
  return list([]);
}

export const completionFeature: Feature = {
  capabilities: () => ({ completionProvider: { triggerCharacters: ['#', '|', ' ', ':'], resolveProvider: false } }),
  register({ connection, state, withDoc }) {
    connection.onCompletion((p) =>
      withDoc(p.textDocument.uri, { isIncomplete: false, items: [] }, (doc) => completions(state, doc, p)),
    );
  },
};
