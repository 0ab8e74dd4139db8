/**
 * The analysis worker pool in the real VS Code, on a generated folder of 1,000 articles (test/harness/suites.mjs).
 * Two test-only hooks are set by the suite's environment: a busy worker is ended once 200 articles are analysed
 * (NEWS_ANNOTATOR_TEST_WORKER_KILL_AFTER), and every worker crashes on batch-7/0777.txt
 * (NEWS_ANNOTATOR_TEST_WORKER_FAIL_ON).
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, openArticle, waitFor, wsUri } from '../helpers';

const FAILING = ['batch-7', '0777.txt'] as const;

type Api = Awaited<ReturnType<typeof api>>;

/** The views' redraw counts once none of them has a redraw waiting (a rebuild asked for earlier is counted first). */
function settled(a: Api): Promise<ReturnType<Api['treeRefreshes']>> {
  return waitFor('no view redraw waiting', () => {
    const r = a.treeRefreshes();
    return r.articles.pending || r.entities.pending || r.tags.pending ? undefined : r;
  });
}

describe('Analysis workers: 1,000 articles analysed off the extension host', () => {
  after(closeAllEditors);

  it('a worker ended during the first open: every article is still analysed, and nothing about it is shown', async () => {
    const a = await api();
    const uris = a.articleUris();
    assert.equal(uris.length, 1000);
    const w = a.workers();
    assert.equal(w.stats.mode, 'workers', 'analysis ran on worker threads');
    assert.equal(w.killed, 1, 'the hook ended a busy worker during the first open');
    assert.ok(w.stats.replaced >= 2, `the ended worker and the crashing ones were replaced (${w.stats.replaced})`);
    const failing = wsUri(...FAILING).toString();
    const missing = uris.filter((u) => u !== failing && !a.analysis(u));
    assert.deepEqual(missing, [], 'every other article has its analysis');
    // The ended worker's article was retried on a fresh worker: the only file ever named to the user is the failing one.
    const reports = await waitFor('the failure told to the user', () => (a.workers().reports.length > 0 ? a.workers().reports : undefined));
    assert.deepEqual(reports.flat(), [FAILING.join('/')]);
  });

  it('a worker that crashes every time on one article: that article is told once, listed without analysis', async () => {
    const a = await api();
    const failing = wsUri(...FAILING).toString();
    assert.ok(a.articleUris().includes(failing), 'the article is still listed');
    assert.equal(a.analysis(failing), undefined);
    await waitFor('one message', () => a.workers().reports.length === 1);
    // Typing in it asks for its analysis again (ahead of the queue): it fails again, and the user is not told twice.
    const before = a.workers().stats.replaced;
    const editor = await openArticle(...FAILING);
    await editor.edit((e) => e.insert(editor.document.positionAt(0), 'Updated: '));
    await waitFor('the new text failed twice too', () => a.workers().stats.replaced >= before + 2);
    assert.equal(a.workers().reports.length, 1, 'told once');
    assert.equal(a.analysis(failing), undefined);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    // The saved text is asked for again and fails twice more; the next test starts once that is over.
    await waitFor('the reverted text failed twice too', () => a.workers().stats.replaced >= before + 4);
    assert.equal(a.workers().reports.length, 1, 'still told once');
  });

  it('typing in one article re-analyses it alone and redraws only its items', async () => {
    const a = await api();
    const editor = await openArticle('batch-0', '0000.txt');
    const uri = editor.document.uri.toString();
    await waitFor('highlights drawn', () => (a.decorations(uri)['quote']?.length ?? 0) > 0);
    // Let the views settle (expanded trees, first draws), then count from here.
    a.articlesTree(1);
    a.entitiesTree(2);
    const before = await settled(a);
    const quotes = a.analysis(uri)!.quotes.length;
    const drawn = a.decorations(uri)['quote']!.length;
    const analysed = a.timings().analysed;
    const end = editor.document.getText().length;
    await editor.edit((e) => e.insert(editor.document.positionAt(end), '\n\n"The quay will be ready by spring," said Ingrid Solberg.\n'));
    await waitFor('the new quotation analysed', () => a.analysis(uri)!.quotes.length > quotes);
    await waitFor('and highlighted', () => (a.decorations(uri)['quote']?.length ?? 0) > drawn);
    await waitFor('its Articles node redrawn', () => a.treeRefreshes().articles.nodes > before.articles.nodes);
    const after = await settled(a);
    assert.equal(after.articles.whole, before.articles.whole, 'the Articles view was not rebuilt');
    assert.equal(after.entities.whole, before.entities.whole, 'the Entities view was not rebuilt (no entity appeared or went)');
    assert.equal(after.tags.whole, before.tags.whole, 'the Tags view was not rebuilt');
    assert.equal(a.timings().analysed - analysed, 1, 'one article analysed again');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('grouped by outlet and filtered, typing in one article still redraws only its items', async () => {
    const a = await api();
    const rebuilt = a.treeRefreshes().articles.whole;
    await vscode.commands.executeCommand('newsAnnotator.groupByOutlet');
    await vscode.commands.executeCommand('newsAnnotator.filterArticles', '0001');
    try {
      await waitFor('the view rebuilt grouped and filtered', () => a.treeRefreshes().articles.whole > rebuilt);
      const editor = await openArticle('batch-0', '0001.txt');
      const uri = editor.document.uri.toString();
      await waitFor('highlights drawn', () => (a.decorations(uri)['quote']?.length ?? 0) > 0);
      // The groups and their articles drawn (as when expanded in the view), then count from here.
      const tree = a.articlesTree(2);
      assert.equal(tree.length, 2, tree.join('\n')); // one outlet, one article
      const before = await settled(a);
      const quotes = a.analysis(uri)!.quotes.length;
      const end = editor.document.getText().length;
      await editor.edit((e) => e.insert(editor.document.positionAt(end), '\n\n"The dredging starts in May," said Ingrid Solberg.\n'));
      await waitFor('the new quotation analysed', () => a.analysis(uri)!.quotes.length > quotes);
      await waitFor('its Articles node redrawn', () => a.treeRefreshes().articles.nodes > before.articles.nodes);
      assert.equal((await settled(a)).articles.whole, before.articles.whole, 'the grouped, filtered Articles view was not rebuilt');
      assert.deepEqual(a.articlesTree(1), tree.slice(0, 1), 'same group, same count');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await vscode.commands.executeCommand('newsAnnotator.clearFilter');
      await vscode.commands.executeCommand('newsAnnotator.groupByNone');
    }
  });
});
