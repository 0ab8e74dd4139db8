import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, closeAllEditors } from '../helpers';
import { assertSameNumbers, coreTally, openDashboard } from '../dashboardHelpers';

describe('Quote Dashboard in a multi-root workspace', () => {
  after(closeAllEditors);

  it('offers each folder as a scope and counts only its articles', async () => {
    const a = await api();
    const folders = vscode.workspace.workspaceFolders ?? [];
    const all = await openDashboard(a);
    assert.equal(all.tally.articles, 2);
    const offered = all.scopes.filter((s) => s.kind === 'folder');
    assert.deepEqual(offered.map((s) => s.value), folders.map((f) => f.uri.toString()));
    const desk = offered.find((s) => s.value === folders[1]!.uri.toString())!;
    const seq = a.dashboard().snapshot().data!.seq;
    await a.dashboard().receive({ type: 'setScope', scope: desk });
    const data = await openDashboard(a).then(() => a.dashboard().snapshot().data!);
    assert.ok(data.seq > seq);
    assert.equal(data.scope.label, desk.label);
    assert.equal(data.tally.articles, 1);
    assertSameNumbers(data, coreTally(a, {}, (u) => u.startsWith(folders[1]!.uri.toString() + '/')));
  });
});
