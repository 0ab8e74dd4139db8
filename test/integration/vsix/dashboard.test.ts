import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { NewsAnnotatorApi } from '../../../src/extension/api';
import { waitFor } from '../helpers';

// The Quote Dashboard from the packaged extension: its webview script and stylesheet are in the .vsix and load
// under the panel's Content-Security-Policy (the webview reports its first paint).
describe('Packaged extension: Quote Dashboard', () => {
  it('ships the webview bundle and draws the dashboard', async () => {
    const ext = vscode.extensions.getExtension<NewsAnnotatorApi>('news-annotator.news-annotator')!;
    assert.ok(fs.existsSync(path.join(ext.extensionPath, 'dist', 'webview', 'dashboard.js')));
    assert.ok(fs.existsSync(path.join(ext.extensionPath, 'media', 'dashboard.css')));
    const api = await ext.activate();
    await api.whenReady();
    await vscode.commands.executeCommand('newsAnnotator.openDashboard');
    const s = await waitFor('the dashboard painted', () => {
      const x = api.dashboard().snapshot();
      return x.data && x.painted?.seq === x.data.seq ? x : undefined;
    }, 30_000);
    assert.equal(s.data!.tally.articles, api.articleUris().length);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
