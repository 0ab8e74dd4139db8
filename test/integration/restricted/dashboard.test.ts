import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, closeAllEditors } from '../helpers';
import { assertSameNumbers, coreTally, openDashboard } from '../dashboardHelpers';

describe('Quote Dashboard in restricted mode: read-only', () => {
  after(closeAllEditors);

  it('shows the numbers, says it is read-only, and tags nothing', async () => {
    const a = await api();
    const data = await openDashboard(a);
    assert.equal(data.readOnly, true);
    assertSameNumbers(data, coreTally(a));
    const row = data.tally.speakers[0]!;
    await a.dashboard().receive({ type: 'select', selection: { by: 'speaker', id: row.id }, label: row.key });
    const items = a.dashboard().snapshot().statements!.items;
    assert.ok(items.length > 0);
    let asked = false;
    a.dashboard().setConfirm(() => (asked = true));
    try {
      await a.dashboard().receive({ type: 'tagAll', tags: ['restricted-tag'] });
    } finally {
      a.dashboard().setConfirm(undefined);
    }
    assert.equal(asked, false, 'no confirmation offered: tagging is refused first');
    for (const it of items) {
      assert.equal(a.annotations(it.uri).length, 0);
      assert.ok(!fs.existsSync(vscode.Uri.parse(it.uri).fsPath + '.annotations.yaml'));
    }
  });
});
