import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, closeAllEditors, openArticle, putCursorIn, waitFor, wsUri } from '../helpers';

describe('Next/Previous Annotation and Open Sidecar', () => {
  const sidecar = () => wsUri('papers', 'quay-vote.txt').fsPath + '.annotations.yaml';
  after(async () => {
    await closeAllEditors();
    if (fs.existsSync(sidecar())) fs.unlinkSync(sidecar());
  });

  it('steps through the annotations of the article, wrapping around', async () => {
    const a = await api();
    const editor = await openArticle('papers', 'quay-vote.txt');
    const uri = editor.document.uri.toString();
    for (const [needle, tag] of [['no reason to fear', 'fees'], ['Nobody on the council', 'accountability'], ['This is the largest investment', 'claims']] as const) {
      putCursorIn(editor, needle, 2);
      await vscode.commands.executeCommand('newsAnnotator.tagQuote', { tags: [tag] });
    }
    const starts = a.annotations(uri).map((x) => x.start).sort((x, y) => x - y);
    assert.equal(starts.length, 3);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const at = () => vscode.window.activeTextEditor!.document.offsetAt(vscode.window.activeTextEditor!.selection.start);
    await vscode.commands.executeCommand('newsAnnotator.nextAnnotation');
    assert.equal(at(), starts[0]);
    await vscode.commands.executeCommand('newsAnnotator.nextAnnotation');
    await vscode.commands.executeCommand('newsAnnotator.nextAnnotation');
    assert.equal(at(), starts[2]);
    await vscode.commands.executeCommand('newsAnnotator.nextAnnotation');
    assert.equal(at(), starts[0], 'wrapped to the first');
    await vscode.commands.executeCommand('newsAnnotator.previousAnnotation');
    assert.equal(at(), starts[2], 'wrapped to the last');
  });

  it('Open Sidecar opens the YAML beside the article', async () => {
    await api();
    await openArticle('papers', 'quay-vote.txt');
    await vscode.commands.executeCommand('newsAnnotator.openSidecar');
    const ed = await waitFor('sidecar editor', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === sidecar()));
    assert.match(ed.document.getText(), /accountability/);
  });
});
