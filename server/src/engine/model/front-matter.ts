/** The front matter of a report: read from YAML, validated (zod), keys and values in their usual variants. */
import { isMap, parseDocument as parseYamlDocument, LineCounter } from 'yaml';
import { z } from 'zod';
import { FORMS, formForYear, getForm, type FormDef } from '../forms';
import type { ParsedDocument } from '../parse';
import type { Span } from '../text';
import type { MessageRef } from '../../messages';

// ---------------------------------------------------------------------------------------------
// Front matter

export type Kind = '部门' | '政府';

export interface FieldIssue {
  key: string;
  span: Span;
  /** put into words by the front-matter rule, in the user's language */
  message: MessageRef;
}
export interface FrontMatter {
  present: boolean;
  span?: Span;
  /** the YAML could not be parsed */
  syntaxError?: { span: Span; message: string };
  /** canonical key → value and the span of its value (or key when there is no value) */
  fields: Map<string, { value: unknown; span: Span; keySpan: Span }>;
  issues: FieldIssue[];
}

const KEY_ALIASES: Record<string, string> = {
  机关: '机关',
  agency: '机关',
  年度: '年度',
  year: '年度',
  格式: '格式',
  format: '格式',
  类型: '类型',
  kind: '类型',
  发布日期: '发布日期',
  published: '发布日期',
};
const KIND_VALUES: Record<string, Kind> = {
  部门: '部门',
  department: '部门',
  政府: '政府',
  government: '政府',
  人民政府: '政府',
};

export interface Meta {
  agency?: string;
  year?: number;
  form: FormDef;
  formDeclared: boolean;
  kind: Kind;
  published?: { y: number; m: number; d: number; span: Span };
}

/** The YAML of the front matter, parsed once per distinct text (the document is only read). */
const yamlCache = new Map<string, ReturnType<typeof parseYamlDocument>>();
function parseYaml(raw: string): ReturnType<typeof parseYamlDocument> {
  let y = yamlCache.get(raw);
  if (!y) {
    y = parseYamlDocument(raw, { lineCounter: new LineCounter(), uniqueKeys: false });
    if (yamlCache.size >= 64) yamlCache.clear();
    yamlCache.set(raw, y);
  }
  return y;
}

/** The value schemas, made once (at the first report read, not at every check). */
const schemas: { agency?: z.ZodString; year?: z.ZodNumber } = {};

export function readFrontMatter(doc: ParsedDocument, now: Date): { fm: FrontMatter; meta: Meta } {
  const fm: FrontMatter = { present: !!doc.frontMatter, fields: new Map(), issues: [] };
  const meta: Meta = { form: formForYear(undefined), formDeclared: false, kind: '部门' };
  const node = doc.frontMatter;
  if (!node) return { fm, meta };
  fm.span = node.span;
  const y = parseYaml(node.raw);
  const firstError = y.errors[0];
  if (firstError) {
    const s = node.rawStart + Math.max(0, Math.min(firstError.pos[0], node.raw.length));
    fm.syntaxError = {
      span: { start: s, end: Math.max(s + 1, node.rawStart + Math.min(firstError.pos[1], node.raw.length)) },
      message: firstError.message.split('\n')[0],
    };
    return { fm, meta };
  }
  const contents = y.contents;
  if (contents && !isMap(contents)) {
    fm.syntaxError = {
      span: { start: node.rawStart, end: node.rawStart + node.raw.length },
      message: 'front matter is not a mapping of keys to values',
    };
    return { fm, meta };
  }
  if (contents && isMap(contents)) {
    for (const item of contents.items) {
      const k = item.key as { value?: unknown; range?: [number, number, number] } | null;
      const v = item.value as { value?: unknown; range?: [number, number, number]; toJSON?: () => unknown } | null;
      const keyText = scalarText(k?.value);
      const canonical = KEY_ALIASES[keyText] ?? KEY_ALIASES[keyText.toLowerCase()];
      if (!canonical) continue;
      const kr = k?.range ?? [0, 0, 0];
      const keySpan = { start: node.rawStart + kr[0], end: node.rawStart + kr[1] };
      const vr = v?.range;
      const span = vr ? { start: node.rawStart + vr[0], end: node.rawStart + vr[1] } : keySpan;
      const value = v && typeof v.toJSON === 'function' ? v.toJSON() : (v?.value ?? null);
      fm.fields.set(canonical, { value, span, keySpan });
    }
  }
  const issue = (key: string, span: Span, message: MessageRef): void => {
    fm.issues.push({ key, span, message });
  };
  const at = node.span;
  const headSpan = { start: at.start, end: at.start + 3 };

  // 机关
  const agency = fm.fields.get('机关');
  const agencyOk = (schemas.agency ??= z.string().trim().min(1)).safeParse(agency?.value);
  if (!agency) issue('机关', headSpan, { id: 'front-matter.agency-missing' });
  else if (!agencyOk.success) issue('机关', agency.span, { id: 'front-matter.agency-empty' });
  else meta.agency = agencyOk.data.trim();

  // 年度
  const maxYear = now.getFullYear() + 1;
  const year = fm.fields.get('年度');
  const yearOk = (schemas.year ??= z.coerce.number().int().min(2008)).safeParse(
    typeof year?.value === 'string' ? year.value.normalize('NFKC').replace(/年度?$/, '') : year?.value,
  );
  if (!year) issue('年度', headSpan, { id: 'front-matter.year-missing' });
  else if (year.value === null || year.value === '' || !yearOk.success || yearOk.data > maxYear)
    issue('年度', year.span, { id: 'front-matter.year-invalid', params: { max: maxYear } });
  else meta.year = yearOk.data;

  // 格式
  const format = fm.fields.get('格式');
  if (format) {
    const f = getForm(scalarText(format.value).normalize('NFKC').trim());
    if (!f)
      issue('格式', format.span, {
        id: 'front-matter.format-invalid',
        params: { ids: FORMS.map((x) => x.id).join(' / '), notices: FORMS.map((x) => x.notice).join('、') },
      });
    else {
      meta.form = f;
      meta.formDeclared = true;
    }
  }
  if (!meta.formDeclared) meta.form = formForYear(meta.year);

  // 类型
  const kind = fm.fields.get('类型');
  if (kind) {
    const k = KIND_VALUES[scalarText(kind.value).trim().toLowerCase()] ?? KIND_VALUES[scalarText(kind.value).trim()];
    if (!k) issue('类型', kind.span, { id: 'front-matter.kind-invalid' });
    else meta.kind = k;
  } else if (meta.agency && /人民政府$/.test(meta.agency)) {
    // no 类型: a body named …人民政府 is a people's government (its deadline is 31 March)
    meta.kind = '政府';
  }

  // 发布日期
  const pub = fm.fields.get('发布日期');
  if (pub && pub.value !== null && pub.value !== '') {
    const raw =
      pub.value instanceof Date ? pub.value.toISOString().slice(0, 10) : scalarText(pub.value).normalize('NFKC');
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw.trim());
    const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : undefined;
    if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3])
      issue('发布日期', pub.span, { id: 'front-matter.date-invalid' });
    else meta.published = { y: +m[1], m: +m[2], d: +m[3], span: pub.span };
  }
  return { fm, meta };
}

/** The text of a YAML scalar as written (numbers, booleans and dates as their usual text; anything else empty). */
function scalarText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return '';
}
