/**
 * Published files at the command line (issue 11 items 3 and 4): one `xxgk check` call on a folder
 * mixing .pdf, .docx, .html, .txt and odd-named .md reports checks every file, names the original
 * files, counts what it skipped, and exits 2 when a folder holds no report; `--keep-imported`
 * writes the imported text the positions refer to; `xxgk import` on files and folders writes one
 * draft each with one summary line per file, never overwrites, and goes on after a failing file;
 * bad files (a scan, an encrypted, truncated or corrupt PDF, a FIFO) get a clear message and exit 2.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, EXAMPLE, fixture } from '../helpers/fixtures';
import { runXxgk } from '../helpers/cli';
import { officialDocx, reportOf } from '../fixtures/import/official-layout';

const PUBLISHED = join(ROOT, 'test', 'fixtures', 'published');
let dir = '';

function xxgk(args: string[]) {
  return runXxgk(args, { cwd: dir, env: { XXGK_WORKERS: '0' }, timeout: 120_000 });
}

/** A PDF whose trailer names an encryption dictionary: pdfjs asks for a password. */
function encryptedPdf(): Buffer {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${'6'.repeat(64)}> /U <${'7'.repeat(64)}> /P -4 >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${'a'.repeat(32)}> <${'a'.repeat(32)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-import-batch-'));
  const mixed = join(dir, 'mixed');
  mkdirSync(join(mixed, 'sub'), { recursive: true });
  copyFileSync(join(PUBLISHED, '2023-洪泽区人民政府.pdf'), join(mixed, '洪泽2023.pdf'));
  copyFileSync(join(PUBLISHED, '2024-淮安市人民政府.pdf'), join(mixed, 'sub', '淮安2024.pdf'));
  writeFileSync(
    join(mixed, '西塞山.docx'),
    await officialDocx(reportOf(EXAMPLE()), '西塞山区2022年政府信息公开工作年度报告', {
      一: ['2022年，我区公开发布信息5191条。'],
      五: ['成员单位重视不够。'],
      六: ['本年度未收取信息处理费。'],
    }),
  );
  copyFileSync(join(ROOT, 'test', 'fixtures', 'import', 'xisaishan-2022.html'), join(mixed, 'page.html'));
  copyFileSync(join(ROOT, 'test', 'fixtures', 'import', 'seed003-2022.txt'), join(mixed, 'extracted.txt'));
  writeFileSync(join(mixed, 'draft.md'), fixture('real-town-2023.xxgk.md'));
  writeFileSync(join(mixed, 'README.md'), '# 说明\n\n这里是收到的报告。\n');
  writeFileSync(join(mixed, 'list.csv'), 'a,b\n');
  mkdirSync(join(dir, 'bad'));
  writeFileSync(join(dir, 'bad', 'encrypted.pdf'), encryptedPdf());
  const real = readFileSync(join(PUBLISHED, '2024-洪泽区人民政府.pdf'));
  writeFileSync(join(dir, 'bad', 'truncated.pdf'), real.subarray(0, Math.floor(real.length / 3)));
  writeFileSync(
    join(dir, 'bad', 'corrupt.pdf'),
    Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 0x8f), Buffer.from('\n%%EOF\n')]),
  );
  mkdirSync(join(dir, 'nothing'));
  writeFileSync(join(dir, 'nothing', 'a.csv'), 'x');
  writeFileSync(join(dir, 'nothing', 'notes.md'), '# notes\n');
});
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('xxgk check on published files', { timeout: 300_000 }, () => {
  test('one call on a mixed folder checks every report, names the original files, counts the skipped', () => {
    const r = xxgk(['check', 'mixed', '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const j = JSON.parse(r.stdout) as {
      files: { path: string; diagnostics: { rule: string }[] }[];
      summary: { files: number; skipped: number };
    };
    assert.deepEqual(
      j.files.map((f) => f.path).sort(),
      [
        'mixed/draft.md',
        'mixed/extracted.txt',
        'mixed/page.html',
        'mixed/sub/淮安2024.pdf',
        'mixed/西塞山.docx',
        'mixed/洪泽2023.pdf',
      ].sort(),
    );
    assert.equal(j.summary.files, 6);
    assert.equal(j.summary.skipped, 2); // README.md (no report front matter) and list.csv
    const hz = j.files.find((f) => f.path === 'mixed/洪泽2023.pdf')!;
    assert.deepEqual(
      hz.diagnostics.map((d) => d.rule),
      ['government-accountability', 'label-variant', 'format-mismatch', 'sum-review', 'sum-review'],
    );
    for (const f of j.files)
      assert.ok(!f.diagnostics.some((d) => d.rule === 'section-missing' || d.rule === 'table-missing'), f.path);
    const text = xxgk(['check', 'mixed']);
    assert.match(text.stdout, /检查了 6 个文件：.*；跳过 2 个非报告文件/);
  });

  test('--keep-imported writes the imported text that the positions refer to', () => {
    const r = xxgk(['check', 'mixed/洪泽2023.pdf', '--keep-imported', 'kept']);
    assert.equal(r.code, 1);
    const kept = readFileSync(join(dir, 'kept', 'mixed', '洪泽2023.xxgk.md'), 'utf8');
    const m = /^mixed\/洪泽2023\.pdf:(\d+):(\d+)\s+warning\s+应为官方文字“2\.其他法律行政法规禁止公开”/m.exec(r.stdout);
    assert.ok(m, r.stdout);
    const line = kept.split('\n')[Number(m[1]) - 1];
    assert.equal(line.slice(Number(m[2]) - 1).split(' |')[0], '2.其他法律行政止公开');
  });

  test('a folder with no report: exit 2, naming the types looked for', () => {
    const r = xxgk(['check', 'nothing']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /没有找到年度报告.*\.pdf、\.docx、\.html、\.txt/);
  });

  test('bad PDFs: a clear message each, exit 2, the good files still checked', () => {
    const r = xxgk(['check', 'bad', 'mixed/page.html']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /encrypted\.pdf：无法读取：PDF 文件已加密/);
    assert.match(r.stderr, /truncated\.pdf：无法读取：PDF 文件不完整/);
    assert.match(r.stderr, /corrupt\.pdf：无法读取：PDF 文件已损坏/);
    assert.match(r.stdout, /检查了 1 个文件/);
  });

  test('a FIFO named .pdf is refused at once', () => {
    execFileSync('mkfifo', [join(dir, 'fifo.pdf')]);
    const r = xxgk(['check', 'fifo.pdf']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /不是普通文件/);
  });
});

describe('xxgk import of files and folders', { timeout: 300_000 }, () => {
  test('import --help answers', () => {
    const r = xxgk(['import', '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /xxgk import <文件或目录>/);
  });

  test('a folder and a file into -o dir: one draft and one summary line each, evidence of what was inferred', () => {
    const r = xxgk(['import', 'mixed', 'bad/encrypted.pdf', '-o', 'out']);
    assert.equal(r.code, 2, r.stderr); // the encrypted PDF failed; the others were written
    for (const f of ['洪泽2023', '淮安2024', '西塞山', 'page', 'extracted'])
      assert.ok(existsSync(join(dir, 'out', `${f}.xxgk.md`)), f);
    assert.match(
      r.stderr,
      /mixed\/洪泽2023\.pdf → out\/洪泽2023\.xxgk\.md：单元格 186\/186，未放入 0 个数；推断 机关=淮安市洪泽区人民政府，年度=2023，格式=2021，类型=政府/,
    );
    assert.match(
      r.stderr,
      /推断 机关：淮安市洪泽区人民政府（依据：标题“洪泽区人民政府2023年政府信息公开工作年度报告”，全称见正文“淮安市洪泽区人民政府”）/,
    );
    assert.match(r.stderr, /encrypted\.pdf: PDF 文件已加密/);
    const again = xxgk(['import', 'mixed/洪泽2023.pdf', '-o', 'out']);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /已存在|already exists/);
    assert.equal(xxgk(['import', 'mixed/洪泽2023.pdf', '-o', 'out', '--force']).code, 0);
  });
});
