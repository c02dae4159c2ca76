/**
 * The command line beyond one file: `xxgk check` pairs the reports it is given by 机关 and
 * adjacent 年度 (carryover, valid-docs) without changing its JSON contract; `xxgk new --from`
 * writes next year's draft that `xxgk check` accepts with only the warnings of an unfilled draft;
 * `xxgk import` turns the seed texts into drafts; neither ever overwrites a file without --force.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  mkdtempSync,
  mkdirSync,
  writeFileSync,
  readFileSync,
  rmSync,
  existsSync,
  copyFileSync,
  readdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, fixture } from '../helpers/fixtures';
import { runXxgk } from '../helpers/cli';

let dir = '';

function xxgk(args: string[]) {
  return runXxgk(args, { cwd: dir });
}
interface Json {
  files: {
    path: string;
    diagnostics: {
      rule: string;
      severity: string;
      message: string;
      range: { start: { line: number; character: number } };
      fixes?: unknown[];
    }[];
  }[];
  summary: Record<string, number>;
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-cli-cross-'));
  mkdirSync(join(dir, 'reports', '2021'), { recursive: true });
  mkdirSync(join(dir, 'reports', '2022'), { recursive: true });
  writeFileSync(join(dir, 'reports', '2021', '交通运输局-2021.xxgk.md'), fixture('crossyear/交通运输局-2021.xxgk.md'));
  writeFileSync(join(dir, 'reports', '2022', '交通运输局-2022.xxgk.md'), fixture('crossyear/交通运输局-2022.xxgk.md'));
  mkdirSync(join(dir, 'seeds'));
  for (const f of ['seed000.txt', 'seed001-2020.txt', 'seed003-2022.txt', 'xisaishan-2022.html'])
    copyFileSync(join(ROOT, 'test', 'fixtures', 'import', f), join(dir, 'seeds', f));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('xxgk check across years', () => {
  test('two reports of one body in adjacent years: carryover (warning) and valid-docs (info)', () => {
    const r = xxgk(['check', 'reports']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    const carry = lines.filter((l) => l.endsWith('[carryover]'));
    assert.equal(carry.length, 1, r.stdout);
    for (const l of carry)
      assert.match(
        l,
        /^reports\/2022\/交通运输局-2022\.xxgk\.md:59:\d+ {2}warning {2}“二、上年结转 \/ 自然人”为 0，但 2021 年报告（reports\/2021\/交通运输局-2021\.xxgk\.md）的/,
      );
    assert.equal(lines.filter((l) => l.endsWith('[valid-docs]')).length, 1);
    assert.match(lines[lines.length - 1], /检查了 2 个文件：0 个错误，1 个警告，1 个提示/);
  });

  test('JSON: the contract of rules.md, with the fix, and no facts printed', () => {
    const r = xxgk([
      'check',
      'reports/2022/交通运输局-2022.xxgk.md',
      'reports/2021/交通运输局-2021.xxgk.md',
      '--format',
      'json',
    ]);
    const j = JSON.parse(r.stdout) as Json;
    assert.deepEqual(
      j.files.map((f) => f.path),
      ['reports/2022/交通运输局-2022.xxgk.md', 'reports/2021/交通运输局-2021.xxgk.md'],
    );
    const d = j.files[0].diagnostics.find((x) => x.rule === 'carryover')!;
    assert.deepEqual(Object.keys(d).sort(), ['fixes', 'message', 'range', 'rule', 'severity']);
    assert.deepEqual(d.range.start, { line: 58, character: 21 });
    assert.deepEqual(Object.keys(j.files[0]).sort(), ['diagnostics', 'path']);
    assert.doesNotMatch(r.stdout, /"facts"|agencyKey/);
    assert.deepEqual(j.summary, { files: 2, errors: 0, warnings: 1, infos: 1 });
  });

  test('SARIF lists the cross-year rules with their descriptions', () => {
    const r = xxgk(['check', 'reports', '--format', 'sarif']);
    const s = JSON.parse(r.stdout) as {
      runs: {
        tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } };
        results: { ruleId: string }[];
      }[];
    };
    const rule = s.runs[0].tool.driver.rules.find((x) => x.id === 'carryover');
    assert.match(rule!.shortDescription.text, /上年结转|carried/i);
    assert.equal(s.runs[0].results.filter((x) => x.ruleId === 'carryover').length, 1);
  });

  test('one year alone, or another body: nothing across years', () => {
    const alone = xxgk(['check', 'reports/2022']);
    assert.doesNotMatch(alone.stdout, /carryover|valid-docs/);
    writeFileSync(
      join(dir, 'other-2021.xxgk.md'),
      fixture('crossyear/交通运输局-2021.xxgk.md').replace('机关: 某县交通运输局', '机关: 某县财政局'),
    );
    const other = xxgk(['check', 'other-2021.xxgk.md', 'reports/2022']);
    assert.doesNotMatch(other.stdout, /carryover/);
    rmSync(join(dir, 'other-2021.xxgk.md'));
  });
});

describe('xxgk new --from', () => {
  test('writes next year’s draft next to last year’s; check: no error, only unfilled-draft warnings, no carryover', () => {
    const r = xxgk(['new', '--from', 'reports/2022/交通运输局-2022.xxgk.md']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), 'reports/2022/交通运输局-2023.xxgk.md');
    assert.match(r.stderr, /“二、上年结转”有 7 个单元格取自/);
    const text = readFileSync(join(dir, 'reports', '2022', '交通运输局-2023.xxgk.md'), 'utf8');
    assert.match(text, /^年度: 2023$/m);
    const c = xxgk(['check', 'reports', '--format', 'json']);
    assert.equal(c.code, 0, c.stdout);
    const j = JSON.parse(c.stdout) as Json;
    const draft = j.files.find((f) => f.path.endsWith('2023.xxgk.md'))!;
    assert.deepEqual(
      draft.diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
    const unexpected = draft.diagnostics.filter(
      (d) => d.severity === 'warning' && !['cell-empty', 'section-empty', 'fee-statement'].includes(d.rule),
    );
    assert.deepEqual(
      unexpected.map((d) => `${d.rule}: ${d.message}`),
      [],
    );
    assert.ok(draft.diagnostics.some((d) => d.rule === 'cell-empty'));
    assert.ok(!draft.diagnostics.some((d) => d.rule === 'carryover' || d.rule === 'valid-docs'));
  });

  test('never overwrites without --force; -o and -o -', () => {
    const before = readFileSync(join(dir, 'reports', '2022', '交通运输局-2023.xxgk.md'), 'utf8');
    writeFileSync(join(dir, 'reports', '2022', '交通运输局-2023.xxgk.md'), 'my edits');
    const again = xxgk(['new', '--from', 'reports/2022/交通运输局-2022.xxgk.md']);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /文件已存在（使用 --force 覆盖/);
    assert.equal(readFileSync(join(dir, 'reports', '2022', '交通运输局-2023.xxgk.md'), 'utf8'), 'my edits');
    const forced = xxgk(['new', '--from', 'reports/2022/交通运输局-2022.xxgk.md', '--force']);
    assert.equal(forced.code, 0);
    assert.equal(readFileSync(join(dir, 'reports', '2022', '交通运输局-2023.xxgk.md'), 'utf8'), before);
    rmSync(join(dir, 'reports', '2022', '交通运输局-2023.xxgk.md'));
    const out = xxgk(['new', '--from', 'reports/2021/交通运输局-2021.xxgk.md', '-o', 'draft.xxgk.md']);
    assert.equal(out.code, 0);
    assert.ok(existsSync(join(dir, 'draft.xxgk.md')));
    rmSync(join(dir, 'draft.xxgk.md'));
    const stdout = xxgk(['new', '--from', 'reports/2021/交通运输局-2021.xxgk.md', '-o', '-']);
    assert.match(stdout.stdout, /^---\n机关: 某县交通运输局\n年度: 2022\n/);
    // no temporary files left behind
    assert.deepEqual(readdirSync(join(dir, 'reports', '2021')), ['交通运输局-2021.xxgk.md']);
  });

  test('bad input: a clear message and exit 2', () => {
    const missing = xxgk(['new', '--from', 'nope.xxgk.md']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.xxgk\.md：无法读取：找不到文件或目录/);
    writeFileSync(join(dir, 'noyear.xxgk.md'), '---\n机关: 某局\n---\n# 某局报告\n');
    const noYear = xxgk(['new', '--from', 'noyear.xxgk.md']);
    assert.equal(noYear.code, 2);
    assert.match(noYear.stderr, /年度/);
    const usage = xxgk(['new']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /new 需要上一年度报告/);
  });
});

describe('xxgk import', () => {
  test('seed 001 (tab-separated text): a draft next to it, the summary, and its real mistake in check', () => {
    const r = xxgk(['import', 'seeds/seed001-2020.txt', '--agency', '某区城乡建设局']);
    // exit 1: the draft is incomplete (two cells the source leaves blank), the writer must check it
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout.trim(), 'seeds/seed001-2020.xxgk.md');
    assert.match(r.stderr, /某区城乡建设局 2020，2019 年格式：.*表格单元格读入 196\/198/);
    assert.match(r.stderr, /按所在位置读作/);
    const c = xxgk(['check', 'seeds/seed001-2020.xxgk.md']);
    assert.equal(c.code, 1);
    assert.match(c.stdout, /“（一）予以公开 \/ 自然人”为空；按勾稽关系应为 2/);
    assert.match(c.stdout, /缺少“六、其他需要报告的事项”部分/);
    assert.doesNotMatch(c.stdout, /\[(sum-row|sum-results|balance)\]/);
  });

  test('seed 003 (one cell per line) and the web page: clean drafts', () => {
    for (const f of ['seed003-2022', 'xisaishan-2022']) {
      const ext = f.startsWith('seed') ? 'txt' : 'html';
      const r = xxgk(['import', `seeds/${f}.${ext}`, '-o', `seeds/${f}-imported.xxgk.md`]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /表格单元格读入 200\/200/);
      const c = xxgk(['check', `seeds/${f}-imported.xxgk.md`]);
      assert.equal(c.code, 0, c.stdout);
      assert.match(c.stdout, /0 个错误，0 个警告/);
    }
  });

  test('seed 000: what could not be placed is listed, --summary-json for scripts', () => {
    const r = xxgk(['import', 'seeds/seed000.txt', '--year', '2021', '--summary-json']);
    assert.equal(r.code, 1, r.stderr);
    const j = JSON.parse(r.stdout) as {
      path: string;
      summary: { year: number; cellsRead: number; cellsExpected: number; unplaced: unknown[] };
    };
    assert.equal(j.path, 'seeds/seed000.xxgk.md');
    assert.equal(j.summary.year, 2021);
    assert.equal(j.summary.cellsRead, 10);
    assert.equal(j.summary.cellsExpected, 200);
    assert.equal(j.summary.unplaced.length, 26);
    assert.match(r.stderr, /未能放入（收到和处理政府信息公开申请情况）：一、本年新收政府信息公开申请数量：0/);
  });

  test('never overwrites without --force; unsupported or unreadable input: exit 2 with advice', () => {
    const again = xxgk(['import', 'seeds/seed001-2020.txt']);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /文件已存在|already exists/);
    assert.equal(xxgk(['import', 'seeds/seed001-2020.txt', '--force']).code, 1);
    writeFileSync(join(dir, 'seeds', 'scan.pdf'), '%PDF-1.4');
    const pdf = xxgk(['import', 'seeds/scan.pdf']);
    assert.equal(pdf.code, 2);
    assert.match(pdf.stderr, /PDF 文件不完整/);
    writeFileSync(join(dir, 'seeds', 'fake.docx'), 'not a zip');
    const fake = xxgk(['import', 'seeds/fake.docx']);
    assert.equal(fake.code, 2);
    assert.match(fake.stderr, /不是 Word \.docx 文件/);
    writeFileSync(join(dir, 'seeds', 'notes.txt'), '会议纪要\n今天开会。\n');
    const nothing = xxgk(['import', 'seeds/notes.txt']);
    assert.equal(nothing.code, 2);
    assert.match(nothing.stderr, /没有找到年度报告/);
    assert.ok(!existsSync(join(dir, 'seeds', 'notes.xxgk.md')));
    assert.equal(xxgk(['import', 'seeds/missing.txt']).code, 2);
    assert.equal(xxgk(['import']).code, 2);
    assert.match(xxgk(['import', 'seeds/seed000.txt', '--year', 'abc']).stderr, /--year 需要一个年份/);
  });
});
