/**
 * What the manifest promises the editor: table rows of the official forms stay on one line with
 * the language's default settings (wrapping at a column wider than the widest formatted official
 * row, so paragraphs still wrap); the walkthrough's media and every `%key%` placeholder resolve in
 * both package.nls files; and what the Extensions view and the walkthrough show is packed.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMS } from '../../server/src/engine/forms';
import { writeTable } from '../../server/src/engine/new-year';
import { displayWidth, formatText } from '../../server/src/engine/text/table-format';
import { ROOT } from '../helpers/fixtures';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: {
    configurationDefaults: Record<string, Record<string, unknown>>;
    walkthroughs: { steps: { media: { image?: string; markdown?: string } }[] }[];
  };
};
const nls = (f: string): Record<string, string> =>
  JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as Record<string, string>;

describe('editor defaults for reports', () => {
  const defaults = pkg.contributes.configurationDefaults['[xxgk-report]'];
  test('wrapping at a column, not at the window edge', () => {
    assert.equal(defaults['editor.wordWrap'], 'wordWrapColumn');
    assert.equal(typeof defaults['editor.wordWrapColumn'], 'number');
  });
  test('every row of every official table, formatted with five-digit figures, fits in the wrap column', () => {
    const column = defaults['editor.wordWrapColumn'] as number;
    let widest = 0;
    for (const form of FORMS) {
      for (const def of form.tables) {
        const text = formatText(writeTable(def, () => '12345') + '\n');
        for (const line of text.split('\n')) widest = Math.max(widest, displayWidth(line));
      }
    }
    assert.ok(widest <= column, `widest official row ${widest} columns, wrap column ${column}`);
    // and a paragraph still wraps: the column is not "never"
    assert.ok(column <= 200, `wrap column ${column}`);
  });
});

describe('manifest strings and packed media', () => {
  const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
  const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  test('every %key% is in package.nls.json and package.nls.zh-cn.json', () => {
    assert.ok(keys.length > 5);
    for (const f of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const table = nls(f);
      const missing = keys.filter((k) => typeof table[k] !== 'string' || !table[k]);
      assert.deepEqual(missing, [], f);
    }
  });
  test('the walkthrough media exist and are packed into the .vsix', () => {
    const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');
    for (const w of pkg.contributes.walkthroughs)
      for (const s of w.steps) {
        const file = s.media.image ?? s.media.markdown!;
        assert.ok(existsSync(join(ROOT, file)), file);
        const packed = [...ignore.matchAll(/^!(.+)\/\*\*$/gm)].map((m) => m[1]);
        assert.ok(
          packed.some((dir) => file.startsWith(`${dir}/`)),
          `${file} is not packed`,
        );
      }
  });
});
