/** The three output formats of `xxgk check`: text, JSON and SARIF 2.1.0 (a stable contract for scripts: README, “Command line”). */
import type { Diagnostic } from '../engine/check';
import type { YearFacts } from '../engine/model/crossyear';
import { RULES } from '../engine/rules';
import { message, translator, type Locale } from '../messages';
import { LIMITS_RULE } from '../engine/parse/limits';
import { jsonSafe, terminalSafe } from './terminal';

/** node:crypto, loaded when a SARIF log is written: `xxgk check` does not load it otherwise. */
function crypto(): typeof import('node:crypto') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:crypto') as typeof import('node:crypto');
}

export interface FileResult {
  path: string;
  diagnostics: Diagnostic[];
  /** what the cross-year post-step needs (never printed) */
  facts?: YearFacts;
}
export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  /** files passed over (not reports, or of other types); present when there were any */
  skipped?: number;
}

export const RULE_DOCS_BASE = 'https://github.com/xxgk-report/xxgk-report/blob/main/docs/rules/';

export function summarize(results: FileResult[]): Summary {
  const s: Summary = { files: results.length, errors: 0, warnings: 0, infos: 0 };
  for (const r of results)
    for (const d of r.diagnostics) {
      if (d.severity === 'error') s.errors++;
      else if (d.severity === 'warning') s.warnings++;
      else s.infos++;
    }
  return s;
}

export function formatText(results: FileResult[], locale: Locale = 'zh', skipped = 0): string {
  const t = translator(locale);
  const lines: string[] = [];
  for (const r of results)
    for (const d of r.diagnostics) {
      lines.push(
        `${terminalSafe(r.path)}:${d.range.start.line + 1}:${d.range.start.character + 1}  ${d.severity}  ${terminalSafe(d.message)}  [${d.rule}]`,
      );
    }
  const s = summarize(results);
  // files beyond the size limits were checked in part or not at all: the summary says so
  const partial = results.filter((r) => r.diagnostics.some((d) => d.rule === LIMITS_RULE)).length;
  lines.push(
    t('cli.summary', {
      files: s.files === 1 ? t('cli.one-file') : t('cli.files', { count: s.files }),
      errors: s.errors === 1 ? t('cli.one-error') : t('cli.errors', { count: s.errors }),
      warnings: s.warnings === 1 ? t('cli.one-warning') : t('cli.warnings', { count: s.warnings }),
      infos: t('cli.infos', { count: s.infos }),
    }) + (partial === 0 ? '' : t(partial === 1 ? 'cli.partial-one' : 'cli.partial', { count: partial })),
  );
  if (skipped > 0) lines[lines.length - 1] += t(skipped === 1 ? 'cli.skipped-one' : 'cli.skipped', { count: skipped });
  return lines.join('\n') + '\n';
}

export function formatJson(results: FileResult[], skipped = 0): string {
  return jsonSafe(
    JSON.stringify(
      {
        files: results.map((r) => ({
          path: r.path,
          diagnostics: r.diagnostics.map((d) => ({
            rule: d.rule,
            severity: d.severity,
            message: d.message,
            range: d.range,
            ...(d.fixes.length
              ? {
                  fixes: d.fixes.map((f) => ({
                    title: f.title,
                    edits: f.edits.map((e) => ({ range: e.range, newText: e.newText })),
                  })),
                }
              : {}),
          })),
        })),
        summary: skipped > 0 ? { ...summarize(results), skipped } : summarize(results),
      },
      null,
      2,
    ) + '\n',
  );
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

export function formatSarif(results: FileResult[], version: string): string {
  const used = new Set(results.flatMap((r) => r.diagnostics.map((d) => d.rule)));
  const rules = [
    ...RULES.map((r) => ({
      id: r.id,
      text: message('en', r.description),
      zh: message('zh', r.description),
      level: r.severity,
    })),
    ...[...used]
      .filter((id) => !RULES.some((r) => r.id === id))
      .map((id) => ({ id, text: id, zh: id, level: 'info' as const })),
  ];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'xxgk',
            informationUri: 'https://github.com/xxgk-report/xxgk-report',
            version,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: r.text },
              fullDescription: { text: `${r.zh} / ${r.text}` },
              helpUri: `${RULE_DOCS_BASE}${r.id}.md`,
              defaultConfiguration: { level: SARIF_LEVEL[r.level] },
            })),
          },
        },
        results: results.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.rule,
            ruleIndex: index.get(d.rule),
            level: SARIF_LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.path.split('\\').join('/') },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
            partialFingerprints: {
              'xxgkFinding/v1': crypto()
                .createHash('sha256')
                .update(`${r.path.split('\\').join('/')}\u0000${d.fingerprint}`)
                .digest('hex')
                .slice(0, 32),
            },
            ...(d.fixes.length
              ? {
                  fixes: d.fixes.map((f) => ({
                    description: { text: f.title },
                    artifactChanges: [
                      {
                        artifactLocation: { uri: r.path.split('\\').join('/') },
                        replacements: f.edits.map((e) => ({
                          deletedRegion: {
                            startLine: e.range.start.line + 1,
                            startColumn: e.range.start.character + 1,
                            endLine: e.range.end.line + 1,
                            endColumn: e.range.end.character + 1,
                          },
                          insertedContent: { text: e.newText },
                        })),
                      },
                    ],
                  })),
                }
              : {}),
          })),
        ),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return jsonSafe(JSON.stringify(sarif, null, 2) + '\n');
}
