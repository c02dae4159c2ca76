/** Engine results → LSP types. */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic } from '../engine/check';
import type { Severity } from '../engine/rule';

export const SOURCE = 'xxgk';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `ruleDocUri` is the platform's address of a rule's page (ServerDeps). */
export function toLspDiagnostic(d: Diagnostic, uri: string, ruleDocUri: (id: string) => string): LspDiagnostic {
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
