/**
 * The Word export: real merged cells (w:gridSpan, w:vMerge) in the official layout, the numbers,
 * the typography and page of official documents (GB/T 9704), font fallbacks; and, where
 * LibreOffice is installed, a conversion to PDF as a smoke test.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { buildRenderModel } from '../../server/src/render/model';
import { renderDocx } from '../../server/src/render/docx';
import { EXAMPLE, NOW, edit, fixture } from '../helpers/fixtures';

interface XCell {
  span: number;
  vMerge?: 'restart' | 'continue';
  text: string;
}

function parts(zip: Uint8Array): Record<string, string> {
  const files = unzipSync(zip);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(files)) if (k.endsWith('.xml') || k.endsWith('.rels')) out[k] = strFromU8(v);
  return out;
}

/** The tables of document.xml: grid columns and, per row, the cells with their spans and text. */
function tables(xml: string): { grid: number; rows: XCell[][] }[] {
  const out: { grid: number; rows: XCell[][] }[] = [];
  for (const t of xml
    .split('<w:tbl>')
    .slice(1)
    .map((s) => s.slice(0, s.indexOf('</w:tbl>')))) {
    const grid = (t.match(/<w:gridCol\b/g) ?? []).length;
    const rows = t
      .split(/<w:tr[ >]/)
      .slice(1)
      .map((r) =>
        r
          .split('<w:tc>')
          .slice(1)
          .map((c): XCell => {
            const span = Number(/<w:gridSpan w:val="(\d+)"/.exec(c)?.[1] ?? 1);
            const vm = /<w:vMerge w:val="(restart|continue)"/.exec(c)?.[1] as XCell['vMerge'];
            const text = [...c.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
            return { span, vMerge: vm, text };
          }),
      );
    out.push({ grid, rows });
  }
  return out;
}

/** The cell at a grid column of a row, and how many rows below continue its vertical merge. */
function mergedDown(rows: XCell[][], text: string): { col: number; continues: number } {
  const colOf = (r: XCell[], k: number): number => r.slice(0, k).reduce((a, c) => a + c.span, 0);
  for (let i = 0; i < rows.length; i++) {
    const k = rows[i].findIndex((c) => c.text === text);
    if (k < 0) continue;
    const col = colOf(rows[i], k);
    assert.equal(rows[i][k].vMerge, 'restart', `“${text}” starts a vertical merge`);
    let n = 0;
    for (let j = i + 1; j < rows.length; j++) {
      const below = rows[j].findIndex((_, m) => colOf(rows[j], m) === col);
      if (below < 0 || rows[j][below].vMerge !== 'continue') break;
      n++;
    }
    return { col, continues: n };
  }
  assert.fail(`no cell “${text}”`);
}

let docx: Uint8Array;
let xml: Record<string, string>;
before(async () => {
  docx = await renderDocx(buildRenderModel(EXAMPLE(), { check: { now: NOW } }));
  xml = parts(docx);
});

describe('the DOCX file', () => {
  test('is a zip with the parts Word needs', () => {
    assert.deepEqual([...docx.slice(0, 2)], [0x50, 0x4b]);
    for (const p of [
      '[Content_Types].xml',
      'word/document.xml',
      'word/styles.xml',
      'word/fontTable.xml',
      'word/settings.xml',
    ])
      assert.ok(xml[p], p);
  });
  test('holds the three statistics tables', () => {
    assert.equal(tables(xml['word/document.xml']).length, 3);
  });
  test('every row of every table fills its grid exactly', () => {
    for (const t of tables(xml['word/document.xml'])) {
      for (const r of t.rows)
        assert.equal(
          r.reduce((a, c) => a + c.span, 0),
          t.grid,
          r.map((c) => c.text).join('|'),
        );
    }
  });
});

describe('merged cells', () => {
  test('section 二: caption rows span the four columns; single-column values span three', () => {
    const [art] = tables(xml['word/document.xml']);
    assert.equal(art.grid, 4);
    const caption = art.rows.find((r) => r[0].text === '第二十条第（一）项')!;
    assert.deepEqual(
      caption.map((c) => c.span),
      [4],
    );
    const license = art.rows.find((r) => r[0].text === '行政许可')!;
    assert.deepEqual(
      license.map((c) => [c.text, c.span]),
      [
        ['行政许可', 1],
        ['3984', 3],
      ],
    );
    assert.equal(art.rows.filter((r) => r[0].text === '信息内容').length, 4);
  });
  test('section 三: the note over three columns and three rows, the two-level header', () => {
    const app = tables(xml['word/document.xml'])[1];
    assert.equal(app.grid, 10);
    const note = app.rows[0][0];
    assert.match(note.text, /^（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）$/);
    assert.equal(note.span, 3);
    assert.equal(mergedDown(app.rows, note.text).continues, 2);
    assert.deepEqual(
      app.rows[0].slice(1).map((c) => [c.text, c.span]),
      [['申请人情况', 7]],
    );
    assert.deepEqual(
      app.rows[1].filter((c) => c.text).map((c) => [c.text, c.span]),
      [
        ['自然人', 1],
        ['法人或其他组织', 5],
        ['总计', 1],
      ],
    );
    assert.equal(mergedDown(app.rows, '自然人').continues, 1);
  });
  test('section 三: 三、本年度办理结果 merged down 22 rows, （三）不予公开 down 8', () => {
    const app = tables(xml['word/document.xml'])[1];
    assert.deepEqual(mergedDown(app.rows, '三、本年度办理结果'), { col: 0, continues: 21 });
    assert.deepEqual(mergedDown(app.rows, '（三）不予公开'), { col: 1, continues: 7 });
    assert.equal(mergedDown(app.rows, '（四）无法提供').continues, 2);
    assert.equal(mergedDown(app.rows, '（五）不予处理').continues, 4);
    assert.equal(mergedDown(app.rows, '（六）其他处理').continues, 2);
    const first = app.rows.find((r) => r.some((c) => c.text === '一、本年新收政府信息公开申请数量'))!;
    assert.deepEqual(
      first.map((c) => c.text),
      ['一、本年新收政府信息公开申请数量', '6', '0', '0', '0', '0', '0', '6'],
    );
    assert.equal(first[0].span, 3);
  });
  test('section 四: fifteen numbers under 行政复议 (5) and 行政诉讼 (10)', () => {
    const review = tables(xml['word/document.xml'])[2];
    assert.equal(review.grid, 15);
    assert.deepEqual(
      review.rows[0].map((c) => [c.text, c.span]),
      [
        ['行政复议', 5],
        ['行政诉讼', 10],
      ],
    );
    const data = review.rows[review.rows.length - 1];
    assert.deepEqual(
      data.map((c) => c.text),
      ['0', '1', '0', '0', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'],
    );
    assert.equal(mergedDown(review.rows, '结果维持').continues, 1);
  });
  test('the numbers of a real report are all there (2019 format, seed 001)', async () => {
    const x = parts(await renderDocx(buildRenderModel(fixture('seed001-2020.xxgk.md'), { check: { now: NOW } })));
    const doc = x['word/document.xml'];
    assert.match(doc, />1756\.58万元</);
    const app = tables(doc)[1];
    assert.deepEqual(mergedDown(app.rows, '三、本年度办理结果'), { col: 0, continues: 19 });
  });
});

describe('typography and page (GB/T 9704)', () => {
  test('A4 with 37 mm top, 35 mm bottom, 28 mm left and 26 mm right margins', () => {
    const doc = xml['word/document.xml'];
    assert.match(doc, /<w:pgSz w:w="11906" w:h="16838"/);
    const mar = /<w:pgMar ([^>]*)\/>/.exec(doc)![1];
    const twip = (mm: number): number => Math.floor((mm / 25.4) * 1440);
    for (const [k, mm] of [
      ['top', 37],
      ['bottom', 35],
      ['left', 28],
      ['right', 26],
    ] as const) {
      assert.match(mar, new RegExp(`w:${k}="${twip(mm)}"`), k);
    }
  });
  test('body in 仿宋_GB2312 三号 with a fixed line height', () => {
    const styles = xml['word/styles.xml'];
    assert.match(styles, /w:eastAsia="仿宋_GB2312"/);
    assert.match(styles, /<w:sz w:val="32"\/>/);
    assert.match(styles, /<w:spacing[^>]*w:line="579"[^>]*w:lineRule="exact"/);
  });
  test('title in 方正小标宋简体 二号, headings in 黑体 and 楷体_GB2312', () => {
    const doc = xml['word/document.xml'];
    assert.match(doc, /w:eastAsia="方正小标宋简体"[^]*?<w:sz w:val="44"\/>[^]*?西塞山区2022年政府信息公开工作年度报告/);
    assert.match(doc, /w:eastAsia="黑体"[^]*?一、总体情况/);
    assert.match(doc, /w:eastAsia="楷体_GB2312"[^]*?（一）主动公开/);
  });
  test('each font has a fallback in the font table', () => {
    const ft = xml['word/fontTable.xml'];
    assert.match(ft, /<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
    assert.match(ft, /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
    assert.match(ft, /<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
    assert.match(ft, /<w:font w:name="黑体"><w:altName w:val="SimHei"\/>/);
  });
  test('page numbers “— N —” on odd and even pages', () => {
    assert.match(xml['word/settings.xml'], /<w:evenAndOddHeaders\/>/);
    const footers = Object.entries(xml)
      .filter(([k]) => /^word\/footer\d+\.xml$/.test(k))
      .map(([, v]) => v);
    assert.equal(footers.length, 2);
    for (const f of footers) assert.match(f, /PAGE/);
  });
  test('hostile HTML in the prose becomes plain text, never markup', async () => {
    const text = edit(
      EXAMPLE(),
      '### （三）政府信息管理\n',
      '### （三）政府信息管理\n\n<div onclick="x()">块<script>alert(1)</script></div>\n',
    );
    const doc = parts(await renderDocx(buildRenderModel(text, { check: { now: NOW } })))['word/document.xml'];
    assert.match(doc, />块</);
    assert.doesNotMatch(doc, /alert|onclick|script/);
  });
});

describe('LibreOffice smoke test', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'xxgk-docx-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const soffice = ['soffice', 'libreoffice'].find(
    (b) => spawnSync(b, ['--version'], { encoding: 'utf8', timeout: 60_000 }).status === 0,
  );
  test(
    'the DOCX converts to a PDF of several pages',
    { skip: soffice ? false : 'LibreOffice (soffice) is not installed: PDF conversion smoke test skipped' },
    () => {
      const file = join(dir, 'report.docx');
      writeFileSync(file, docx);
      const r = spawnSync(
        soffice!,
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          file,
        ],
        { encoding: 'utf8', timeout: 180_000 },
      );
      const pdf = join(dir, 'report.pdf');
      assert.ok(existsSync(pdf), `no PDF: ${r.stdout} ${r.stderr}`);
      const bytes = readFileSync(pdf);
      assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      const pages = Number(/\/Count (\d+)/.exec(bytes.toString('latin1'))?.[1] ?? 0);
      assert.ok(pages >= 2, `pages: ${pages}`);
    },
  );
});
