/**
 * The importers and the folder walk against hostile input (issue 14 rows 3, 5, 6, 7, 13, 15, 16),
 * each as the general case:
 * - no folder walk visits a real path twice, whatever symbolic links (loops included) the tree holds;
 * - every import is bounded: spans, grid cells, part sizes, file sizes, lines, time — beyond a
 *   limit, a clear message, never minutes or gigabytes;
 * - only regular files are read (a FIFO or a device named .txt/.pdf is refused at once);
 * - any imported paragraph round-trips as one paragraph holding exactly its text;
 * - any front matter value written by `new` or import reads back as the same string;
 * - Word's UTF-16 text with a BOM imports like UTF-8;
 * - a very long text imports without overflowing the stack.
 * No test asserts a duration: each has a timeout, so a hang or a blow-up fails instead.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, realpathSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import { parse as parseYaml } from 'yaml';
import { zipSync, strToU8 } from 'fflate';
import { expandArgs } from '../../server/src/cli/files';
import { loadReportSource, LoadError } from '../../server/src/cli/load';
import { importReport, IMPORT_LIMITS } from '../../server/src/importers/index';
import { escapeProse } from '../../server/src/importers/assemble';
import { yamlString } from '../../server/src/engine/new-year';
import { ROOT } from '../helpers/fixtures';
import { params } from '../property/arbitraries';

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-hostile-import-'));
});
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const REPORT = `---\n机关: 某局\n年度: 2022\n---\n\n# 某局2022年政府信息公开工作年度报告\n`;

describe('folder walks (row 3)', { timeout: 60_000 }, () => {
  test('no folder walk visits a real path twice, whatever links the tree holds', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            from: fc.integer({ min: 0, max: 3 }),
            to: fc.integer({ min: -1, max: 3 }),
            name: fc.integer({ min: 0, max: 4 }),
          }),
          { maxLength: 8 },
        ),
        (links) => {
          const root = mkdtempSync(join(dir, 'walk-'));
          const dirs = [root, join(root, 'a'), join(root, 'a', 'b'), join(root, 'c')];
          for (const d of dirs) mkdirSync(d, { recursive: true });
          dirs.forEach((d, i) => writeFileSync(join(d, `r${i}.xxgk.md`), REPORT));
          for (const l of links) {
            const target = l.to < 0 ? join(dirs[l.from], `r${l.from}.xxgk.md`) : dirs[l.to];
            try {
              symlinkSync(target, join(dirs[l.from], `link${l.name}`));
            } catch {
              // a name already taken: skip
            }
          }
          for (const args of [[root], [`${root}/**/*.md`], [root, join(root, 'a')]]) {
            const { files } = expandArgs(args);
            const real = files.map((f) => realpathSync(f));
            assert.equal(new Set(real).size, real.length, `${args.join(' ')}: ${files.join(', ')}`);
            assert.equal(real.length, 4, files.join(', '));
          }
        },
      ),
      params(40),
    );
  });

  test('a report and the links a -> . and b -> .: listed once, and the walk ends', () => {
    const d = mkdtempSync(join(dir, 'loop-'));
    writeFileSync(join(d, 'r.xxgk.md'), REPORT);
    symlinkSync('.', join(d, 'a'));
    symlinkSync('.', join(d, 'b'));
    assert.deepEqual(expandArgs([d]).files, [join(d, 'r.xxgk.md')]);
    assert.deepEqual(expandArgs([`${d}/**/*.md`]).files, [join(d, 'r.xxgk.md')]);
  });
});

describe('import limits (row 5, item 4)', { timeout: 120_000 }, () => {
  test('HTML cells spanning 200 × 200, many of them: spans cut to the limit, or a clear refusal', async () => {
    const cells = Array.from({ length: 300 }, () => '<td rowspan=200 colspan=200>1</td>').join('');
    const html = `<h1>某局2022年政府信息公开工作年度报告</h1><h2>一、总体情况</h2><p>文字。</p><table>${Array.from({ length: 30 }, () => `<tr>${cells}</tr>`).join('')}</table>`;
    const r = await importReport(new TextEncoder().encode(html), 'html').then(
      (x) => x.summary.sections.join(''),
      (e: Error) => e.message,
    );
    assert.ok(r === '一' || /表格过大.*上限/.test(r), r);
  });

  test('a .docx whose document part inflates past the limit is refused before it is read', async () => {
    const big = new Uint8Array(IMPORT_LIMITS.docxXmlBytes + 1024).fill(0x20);
    const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': big }, { level: 9 });
    await assert.rejects(importReport(zip, 'docx'), /解压后有 \d+ MB，超过导入上限/);
  });

  test('files larger than the limit of their kind are not read', async () => {
    for (const kind of ['text', 'html'] as const) {
      const data = new Uint8Array(IMPORT_LIMITS.bytes[kind] + 1).fill(0x41);
      await assert.rejects(importReport(data, kind), /超过.*导入上限/);
    }
    const f = join(dir, 'big.txt');
    writeFileSync(f, Buffer.alloc(IMPORT_LIMITS.bytes.text + 10, 0x41));
    await assert.rejects(loadReportSource(f), (e: Error) => e instanceof LoadError && /文件过大/.test(e.message));
  });

  test('a very long text (200,000 lines, 3.4 MB) imports without overflowing the stack (row 16)', async () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => (i % 2 ? `第${i}行文字，内容。` : ''));
    const text = ['某局2022年政府信息公开工作年度报告', '一、总体情况', ...lines].join('\n');
    const r = await importReport(new TextEncoder().encode(text), 'text');
    assert.deepEqual(r.summary.sections, ['一']);
  });
});

describe('only regular files (row 6)', { timeout: 30_000 }, () => {
  test('a FIFO and /dev/zero named as reports are refused at once', async () => {
    const fifo = join(dir, 'x.txt');
    execFileSync('mkfifo', [fifo]);
    const zero = join(dir, 'zero.pdf');
    symlinkSync('/dev/zero', zero);
    for (const p of [fifo, zero])
      await assert.rejects(loadReportSource(p), (e: Error) => e instanceof LoadError && /不是普通文件/.test(e.message));
  });
});

describe('Markdown-significant text (row 7)', () => {
  const md = unified().use(remarkParse).use(remarkGfm);
  const SIGNIFICANT = fc.constantFrom(
    '```',
    '~~~',
    '```text',
    '#',
    '## ',
    '>',
    '- ',
    '* ',
    '+ ',
    '1. ',
    '1) ',
    '---',
    '===',
    '***',
    '___',
    '|',
    '| a | b |',
    '<!--',
    '-->',
    '<div>',
    '<script>',
    '[x]: http://a',
    '[链接](http://a)',
    '*强调*',
    '_x_',
    '`code`',
    '\\',
    '&amp;',
    '&#35;',
    '    缩进',
    '\t',
    ':',
    '~~删~~',
    'http://a.b',
    '![图](x.png)',
    '$',
    '^',
    '[[',
    ']]',
  );
  const TEXT = fc
    .array(fc.oneof(SIGNIFICANT, fc.string({ maxLength: 6 }), fc.constantFrom('政府信息', '12', ' ', '。')), {
      minLength: 1,
      maxLength: 8,
    })
    .map((a) => a.join(''))
    .filter((s) => s.replace(/\s+/g, ' ').trim() !== '');

  test('any imported paragraph round-trips as one paragraph holding exactly its text', () => {
    fc.assert(
      fc.property(TEXT, (text) => {
        const tree = md.parse(`前文。\n\n${escapeProse(text)}\n\n后文。\n`);
        assert.equal(tree.children.length, 3, JSON.stringify(text));
        const p = tree.children[1];
        assert.equal(p.type, 'paragraph', JSON.stringify(text));
        assert.equal(
          toString(p),
          text
            .replace(/[\r\n\u2028\u2029]+/g, ' ')
            .trim()
            .replace(/\s+/g, (w) => w),
          JSON.stringify(text),
        );
      }),
      params(300),
    );
  });

  test('a web page whose paragraphs are only ``` or ~~~: every section still found', async () => {
    const html = `<h1>某局2022年政府信息公开工作年度报告</h1>${['一、总体情况', '```', '二、主动公开政府信息情况', '~~~', '三、收到和处理政府信息公开申请情况', '```text', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'].map((t) => `<p>${t}</p>`).join('')}`;
    const r = await importReport(new TextEncoder().encode(html), 'html');
    assert.deepEqual(r.summary.sections, ['一', '二', '三', '四', '五', '六']);
    const tree = md.parse(r.markdown.replace(/^---\n[\s\S]*?\n---\n/, ''));
    assert.equal(tree.children.filter((n) => n.type === 'heading' && n.depth === 2).length, 6);
    assert.ok(!tree.children.some((n) => n.type === 'code'));
  });
});

describe('YAML-significant values (row 13)', () => {
  test('any value written into front matter reads back as the same string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom(
            '1e3',
            '0x1F',
            '.inf',
            '-.inf',
            '.nan',
            '~',
            'null',
            'true',
            'no',
            '2024-01-01',
            '某局\n第二行',
            ' 前后空格 ',
            '#注释',
            'a: b',
            '- x',
            '[1]',
            '{a}',
            '*a',
            '&a',
            '!tag',
            '|',
            '>',
            '%',
            '@',
            '`',
            '"',
            "'",
            '\u2028',
            '\ufeff某',
          ),
          fc.string({ maxLength: 20 }),
          fc.string({ unit: 'binary', maxLength: 12 }),
        ),
        (s) => {
          const doc = parseYaml(`机关: ${yamlString(s)}\n年度: 2022\n`) as Record<string, unknown>;
          assert.equal(doc['机关'], s, JSON.stringify(s));
        },
      ),
      params(500),
    );
  });
});

describe('UTF-16 text (row 15)', () => {
  test('Word’s “Unicode text” (UTF-16 LE and BE with a BOM) imports like UTF-8', async () => {
    const text = readFixture('seed003-2022.txt');
    const le = new Uint8Array(2 + text.length * 2);
    le[0] = 0xff;
    le[1] = 0xfe;
    const be = new Uint8Array(le.length);
    be[0] = 0xfe;
    be[1] = 0xff;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      le[2 + 2 * i] = c & 0xff;
      le[3 + 2 * i] = c >> 8;
      be[2 + 2 * i] = c >> 8;
      be[3 + 2 * i] = c & 0xff;
    }
    const utf8 = await importReport(new TextEncoder().encode(text), 'text');
    for (const data of [le, be]) {
      const r = await importReport(data, 'text');
      assert.equal(r.markdown, utf8.markdown);
      assert.equal(r.summary.cellsRead, 200);
    }
  });
});

function readFixture(name: string): string {
  return execFileSync('cat', [join(ROOT, 'test', 'fixtures', 'import', name)], { encoding: 'utf8' });
}
