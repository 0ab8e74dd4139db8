import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api } from '../helpers';

// Runs twice on a copy of ../shared/corpora/bbc with the same VS Code storage (see test/harness/suites.mjs):
// the first open analyses every article, the second is served from the analysis cache. The times are printed
// for the record (figures, not assertions); the assertions are about behaviour.
describe('A large folder: the BBC corpus (2,225 articles)', () => {
  it('finds every article, and a reopen is served from the cache', async () => {
    const a = await api();
    const t = a.timings();
    const n = a.articleUris().length;
    assert.equal(n, 2225, 'README.TXT is not an article; every story is');
    const reopen = t.cacheLoaded > 0;
    console.log(
      `    timing: ${reopen ? 'reopen' : 'first open'} of ${n} articles: ready after ${t.readyMs?.toFixed(0)} ms (scan done at ${t.scanMs?.toFixed(0)} ms) ` +
        `(activate() ${t.activateMs.toFixed(1)} ms; analysed ${t.analysed}, from cache ${t.remembered})`,
    );
    if (reopen) assert.equal(t.analysed, 0, 'nothing analysed again on reopen');
    else assert.ok(t.analysed > 2000, 'the first open analyses the articles');
  });

  it('answers a search and a related-passages query over the whole corpus', async () => {
    await api();
    const t0 = performance.now();
    const count = await vscode.commands.executeCommand<number>('newsAnnotator.search', { query: 'speaker:Blair election' });
    console.log(`    timing: first search over the corpus ${(performance.now() - t0).toFixed(0)} ms (${count} results; includes building the index)`);
    assert.ok(count > 0);
    const ed = vscode.window.activeTextEditor!;
    await vscode.commands.executeCommand('newsAnnotator.goToRelated', { pick: 0 });
    assert.notEqual(vscode.window.activeTextEditor!.document.uri.toString(), ed.document.uri.toString(), 'related passage in another article');
  });
});
