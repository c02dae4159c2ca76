/**
 * `xxgk review`: the supervising office's outputs for a batch — index.html (one row per report,
 * self-contained), findings.csv (one row per finding, BOM, quoting, no formulas), figures.xlsx
 * (one sheet per official table, numbers as numbers) — with check's exit codes, a bad file listed
 * as unreadable without stopping the others, and no file overwritten without --force.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ROOT, fixture } from '../helpers/fixtures';
import { runXxgk } from '../helpers/cli';
import { csvField, findingsCsv } from '../../server/src/cli/review/csv';

let dir = '';

function xxgk(args: string[], env: Record<string, string> = {}) {
  return runXxgk(args, { cwd: dir, env });
}

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '"' && s[i + 1] === '"') {
        f += '"';
        i++;
      } else if (c === '"') q = false;
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(f);
      f = '';
    } else if (c === '\n') {
      row.push(f);
      rows.push(row);
      row = [];
      f = '';
    } else if (c !== '\r') f += c;
  }
  if (f || row.length) {
    row.push(f);
    rows.push(row);
  }
  return rows;
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-review-'));
  mkdirSync(join(dir, 'batch'));
  for (const f of [
    'example-2022.xxgk.md',
    'real-street-2023.xxgk.md',
    'real-typos-2022.xxgk.md',
    'real-county-2020.xxgk.md',
    'seed003-2022.xxgk.md',
    'fixall-mixed-2022.xxgk.md',
  ])
    writeFileSync(join(dir, 'batch', f), fixture(f));
  // a .md report whose name does not say so, found by its front matter; a seed text and a saved web page
  writeFileSync(join(dir, 'batch', '城管局.md'), fixture('real-overview-gaps-2022.xxgk.md'));
  cpSync(join(ROOT, 'test', 'fixtures', 'import', 'seed003-2022.txt'), join(dir, 'batch', 'seed003.txt'));
  cpSync(join(ROOT, 'test', 'fixtures', 'import', 'xisaishan-2022.html'), join(dir, 'batch', 'xisaishan.html'));
  writeFileSync(join(dir, 'batch', 'notes.md'), '# 会议记录\n\n不是年报。\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('xxgk review', () => {
  let run: ReturnType<typeof xxgk>;
  before(() => {
    run = xxgk(['review', 'batch', '-o', 'out']);
  });

  test('exit 1 (error-severity findings), one summary line, the three outputs and a page per report', () => {
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /审查了 9 份报告/);
    assert.deepEqual(readdirSync(join(dir, 'out')).sort(), ['figures.xlsx', 'findings.csv', 'index.html', 'reports']);
    assert.equal(readdirSync(join(dir, 'out', 'reports')).length, 9);
  });

  test('index.html: self-contained (CSP, no remote loads), one row per report with its facts and worst finding', () => {
    const html = readFileSync(join(dir, 'out', 'index.html'), 'utf8');
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-/,
    );
    assert.doesNotMatch(html, /\b(?:src|href)="(?:https?:)?\/\//);
    const rows = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>')).split('<tr').slice(1);
    assert.equal(rows.length, 9);
    const street = rows.find((r) => r.includes('real-street-2023'))!;
    assert.match(street, /某区黄石港街道办事处/);
    assert.match(street, /2024-02-06/);
    assert.match(street, /逾期/); // a department, published after 31 January
    const city = rows.find((r) => r.includes('城管局.md'))!;
    assert.match(city, /overview-topic/);
    assert.match(html, /<svg[^>]*role="img"/); // the chart, drawn without script
    assert.match(html, /<text[^>]*>overview-topic<\/text>/);
  });

  test('a report page marks each finding on what it sits on', () => {
    const page = readdirSync(join(dir, 'out', 'reports')).find((f) => f.includes('real-typos'))!;
    const html = readFileSync(join(dir, 'out', 'reports', page), 'utf8');
    assert.match(html, /class="[^"]*diag diag-(?:error|warning)[^"]*" [^>]*title="[^"]*\[label-variant\]/);
    assert.match(html, /href="\.\.\/index\.html"/);
    assert.doesNotMatch(html, /<script/);
  });

  test('findings.csv: BOM, header, one row per finding with file, 机关, 年度, rule, severity, message, line', () => {
    const raw = readFileSync(join(dir, 'out', 'findings.csv'), 'utf8');
    assert.equal(raw.charCodeAt(0), 0xfeff);
    const rows = parseCsv(raw.slice(1));
    assert.deepEqual(rows[0], ['文件', '机关', '年度', '规则', '严重级别', '说明', '行']);
    const typos = rows.filter((r) => r[0].includes('real-typos'));
    const checked = JSON.parse(xxgk(['check', 'batch/real-typos-2022.xxgk.md', '--format', 'json']).stdout) as {
      files: { diagnostics: { rule: string; severity: string; range: { start: { line: number } } }[] }[];
    };
    const expected = checked.files[0].diagnostics.filter((d) => d.severity !== 'hint');
    assert.deepEqual(
      typos.map((r) => [r[3], r[4], Number(r[6])]),
      expected.map((d) => [d.rule, d.severity, d.range.start.line + 1]),
    );
    assert.ok(rows.slice(1).every((r) => r.length === 7));
  });

  test('figures.xlsx: a sheet per official table, a row per report, numbers as numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'out', 'figures.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    // the batch holds both formats: the sheets of each
    assert.ok(
      names.includes('2021 三、本年新收政府信息公开申请数量') || names.some((n) => n.startsWith('2021 三')),
      names.join(),
    );
    assert.ok(
      names.some((n) => n.startsWith('2019 ')),
      names.join(),
    );
    const apps = wb.worksheets.find((w) => w.name.startsWith('2021 三'))!;
    const header = (apps.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(header.slice(0, 3), ['文件', '机关', '年度']);
    assert.ok(header.includes('一、本年新收政府信息公开申请数量 / 总计'), String(header));
    const col = header.indexOf('一、本年新收政府信息公开申请数量 / 总计') + 1;
    const example = apps.getRows(2, apps.rowCount - 1)!.find((r) => r.getCell(1).text.includes('example-2022'))!;
    assert.equal(example.getCell(2).value, '西塞山区人民政府');
    assert.equal(example.getCell(3).value, 2022);
    assert.equal(example.getCell(col).value, 6);
    assert.equal(typeof example.getCell(col).value, 'number');
  });

  test('never overwrites: a non-empty output directory is refused (exit 2) unless --force', () => {
    const again = xxgk(['review', 'batch', '-o', 'out']);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /不为空.*--force/);
    assert.equal(xxgk(['review', 'batch', '-o', 'out', '--force']).code, 1);
  });
});

describe('xxgk review on bad input', () => {
  test('an unreadable file is listed with its reason, the others are reviewed, exit 2', () => {
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', 'ok.xxgk.md'), fixture('example-2022.xxgk.md'));
    writeFileSync(join(dir, 'bad', 'broken.docx'), Buffer.from('PK\u0003\u0004 not really a zip'));
    writeFileSync(join(dir, 'bad', 'binary.xxgk.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0, 1, 2]));
    const r = xxgk(['review', 'bad', '-o', 'bad-out']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /broken\.docx: 无法读取/);
    assert.match(r.stderr, /binary\.xxgk\.md: 无法读取.*二进制/);
    const html = readFileSync(join(dir, 'bad-out', 'index.html'), 'utf8');
    assert.match(html, /<tr class="unreadable">.*broken\.docx.*无法读取/);
    assert.match(html, /ok\.xxgk\.md/);
    const csv = parseCsv(readFileSync(join(dir, 'bad-out', 'findings.csv'), 'utf8').slice(1));
    assert.ok(csv.some((row) => row[0].endsWith('broken.docx') && row[3] === 'unreadable'));
  });
  test('no report found: exit 2, nothing written', () => {
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'empty', 'readme.md'), '# 说明\n');
    const r = xxgk(['review', 'empty', '-o', 'empty-out']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /没有找到年度报告/);
    assert.throws(() => readdirSync(join(dir, 'empty-out')));
  });
  test('a folder walk reviews each real file once, through symbolic-link loops (issue 14 row 3)', () => {
    mkdirSync(join(dir, 'loops'));
    writeFileSync(join(dir, 'loops', 'a.xxgk.md'), fixture('example-2022.xxgk.md'));
    symlinkSync('.', join(dir, 'loops', 'x'));
    symlinkSync('.', join(dir, 'loops', 'y'));
    const r = xxgk(['review', 'loops', '-o', 'loops-out']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readdirSync(join(dir, 'loops-out', 'reports')).filter((f) => f.endsWith('.html')).length, 1);
  });
  test('usage: -o is required; --help explains the outputs', () => {
    assert.equal(xxgk(['review', 'batch']).code, 2);
    const h = xxgk(['review', '--help']);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /findings\.csv/);
    assert.match(h.stdout, /figures\.xlsx/);
  });
  test('a clean batch exits 0', () => {
    mkdirSync(join(dir, 'clean'));
    writeFileSync(join(dir, 'clean', 'a.xxgk.md'), fixture('example-2022.xxgk.md'));
    assert.equal(xxgk(['review', 'clean', '-o', 'clean-out']).code, 0);
  });
  test('many files go through worker threads with the same outcome', () => {
    const a = readFileSync(join(dir, 'out', 'findings.csv'), 'utf8');
    const r = xxgk(['review', 'batch', '-o', 'out-threads'], { XXGK_WORKERS: '2' });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(readFileSync(join(dir, 'out-threads', 'findings.csv'), 'utf8'), a);
  });
});

describe('findings.csv cells', () => {
  test('quoting, and a leading ’ on what a spreadsheet would take for a formula', () => {
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "x"'), '"say ""x"""');
    assert.equal(csvField('=SUM(A1)'), "'=SUM(A1)");
    assert.equal(csvField('+1'), "'+1");
    assert.equal(csvField('-2'), "'-2");
    assert.equal(csvField('@cmd'), "'@cmd");
    assert.equal(csvField(12), '12');
    const csv = findingsCsv([
      {
        ok: true,
        path: '=evil.md',
        agency: '某局',
        year: 2022,
        kind: '部门',
        format: '2021',
        imported: false,
        title: 't',
        findings: [{ rule: 'x', severity: 'error', message: '第一行\n第二行', line: 3 }],
        counts: { errors: 1, warnings: 0, infos: 0 },
        figures: {},
        body: '',
      },
    ]);
    assert.equal(csv.split('\r\n')[1], `'=evil.md,某局,2022,x,error,"第一行\n第二行",3`);
  });
});
