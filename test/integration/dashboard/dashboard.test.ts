import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, closeAllEditors, waitFor, workspaceRoot } from '../helpers';
import { assertSameNumbers, clickThrough, coreTally, openDashboard, painted } from '../dashboardHelpers';

// The Quote Dashboard on test/fixtures/dashboard: three outlets, three months, an undated article, one with no
// outlet, one unattributed quotation (a temporary copy: the tests write sidecars, an article and corrections).
describe('Quote Dashboard (fixture corpus)', () => {
  after(async () => {
    await closeAllEditors();
    fs.rmSync(path.join(workspaceRoot(), '.news-annotator'), { recursive: true, force: true });
  });

  it('opens beside the editor; the webview draws the numbers of the core tally', async () => {
    const a = await api();
    const data = await openDashboard(a);
    assert.ok(a.dashboard().snapshot().visible);
    assertSameNumbers(data, coreTally(a));
    assert.deepEqual([data.tally.articles, data.tally.statements, data.tally.unattributed], [6, 15, 1]);
    assert.deepEqual(data.tally.byKind, { direct: 12, mixed: 1, reported: 2 }, 'reported speech and a mixed statement are counted');
    assert.equal(data.tally.speakers[0]!.key, 'Elena Varga');
    assert.deepEqual(data.outlets, ['Alder Gazette', 'Coastal Courier', 'Harbour Ledger']);
    assert.equal(data.readOnly, false);
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview);
    assert.ok(tab && /Quote Dashboard/.test(tab.label), 'a webview tab titled Quote Dashboard');
  });

  it('a filter change is counted by the core again and drawn', async () => {
    const a = await api();
    const seq = a.dashboard().snapshot().data!.seq;
    const filters = { outlets: ['Harbour Ledger'], from: '2025-04-01' };
    await a.dashboard().receive({ type: 'setFilters', filters });
    const data = await painted(a, seq);
    assertSameNumbers(data, coreTally(a, filters));
    assert.deepEqual([data.tally.articles, data.tally.statements], [1, 2]);
    await a.dashboard().receive({ type: 'setFilters', filters: {} });
  });

  it('estimates people by gender only when asked, labelled with its method', async () => {
    const a = await api();
    assert.equal(a.dashboard().snapshot().data!.tally.gender, undefined, 'off by default');
    const seq = a.dashboard().snapshot().data!.seq;
    await a.dashboard().receive({ type: 'setGender', on: true });
    const data = await painted(a, seq);
    assert.equal(data.gender, true);
    // Elena Varga 5, Ruth Okafor 4 ("criticised", a British spelling, is a cue), Lena Ruiz 1; Tomas Brandt 3
    // (the transport authority is no person).
    assert.deepEqual(data.tally.gender!.statements, { female: 10, male: 3, unknown: 0 });
    assert.match(data.tally.gender!.method, /first given name/);
    const seq2 = data.seq;
    await a.dashboard().receive({ type: 'setGender', on: false });
    assert.equal((await painted(a, seq2)).tally.gender, undefined);
  });

  it('clicking a speaker lists the statements; clicking one opens the article at the passage', async () => {
    const a = await api();
    const varga = a.dashboard().snapshot().data!.tally.speakers.find((r) => r.key === 'Elena Varga')!;
    const landed = await clickThrough(a, varga.id, 'Elena Varga');
    assert.equal(a.dashboard().snapshot().statements!.total, 5);
    assert.match(landed.uri, /\.txt$/);
    // The unattributed statement is one click away too.
    await a.dashboard().receive({ type: 'select', selection: { by: 'speaker', id: '' }, label: 'No identified speaker' });
    assert.deepEqual(a.dashboard().snapshot().statements!.items.map((s) => s.text), ['Schools first']);
  });

  it('opens on an outlet group, a tag and an article from the views', async () => {
    const a = await api();
    const outlet = await openDashboard(a, { kind: 'group', id: 'group:outlet:Coastal Courier', label: 'Coastal Courier', parent: undefined, icon: 'library', children: () => [] });
    assert.deepEqual([outlet.scope.kind, outlet.tally.articles, outlet.tally.statements], ['outlet', 2, 5]);
    const uri = a.articleUris().find((u) => u.endsWith('/ledger-ferry.txt'))!;
    const art = await openDashboard(a, { kind: 'article', id: `article:${uri}`, article: { key: uri, relativePath: 'ledger-ferry.txt', analysis: a.analysis(uri) } });
    assert.deepEqual([art.scope.kind, art.tally.articles, art.tally.statements], ['article', 1, 4]);
    assertSameNumbers(art, coreTally(a, {}, (u) => u === uri));
    const back = await openDashboard(a, { scope: { kind: 'workspace', label: 'Whole workspace' } });
    assert.equal(back.tally.articles, 6);
  });

  it('tags all listed statements after a confirmation naming the sidecars, undone in one step', async () => {
    const a = await api();
    const ruth = a.dashboard().snapshot().data!.tally.speakers.find((r) => r.key === 'Ruth Okafor')!;
    await a.dashboard().receive({ type: 'select', selection: { by: 'speaker', id: ruth.id }, label: 'Ruth Okafor' });
    const items = a.dashboard().snapshot().statements!.items;
    assert.equal(items.length, 4);
    let asked = '';
    a.dashboard().setConfirm((m, d) => ((asked = `${m} ${d}`), true));
    try {
      await a.dashboard().receive({ type: 'tagAll', tags: ['okafor-check'] });
    } finally {
      a.dashboard().setConfirm(undefined);
    }
    assert.match(asked, /Tag 4 statements with #okafor-check\?/);
    assert.match(asked, /sidecars of 2 articles/);
    const uris = [...new Set(items.map((i) => i.uri))];
    for (const it of items) {
      assert.ok(a.annotations(it.uri).some((x) => x.start === it.start && x.end === it.end && x.tags.includes('okafor-check') && x.speaker === 'Ruth Okafor'));
    }
    for (const u of uris) assert.ok(fs.existsSync(vscode.Uri.parse(u).fsPath + '.annotations.yaml'));
    // The dashboard follows the annotations: scoped to the new tag it counts those two articles.
    const tagged = await openDashboard(a, { scope: { kind: 'tag', value: 'okafor-check', label: 'Tag: #okafor-check' } });
    assert.equal(tagged.tally.articles, 2);
    await vscode.commands.executeCommand('newsAnnotator.undoAnnotationChange');
    for (const u of uris) assert.equal(a.annotations(u).length, 0, 'one undo removed every annotation it made');
    await waitFor('the tag scope to follow the undo', () => a.dashboard().snapshot().data?.tally.articles === 0);
    await openDashboard(a, { scope: { kind: 'workspace', label: 'Whole workspace' } });
  });

  it('updates live when an article is added and when a correction merges two spellings', async () => {
    const a = await api();
    const seq = a.dashboard().snapshot().data!.seq;
    fs.writeFileSync(path.join(workspaceRoot(), 'ledger-ferries.txt'), 'Harbour Ledger logoHarbour Ledger 20-05-2025 Mira Holt\n\nCouncil meets on ferries\n\nThe council met on Monday.\n\n"We will fix the timetable," said Mayor E. Varga.\n');
    const added = await waitFor('the new article counted', () => {
      const d = a.dashboard().snapshot().data;
      return d && d.seq > seq && d.tally.articles === 7 ? d : undefined;
    }, 30_000);
    assert.ok(added.tally.speakers.some((r) => r.key === 'E. Varga'));
    fs.mkdirSync(path.join(workspaceRoot(), '.news-annotator'), { recursive: true });
    fs.writeFileSync(path.join(workspaceRoot(), '.news-annotator', 'entities.yaml'), 'entities:\n  - name: Elena Varga\n    type: person\n    aliases: [E. Varga]\n');
    const merged = await waitFor('one speaker, not two spellings', () => {
      const d = a.dashboard().snapshot().data;
      return d && !d.tally.speakers.some((r) => r.key === 'E. Varga') && d.tally.speakers[0]?.statements === 6 ? d : undefined;
    }, 30_000);
    assert.equal(merged.tally.speakers[0]!.key, 'Elena Varga');
    assertSameNumbers(merged, coreTally(a));
  });

  it('hidden and shown again, it is redrawn with its scope, filters and listed statements', async () => {
    const a = await api();
    const filters = { outlets: ['Harbour Ledger'] };
    const before = a.dashboard().snapshot().data!.seq;
    await a.dashboard().receive({ type: 'setFilters', filters });
    await painted(a, before);
    const varga = a.dashboard().snapshot().data!.tally.speakers[0]!;
    await a.dashboard().receive({ type: 'select', selection: { by: 'speaker', id: varga.id }, label: 'Elena Varga at the Ledger' });
    const group = vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview))!;
    // An article opened in the dashboard's group hides it (its webview is discarded: no retainContextWhenHidden).
    const uri = a.articleUris().find((u) => u.endsWith('/courier-rowing.txt'))!;
    await vscode.window.showTextDocument(vscode.Uri.parse(uri), { viewColumn: group.viewColumn, preview: false });
    await waitFor('the dashboard hidden', () => !a.dashboard().snapshot().visible);
    const seq = a.dashboard().snapshot().data!.seq;
    await vscode.commands.executeCommand('newsAnnotator.openDashboard');
    const again = await painted(a, seq, 'the dashboard drawn again');
    assert.deepEqual(again.filters, filters);
    assert.equal(again.tally.statements, 7, 'the three Harbour Ledger articles, the one added by the previous test included');
    assert.equal(a.dashboard().snapshot().statements?.label, 'Elena Varga at the Ledger');
    assert.equal(a.dashboard().snapshot().statements?.total, 4);
    await a.dashboard().receive({ type: 'setFilters', filters: {} });
  });

  it('exports the full rows as CSV (the same as the CLI)', async () => {
    const a = await api();
    const csv = a.dashboard().csv('speaker').split('\r\n');
    assert.equal(csv[0], 'key,type,statements,direct,mixed,reported,articles,outlets');
    assert.match(csv[1]!, /^Elena Varga,person,6,6,0,0,5,Harbour Ledger: 4; Coastal Courier: 1$/);
  });
});
