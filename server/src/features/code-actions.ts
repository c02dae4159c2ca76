/**
 * Code actions: every fix the engine computed for a diagnostic, as a quick fix titled by what it
 * writes; for every diagnostic, silencing its rule where it stands; and `source.fixAll.xxgk`,
 * which applies every safe fix at once (usable from `editor.codeActionsOnSave`). Unsafe fixes —
 * where the right value is a person's call (balance, cell-empty, …) — are offered, never applied
 * by fix-all.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic as LspDiagnostic,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../engine/check';
import { fixAll } from '../engine/fixes';
import type { Report } from '../engine/model';
import { eolOf } from '../engine/text';
import type { Feature } from './types';
import type { ServerState } from './state';
import { diffEdits, kindWanted, toTextEdits, translator, type Translate } from './edit-util';
import type { SpanEdit } from '../engine/text';
import { SOURCE } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.xxgk`;

/** The engine diagnostic an editor diagnostic stands for (by fingerprint, else rule + range). */
export function engineDiagnostic(all: readonly Diagnostic[], d: LspDiagnostic): Diagnostic | undefined {
  const fp = (d.data as { fingerprint?: string } | undefined)?.fingerprint;
  const same = (x: Diagnostic): boolean => x.rule === d.code;
  const byFp = fp ? all.filter((x) => x.fingerprint === fp && same(x)) : [];
  const at = (x: Diagnostic): boolean =>
    x.range.start.line === d.range.start.line &&
    x.range.start.character === d.range.start.character &&
    x.range.end.line === d.range.end.line &&
    x.range.end.character === d.range.end.character;
  if (byFp.length === 1) return byFp[0];
  if (byFp.length > 1) return byFp.find(at) ?? byFp[0];
  return all.find((x) => same(x) && at(x));
}

const DIRECTIVE_NEXT = /^\s*<!--\s*xxgk-disable-next-line\b([^>]*?)\s*-->\s*$/;

/**
 * The edit that silences `d`'s rule where it stands: `<!-- xxgk-disable-next-line id -->` above
 * its line when that line starts a block; around the whole block (a table, a multi-line
 * paragraph) with `xxgk-disable` / `xxgk-enable` otherwise, since a comment line inside a table
 * would end the table. None inside the front matter (a comment cannot go into YAML).
 */
export function suppressionEdit(
  report: Report,
  d: Diagnostic,
  t: Translate,
): { title: string; edits: SpanEdit[] } | undefined {
  const doc = report.doc;
  const lines = doc.lines;
  const nl = eolOf(doc.text);
  const fm = doc.frontMatter;
  if (fm && d.span.start < fm.span.end) return undefined;
  const line = d.range.start.line;
  const at = d.span.start;
  const block = doc.blocks.find(
    (b) => b.type !== 'yaml' && b.span.start <= at && at < Math.max(b.span.end, b.span.start + 1),
  );
  const firstLine = block ? lines.positionAt(block.span.start).line : line;
  if (!block || firstLine === line) {
    const start = lines.lineStart(line);
    const prev = line > 0 ? lines.lineText(line - 1) : '';
    const m = line > 0 ? DIRECTIVE_NEXT.exec(prev) : null;
    if (m) {
      const ids = m[1].split(/[\s,]+/).filter(Boolean);
      if (ids.length === 0 || ids.includes(d.rule)) return undefined; // already silenced
      const prevStart = lines.lineStart(line - 1);
      return {
        title: t('code-actions.disable-line', { rule: d.rule }),
        edits: [
          {
            span: { start: prevStart, end: lines.lineEnd(line - 1) },
            newText: `<!-- xxgk-disable-next-line ${[...ids, d.rule].join(' ')} -->`,
          },
        ],
      };
    }
    return {
      title: t('code-actions.disable-line', { rule: d.rule }),
      edits: [{ span: { start, end: start }, newText: `<!-- xxgk-disable-next-line ${d.rule} -->${nl}` }],
    };
  }
  const lastLine = lines.positionAt(block.span.end).line;
  const what =
    block.type === 'table'
      ? t('code-actions.table')
      : block.type === 'list'
        ? t('code-actions.list')
        : t('code-actions.block');
  const start = lines.lineStart(firstLine);
  const end = lines.lineEnd(lastLine);
  return {
    title: t('code-actions.disable-rule', { what, rule: d.rule }),
    edits: [
      { span: { start, end: start }, newText: `<!-- xxgk-disable ${d.rule} -->${nl}` },
      { span: { start: end, end }, newText: `${nl}<!-- xxgk-enable ${d.rule} -->` },
    ],
  };
}

/** The edits of fix-all against the current text (small edits, not a whole-document rewrite). */
export function fixAllEdits(state: ServerState, doc: TextDocument): SpanEdit[] {
  const text = doc.getText();
  // the first round applies the fixes of the document's analysis; the result is analysed again only when needed
  const { diagnostics } = state.analyze(doc);
  const fixed = fixAll(
    text,
    { locale: state.locale(doc.uri), severities: state.severities(doc.uri) },
    { analysed: diagnostics },
  );
  return diffEdits(text, fixed);
}

export function codeActions(state: ServerState, doc: TextDocument, params: CodeActionParams): CodeAction[] {
  const { report, diagnostics } = state.analyze(doc);
  const t = translator(state.locale(doc.uri));
  const uri = doc.uri;
  const lines = report.doc.lines;
  const only = params.context.only;
  const out: CodeAction[] = [];
  const edit = (edits: SpanEdit[] | TextEdit[]): CodeAction['edit'] => ({
    changes: {
      [uri]: edits.length && 'span' in edits[0] ? toTextEdits(lines, edits as SpanEdit[]) : (edits as TextEdit[]),
    },
  });

  if (kindWanted(CodeActionKind.QuickFix, only)) {
    const disables: CodeAction[] = [];
    let anySafe = false;
    for (const ld of params.context.diagnostics) {
      if (ld.source !== SOURCE) continue;
      const d = engineDiagnostic(diagnostics, ld);
      if (!d) continue;
      d.fixes.forEach((f, i) => {
        if (f.edits.length === 0) return;
        if (f.safe) anySafe = true;
        out.push({
          title: f.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [ld],
          isPreferred: f.safe && i === 0 ? true : undefined,
          edit: edit(f.edits.map((e) => ({ span: e.span, newText: e.newText }))),
        });
      });
      const s = suppressionEdit(report, d, t);
      if (s && !disables.some((x) => x.title === s.title)) {
        disables.push({ title: s.title, kind: CodeActionKind.QuickFix, diagnostics: [ld], edit: edit(s.edits) });
      }
    }
    // a quick way to every safe fix from the light bulb, when the diagnostic at hand has one
    if (anySafe && diagnostics.filter((d) => d.fixes.some((f) => f.safe)).length > 1) {
      const edits = fixAllEdits(state, doc);
      if (edits.length)
        out.push({
          title: t('code-actions.fix-all'),
          kind: CodeActionKind.QuickFix,
          edit: edit(edits),
        });
    }
    out.push(...disables);
  }

  if (only && only.length && kindWanted(FIX_ALL_KIND, only)) {
    const edits = fixAllEdits(state, doc);
    if (edits.length) {
      out.push({
        title: t('code-actions.fix-all-source'),
        kind: FIX_ALL_KIND,
        edit: edit(edits),
      });
    }
  }
  return out;
}

export const codeActionsFeature: Feature = {
  capabilities: () => ({
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
  }),
  register({ connection, state, withDoc }) {
    connection.onCodeAction((p) =>
      withDoc(p.textDocument.uri, [] as CodeAction[], (doc) => codeActions(state, doc, p)),
    );
  },
};
