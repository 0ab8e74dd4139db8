import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, closeAllEditors, openArticle, putCursorIn, waitFor, wsUri } from '../helpers';

// VS Code runs this suite with workspace trust on and the folder not trusted (test/harness/suites.mjs): restricted
// mode. The extension declares limited support: everything that reads works, nothing writes into the workspace.
const QUOTE = 'This is the largest investment in the harbour since the war';
const sidecar = () => wsUri('wire', 'harbour-deal.txt.annotations.yaml').fsPath;

describe('Restricted mode (an untrusted folder): read and navigate, never write', () => {
  after(closeAllEditors);

  it('runs in an untrusted workspace, lists the articles and highlights quotes and names', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the harness opened the folder untrusted');
    const a = await api();
    assert.ok(a.articleUris().some((u) => u.endsWith('/wire/harbour-deal.txt')));
    assert.match(a.articlesTree(1).join('\n'), /harbour/i, 'the Articles view lists the articles with their headlines');
    const editor = await openArticle('wire', 'harbour-deal.txt');
    const uri = editor.document.uri.toString();
    const deco = await waitFor('quote highlights', () => ((a.decorations(uri)['quote']?.length ?? 0) > 0 ? a.decorations(uri) : undefined));
    assert.ok(deco['quote']!.length >= 1);
    assert.ok((deco['person']?.length ?? 0) >= 1, 'names are highlighted');
  });

  it('Tag Quote and Add Note write nothing: no sidecar appears and no annotation is kept', async () => {
    const a = await api();
    const editor = await openArticle('wire', 'harbour-deal.txt');
    const original = fs.readFileSync(editor.document.uri.fsPath, 'utf8');
    putCursorIn(editor, QUOTE, 10);
    await vscode.commands.executeCommand('newsAnnotator.tagQuote', { tags: ['claims'] });
    await vscode.commands.executeCommand('newsAnnotator.addNote', { note: 'should not be written' });
    // Both commands have finished (each refuses before any write, and resolves after the refusal): no waiting.
    assert.equal(fs.existsSync(sidecar()), false, 'no sidecar written in an untrusted folder');
    assert.equal(a.annotations(editor.document.uri.toString()).length, 0, 'no annotation kept in memory either');
    assert.equal(fs.readFileSync(editor.document.uri.fsPath, 'utf8'), original, 'the article is untouched');
  });

  it('search and navigation work', async () => {
    await api();
    const count = await vscode.commands.executeCommand<number>('newsAnnotator.search', { query: 'harbour' });
    assert.ok(count > 0, 'search finds the article');
    const editor = await openArticle('wire', 'harbour-deal.txt');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('newsAnnotator.nextQuote');
    const at = vscode.window.activeTextEditor!.document.offsetAt(vscode.window.activeTextEditor!.selection.active);
    assert.ok(at > 0, 'Next Quote moved the cursor to a quotation');
  });
});
