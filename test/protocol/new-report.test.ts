/**
 * xxgk/newReport against the real server: the skeleton of the form in force for the year (2021
 * form from 2021, 2019 form before), with the body and type in its front matter; it draws no
 * error but the empty cells the writer is to fill in; bad requests get a message.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../server/src/engine/check';
import { LspClient } from './client';

interface Answer {
  text: string;
  form: string;
  fileName: string;
}

describe('xxgk/newReport', () => {
  const client = new LspClient();
  before(async () => {
    await client.start();
  });
  after(async () => {
    await client.shutdown();
  });

  for (const [year, form] of [
    [2019, '2019'],
    [2020, '2019'],
    [2021, '2021'],
    [2025, '2021'],
  ] as const) {
    it(`年度 ${year}: the ${form} form`, async () => {
      const a = await client.request<Answer>('xxgk/newReport', { agency: '某某市人民政府办公室', kind: '部门', year });
      assert.equal(a.form, form);
      assert.match(
        a.text,
        new RegExp(`^---\\n机关: 某某市人民政府办公室\\n年度: ${year}\\n格式: ${form}\\n类型: 部门\\n---\\n`),
      );
      assert.match(a.text, new RegExp(`^# 某某市人民政府办公室${year}年政府信息公开工作年度报告$`, 'm'));
      assert.equal(a.fileName, `某某市人民政府办公室${year}年政府信息公开工作年度报告.xxgk.md`);
      const { diagnostics } = checkText(a.text, { now: new Date(`${year + 1}-01-10T00:00:00Z`) });
      const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule);
      assert.deepEqual([...new Set(errors)], [], errors.join(', '));
      assert.ok(
        diagnostics.some((d) => d.rule === 'cell-empty'),
        'the empty cells ask to be filled in',
      );
    });
  }

  it('a name YAML would misread is quoted; bad requests are refused with a message', async () => {
    const a = await client.request<Answer>('xxgk/newReport', { agency: '1e3', kind: '政府', year: 2022 });
    assert.match(a.text, /^机关: "1e3"$/m);
    const { report } = checkText(a.text);
    assert.equal(report.meta.agency, '1e3');
    await assert.rejects(
      client.request('xxgk/newReport', { agency: ' ', kind: '部门', year: 2022 }),
      /机关名称不能为空/,
    );
    await assert.rejects(client.request('xxgk/newReport', { agency: '某局', kind: '公司', year: 2022 }), /类型/);
    await assert.rejects(client.request('xxgk/newReport', { agency: '某局', kind: '部门', year: 1999 }), /年度/);
  });
});
