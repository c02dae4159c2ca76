/**
 * Writes the rules table of README.md (between <!-- rules:start --> and <!-- rules:end -->) from
 * the rule registry, so the README lists exactly the rules the engine has. `npm run docs`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES } from '../server/src/engine/rules';
import { message } from '../server/src/messages';
import { configJsonSchema } from '../server/src/config/schema';
import { SCHEMA_RULES } from '../server/src/config/node';

const rows = RULES.map(
  (r) =>
    `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.severity} | ${message('zh', r.description)} | ${r.fixable ? '✓' : ''} |`,
);
const table = ['| rule | severity | what it finds | fix |', '| --- | --- | --- | --- |', ...rows].join('\n');
const readme = readFileSync('README.md', 'utf8');
const next = readme.replace(
  /<!-- rules:start -->[\s\S]*?<!-- rules:end -->/,
  `<!-- rules:start -->\n${table}\n<!-- rules:end -->`,
);
writeFileSync('README.md', next);

// the JSON Schema of .xxgkrc.json, listing every rule
writeFileSync('schemas/xxgkrc.schema.json', JSON.stringify(configJsonSchema(SCHEMA_RULES), null, 2) + '\n');
