/** Engine results → LSP types. */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { Diagnostic } from '../engine/check';
import type { Severity } from '../engine/rule';

export const SOURCE = 'xxgk';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The rule page shipped with the extension (docs/rules/<id>.md next to dist/). */
export function ruleDocUri(id: string): string {
  return pathToFileURL(join(__dirname, '..', 'docs', 'rules', `${id}.md`)).toString();
}

export function toLspDiagnostic(d: Diagnostic, uri: string): LspDiagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.rule,
    codeDescription: { href: ruleDocUri(d.rule) },
    source: SOURCE,
    message: d.message,
    relatedInformation: d.related.length
      ? d.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }))
      : undefined,
    data: { fingerprint: d.fingerprint },
  };
}
