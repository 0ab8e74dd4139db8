import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXTENSION_ID, api, closeAllEditors, openArticle, waitFor, workspaceRoot } from '../helpers';

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

  it('groups the Articles view by outlet from the palette command, and back, without writing a settings file into the folder', async () => {
    try {
      const a = await api();
      const settingsFile = path.join(workspaceRoot(), '.vscode', 'settings.json');
      const settingsBefore = fs.existsSync(settingsFile) ? fs.readFileSync(settingsFile, 'utf8') : undefined;
      await vscode.commands.executeCommand('newsAnnotator.groupByOutlet');
      const grouped = a.articlesTree(1);
      assert.ok(grouped.some((l) => /^NORDWIRE — 1 article/.test(l)), grouped.join('\n'));
      assert.ok(grouped.some((l) => /^Unknown outlet — \d articles?/.test(l)), grouped.join('\n'));
      assert.equal(a.articlesView().grouping, 'outlet');
      // The choice is VS Code's state for this workspace: no setting written, no file created in the articles folder.
      assert.equal(vscode.workspace.getConfiguration('newsAnnotator').inspect('articles.groupBy')?.workspaceValue, undefined);
      assert.equal(fs.existsSync(settingsFile) ? fs.readFileSync(settingsFile, 'utf8') : undefined, settingsBefore, '.vscode/settings.json untouched');
      // Grouped by speaker, a group counts statements (Ingrid Solberg is quoted in two articles).
      await vscode.commands.executeCommand('newsAnnotator.groupBySpeaker');
      const bySpeaker = a.articlesTree(1);
      const ingrid = bySpeaker.find((l) => l.startsWith('Ingrid Solberg — '));
      assert.match(ingrid ?? '', /^Ingrid Solberg — (\d+) statements? in 2 articles$/, bySpeaker.join('\n'));
      const statements = Number(/— (\d+) statement/.exec(ingrid!)![1]);
      // Statements: a mixed quote's quoted fragment (partOf) is part of its statement, not one more.
      const counted = a.articleUris().reduce((n, u) => n + (a.analysis(u)?.quotes.filter((q) => q.speaker === 'Ingrid Solberg' && q.partOf === undefined).length ?? 0), 0);
      assert.equal(statements, counted, 'the group counts her statements, not her articles');
      await vscode.commands.executeCommand('newsAnnotator.groupByNone');
      assert.equal(a.articlesTree(1).length, 3);
      // The setting, changed by hand in the Settings editor, still applies live (and is remembered).
      await vscode.workspace.getConfiguration('newsAnnotator').update('articles.groupBy', 'speaker', vscode.ConfigurationTarget.Workspace);
      await waitFor('grouped by speaker', () => a.articlesView().grouping === 'speaker');
      await vscode.workspace.getConfiguration('newsAnnotator').update('articles.groupBy', undefined, vscode.ConfigurationTarget.Workspace);
      await waitFor('ungrouped', () => a.articlesTree(1).length === 3);
      if (settingsBefore === undefined) fs.rmSync(path.join(workspaceRoot(), '.vscode'), { recursive: true, force: true });
    } finally {
      // Whatever failed above, the next tests see the view ungrouped.
      await vscode.commands.executeCommand('newsAnnotator.groupByNone');
    }
  });

  it('filters the Articles view by text, shows the active filter, and clears it', async () => {
    const a = await api();
    await vscode.commands.executeCommand('newsAnnotator.filterArticles', 'Fjordline');
    assert.equal(a.articlesTree(1).length, 1);
    const shown = a.articlesView();
    assert.equal(shown.description, 'filter: “Fjordline”');
    assert.match(shown.message ?? '', /^Showing 1 of 3 articles matching “Fjordline”/);
    await vscode.commands.executeCommand('newsAnnotator.clearFilter');
    assert.equal(a.articlesTree(1).length, 3);
    assert.equal(a.articlesView().description, undefined);
    assert.equal(a.articlesView().message, undefined);
  });

  it('the Articles view follows the active editor', async () => {
    const a = await api();
    await vscode.commands.executeCommand('workbench.view.extension.newsAnnotator');
    const editor = await openArticle('papers', 'quay-vote.txt');
    const key = editor.document.uri.toString();
    await waitFor('article selected in the view', () => a.articlesSelection().some((id) => id.endsWith(`article:${key}`)));
  });

  it('the Articles view never selects the editor\'s article over a selection the user made, when it redraws', async () => {
    const a = await api();
    await vscode.commands.executeCommand('workbench.view.extension.newsAnnotator');
    const editor = await openArticle('papers', 'quay-vote.txt');
    const key = editor.document.uri.toString();
    await waitFor('article selected in the view', () => a.articlesSelection().some((id) => id === `article:${key}`));
    try {
      // The user selects another article's Statements group (a group opens nothing: the editor stays on its article);
      // the hook has VS Code select it in the view, which tells the extension as it does for a click.
      const first = a.articleUris().sort()[0]!;
      assert.ok(first.endsWith('/papers/no-headline.txt'), first);
      const statements = `article:${first}/quotes`;
      assert.ok(await a.articlesSelect(statements), 'the group is in the view');
      await waitFor('the Statements group selected', () => a.articlesSelection().includes(statements));
      await waitFor('the view no longer follows the editor', () => !a.articlesView().following);
      // The article is edited and re-analysed: its node is redrawn.
      const before = a.articlesView();
      await editor.edit((e) => e.insert(editor.document.positionAt(editor.document.getText().length), '\n'));
      await waitFor('the article node redrawn', () => a.articlesView().redraws > before.redraws);
      assert.equal(a.articlesView().reselects, before.reselects, 'the editor\'s article is not selected again over the user\'s selection');
      assert.deepEqual(a.articlesSelection(), [statements]);
      // Another editor: the view follows again.
      const other = await openArticle('wire', 'harbour-deal.txt');
      await waitFor('the view follows the new editor', () => a.articlesSelection().includes(`article:${other.document.uri.toString()}`));
      assert.ok(a.articlesView().following);
    } finally {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
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
