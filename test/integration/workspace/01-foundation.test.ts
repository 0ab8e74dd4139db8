import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, api, closeAllEditors, openArticle, waitFor } from '../helpers';

describe('Foundation: the extension in a real VS Code', () => {
  after(closeAllEditors);

  it('activates and contributes the News container, its views and its commands', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension is installed');
    const a = await api();
    assert.ok(ext.isActive);
    // The start-up sequence ran in its order: activate() returned, then the scan, then the sidecars (ready).
    await a.whenReady();
    const t = a.timings();
    assert.ok(t.scanMs !== undefined && t.readyMs !== undefined, 'scan and ready marks set once whenReady() resolved');
    assert.ok(t.activateMs <= t.scanMs && t.scanMs <= t.readyMs, `activate ${t.activateMs} ≤ scan ${t.scanMs} ≤ ready ${t.readyMs}`);
    assert.equal(t.read + t.restored, a.articleUris().length, 'every article was read or restored');
    const pkg = ext.packageJSON as { contributes: { viewsContainers: { activitybar: { id: string; title: string }[] }; views: Record<string, { id: string }[]> } };
    assert.equal(pkg.contributes.viewsContainers.activitybar[0]?.title, 'News');
    assert.deepEqual(
      pkg.contributes.views['newsAnnotator']?.map((v) => v.id),
      ['newsAnnotator.articles', 'newsAnnotator.entities', 'newsAnnotator.tags'],
    );
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['newsAnnotator.tagQuote', 'newsAnnotator.addNote', 'newsAnnotator.goToRelated', 'newsAnnotator.groupByOutlet']) {
      assert.ok(commands.includes(c), `command ${c} registered`);
    }
    // The view container opens (the palette command VS Code generates for it).
    await vscode.commands.executeCommand('workbench.view.extension.newsAnnotator');
  });

  it('lists the workspace articles, not READMEs, Markdown or sidecars', async () => {
    const a = await api();
    const names = a.articleUris().map((u) => u.slice(u.lastIndexOf('/') + 1)).sort();
    assert.deepEqual(names, ['harbour-deal.txt', 'no-headline.txt', 'quay-vote.txt']);
    const tree = a.articlesTree(1);
    assert.equal(tree.length, 3);
    assert.ok(tree.some((l) => l.startsWith('Harbour authority signs dredging deal with Nordmark Shipping')), tree.join('\n'));
  });

  it('groups the Articles view by outlet from the palette command, and back', async () => {
    const a = await api();
    await vscode.commands.executeCommand('newsAnnotator.groupByOutlet');
    const grouped = a.articlesTree(1);
    assert.ok(grouped.some((l) => /^NORDWIRE — 1 article/.test(l)), grouped.join('\n'));
    assert.ok(grouped.some((l) => /^Unknown outlet — \d articles?/.test(l)), grouped.join('\n'));
    assert.equal(vscode.workspace.getConfiguration('newsAnnotator').get('articles.groupBy'), 'outlet');
    await vscode.commands.executeCommand('newsAnnotator.groupByNone');
    assert.equal(a.articlesTree(1).length, 3);
    // The setting itself, changed in the Settings editor, applies live too.
    await vscode.workspace.getConfiguration('newsAnnotator').update('articles.groupBy', 'speaker', vscode.ConfigurationTarget.Workspace);
    await waitFor('grouped by speaker', () => a.articlesTree(1).some((l) => /^Ingrid Solberg — 2 articles/.test(l)));
    await vscode.workspace.getConfiguration('newsAnnotator').update('articles.groupBy', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('ungrouped', () => a.articlesTree(1).length === 3);
  });

  it('filters the Articles view by text', async () => {
    const a = await api();
    await vscode.commands.executeCommand('newsAnnotator.filterArticles', 'Fjordline');
    assert.equal(a.articlesTree(1).length, 1);
    await vscode.commands.executeCommand('newsAnnotator.clearFilter');
    assert.equal(a.articlesTree(1).length, 3);
  });

  it('the Articles view follows the active editor', async () => {
    const a = await api();
    await vscode.commands.executeCommand('workbench.view.extension.newsAnnotator');
    const editor = await openArticle('papers', 'quay-vote.txt');
    const key = editor.document.uri.toString();
    await waitFor('article selected in the view', () => a.articlesSelection().some((id) => id.endsWith(`article:${key}`)));
  });

  it('gives the articles it manages the news language, and leaves other text files alone', async () => {
    await api();
    const editor = await openArticle('wire', 'harbour-deal.txt');
    await waitFor('news language', () => vscode.window.activeTextEditor?.document.languageId === 'news');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());
    // Open the README, then an article: the extension handles open events in order, so once the article it opened
    // after the README has turned `news`, the README's turn has passed too, and it must still be plain text.
    await closeAllEditors();
    const readme = await openArticle('README.txt');
    const again = await openArticle('papers', 'no-headline.txt');
    await waitFor('news language on the article opened after the README', () => vscode.window.activeTextEditor?.document.languageId === 'news' && vscode.window.activeTextEditor.document.uri.toString() === again.document.uri.toString());
    assert.equal(readme.document.languageId, 'plaintext');
  });
});
