import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../../src/extension/constants';
import type { ImportWebPageResult } from '../../../src/extension/features/importWebPage';
import { api, closeAllEditors, waitFor, workspaceRoot, wsUri } from '../helpers';

// The fixture pages live in the repository (this file runs from out/test/integration/workspace).
const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/import');
const CANONICAL = 'https://www.fjordcourier.example/news/2025/03/05/ferry-fares-rise';
const HEADLINE = 'Harbour ferry fares to rise 12% as fuel costs bite';

describe('Import Web Page: a page from a loopback server becomes an article with its highlights', function () {
  this.timeout(60_000);
  let server: http.Server;
  let base = '';

  before(async () => {
    const page = fs.readFileSync(path.join(FIXTURES, 'jsonld-news.html'));
    const library = fs.readFileSync(path.join(FIXTURES, 'meta-only.html'));
    server = http.createServer((req, res) => {
      const p = new URL(req.url ?? '/', 'http://x').pathname;
      if (p === '/news/ferry') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page);
      } else if (p === '/library') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(library);
      } else if (p === '/short') {
        res.writeHead(302, { location: '/news/ferry?utm_source=newsletter' });
        res.end();
      } else {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<html><body>Not found</body></html>');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await api();
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    await closeAllEditors();
  });

  it('imports the URL into the folder given, opens the new article, and the analysis reads its metadata and highlights it', async () => {
    const a = await api();
    const r = await vscode.commands.executeCommand<ImportWebPageResult>(Commands.importWebPage, { urls: [`${base}/news/ferry`], folder: wsUri('imports').toString() });
    assert.deepEqual(r.errors, []);
    assert.equal(r.imported.length, 1);
    assert.equal(r.imported[0]!.existing, false);
    const uri = r.imported[0]!.uri;
    assert.equal(uri, wsUri('imports', '2025-03-05-harbour-ferry-fares-to-rise-12-as-fuel-costs-bite.txt').toString());
    await waitFor('the new article in the active editor', () => vscode.window.activeTextEditor?.document.uri.toString() === uri);
    const analysis = await waitFor('the article analysed', () => a.analysis(uri));
    assert.equal(analysis.metadata.title, HEADLINE);
    assert.equal(analysis.metadata.publisher, 'The Fjord Courier');
    assert.equal(analysis.metadata.date, '2025-03-05');
    assert.equal(analysis.metadata.author, 'Ingrid Solberg, Tomas Berg');
    assert.equal(analysis.metadata.url, CANONICAL);
    const deco = await waitFor('quote and person highlights', () => {
      const d = a.decorations(uri);
      return (d['quote']?.length ?? 0) > 0 && (d['person']?.length ?? 0) > 0 ? d : undefined;
    });
    const text = vscode.window.activeTextEditor!.document.getText();
    assert.ok(deco['person']!.some(([s, e]) => text.slice(s, e) === 'Marit Dahl'));
    // the original, hash-named at the workspace folder's root, is never an article
    const originals = fs.readdirSync(path.join(workspaceRoot(), '.news-annotator', 'originals'));
    assert.equal(originals.length, 1);
    assert.match(text, new RegExp(`^Original: \\.\\./\\.news-annotator/originals/${originals[0]!.replace('.', '\\.')}$`, 'm'));
    assert.ok(!a.articleUris().some((u) => u.includes('/.news-annotator/')));
    await waitFor('the article listed', () => a.articleUris().includes(uri));
  });

  it('the same page again (through a redirect, with tracking parameters) opens the existing article, writing nothing', async () => {
    await closeAllEditors();
    const before = fs.readdirSync(path.join(workspaceRoot(), 'imports'));
    const r = await vscode.commands.executeCommand<ImportWebPageResult>(Commands.importWebPage, { urls: [`${base}/short`], onExisting: 'open' });
    assert.equal(r.imported.length, 1);
    assert.equal(r.imported[0]!.existing, true);
    assert.equal(r.imported[0]!.uri, wsUri('imports', '2025-03-05-harbour-ferry-fares-to-rise-12-as-fuel-costs-bite.txt').toString());
    await waitFor('the existing article opened', () => vscode.window.activeTextEditor?.document.uri.toString() === r.imported[0]!.uri);
    assert.deepEqual(fs.readdirSync(path.join(workspaceRoot(), 'imports')), before);
  });

  it('from the explorer on a saved HTML file: into the remembered folder, no prompt; a 404 is reported, not written', async () => {
    fs.mkdirSync(path.join(workspaceRoot(), 'saved'), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, 'plain.html'), path.join(workspaceRoot(), 'saved', 'storm.html'));
    const file = wsUri('saved', 'storm.html');
    const r = await vscode.commands.executeCommand<ImportWebPageResult>(Commands.importWebPage, file, [file]);
    assert.deepEqual(r.errors, []);
    assert.equal(r.imported[0]!.uri, wsUri('imports', 'undated-storm-closes-mountain-road-for-a-third-day.txt').toString());
    const a = await api();
    const analysis = await waitFor('the saved page analysed', () => a.analysis(r.imported[0]!.uri));
    assert.equal(analysis.metadata.title, 'Storm closes mountain road for a third day');
    assert.equal(analysis.metadata.url, null);

    const missing = await vscode.commands.executeCommand<ImportWebPageResult>(Commands.importWebPage, { urls: [`${base}/gone`] });
    assert.deepEqual(missing.imported, []);
    assert.deepEqual(missing.errors, [{ source: `${base}/gone`, message: 'HTTP 404 Not Found' }]);
    assert.equal(fs.readdirSync(path.join(workspaceRoot(), 'imports')).length, 2);
  });

  it('into a folder outside the workspace: originals inside it, and a second import finds the article there', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'na-import-outside-'));
    try {
      const folder = vscode.Uri.file(outside).toString();
      const first = await vscode.commands.executeCommand<ImportWebPageResult>(Commands.importWebPage, { urls: [`${base}/library`], folder, open: false });
      assert.deepEqual(first.errors, []);
      assert.equal(first.imported[0]!.uri, vscode.Uri.file(path.join(outside, '2025-04-11-library-to-open-on-sundays-from-may.txt')).toString());
      assert.equal(fs.readdirSync(path.join(outside, '.news-annotator', 'originals')).length, 1);
      const again = await vscode.commands.executeCommand<ImportWebPageResult>(Commands.importWebPage, { urls: [`${base}/library?fbclid=x`], folder, onExisting: 'skip' });
      assert.equal(again.imported[0]!.existing, true);
      assert.equal(again.imported[0]!.uri, first.imported[0]!.uri);
      assert.deepEqual(fs.readdirSync(outside).sort(), ['.news-annotator', '2025-04-11-library-to-open-on-sundays-from-may.txt']);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
