import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, putCursorIn, waitFor } from '../helpers';

describe('Multi-root workspace', () => {
  it('lists the articles of every folder and annotates beside each', async () => {
    const a = await api();
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 2);
    const names = a.articleUris().map((u) => u.slice(u.lastIndexOf('/') + 1)).sort();
    assert.deepEqual(names, ['ferry-strike.txt', 'lighthouse.txt']);
    const uri = vscode.Uri.joinPath(folders[1]!.uri, 'ferry-strike.txt');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    putCursorIn(editor, 'Nobody wants to strand', 3);
    await vscode.commands.executeCommand('newsAnnotator.tagQuote', { tags: ['labour'] });
    const sidecar = uri.fsPath + '.annotations.yaml';
    await waitFor('sidecar in the second folder', () => fs.existsSync(sidecar));
    assert.match(fs.readFileSync(sidecar, 'utf8'), /speaker: Olav Rand/);
  });
});
