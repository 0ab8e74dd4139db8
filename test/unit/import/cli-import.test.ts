import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../support/runCli';
import { fixture, html, loopback, redirect, type Loopback } from './helpers';

const KEYS = ['source', 'path', 'title', 'publisher', 'author', 'date', 'url', 'existing'];

describe('CLI: import', function () {
  this.timeout(30_000);
  let srv: Loopback;
  let dir: string;
  let out: string;
  before(async () => {
    srv = await loopback({
      '/news/ferry': html(fixture('jsonld-news.html')),
      '/short/ferry': redirect('/news/ferry?utm_campaign=spring'),
      '/local/library': html(fixture('meta-only.html')),
      '/teaser': html(fixture('paywall.html')),
      '/pdf': html(Buffer.alloc(2048, 0x25), 'application/pdf'),
    });
  });
  after(() => srv.close());
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'na-import-'));
    out = path.join(dir, 'articles');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('imports URLs and saved files, prints exactly the JSON contract, and extract reads the same metadata', async () => {
    const saved = path.join(dir, 'storm.html');
    writeFileSync(saved, fixture('plain.html'));
    const r = await runCli(['import', `${srv.base}/news/ferry`, `${srv.base}/local/library`, saved, '--out', out, '--json']);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out) as { imported: Record<string, unknown>[]; errors: unknown[] };
    assert.deepEqual(Object.keys(j), ['imported', 'errors']);
    assert.deepEqual(j.errors, []);
    for (const i of j.imported) assert.deepEqual(Object.keys(i), KEYS);
    assert.deepEqual(j.imported[0], {
      source: `${srv.base}/news/ferry`,
      path: path.join(out, '2025-03-05-harbour-ferry-fares-to-rise-12-as-fuel-costs-bite.txt'),
      title: 'Harbour ferry fares to rise 12% as fuel costs bite',
      publisher: 'The Fjord Courier',
      author: 'Ingrid Solberg, Tomas Berg',
      date: '2025-03-05',
      url: 'https://www.fjordcourier.example/news/2025/03/05/ferry-fares-rise',
      existing: false,
    });
    assert.equal(j.imported[1]!.date, '2025-04-11');
    assert.equal(j.imported[2]!.source, saved);
    assert.equal(j.imported[2]!.date, null);
    assert.equal(path.basename(j.imported[2]!.path as string), 'undated-storm-closes-mountain-road-for-a-third-day.txt');
    // the originals, kept inside --out, and never taken for articles
    const originals = readdirSync(path.join(out, '.news-annotator', 'originals'));
    assert.equal(originals.length, 3);
    assert.ok(originals.every((f) => /^[0-9a-f]{64}\.html$/.test(f)));

    const x = await runCli(['extract', '--json', out]);
    assert.equal(x.code, 0, x.err);
    const articles = (JSON.parse(x.out) as { articles: Record<string, unknown>[] }).articles;
    assert.equal(articles.length, 3);
    for (const imp of j.imported) {
      const a = articles.find((b) => b.path === imp.path)!;
      assert.ok(a, `${String(imp.path)} extracted`);
      for (const k of ['title', 'publisher', 'date', 'author', 'url']) assert.equal(a[k], imp[k], `${k} of ${String(imp.path)}`);
      assert.match(a.retrieved as string, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      assert.equal(a.titleDerived, false);
    }
  });

  it('skips a URL already imported (through a redirect, with tracking parameters) and reports it as existing', async () => {
    const first = await runCli(['import', `${srv.base}/news/ferry`, '--out', out, '--json']);
    assert.equal(first.code, 0, first.err);
    const again = await runCli(['import', `${srv.base}/short/ferry`, '--out', out, '--json']);
    assert.equal(again.code, 0, again.err);
    const j = JSON.parse(again.out) as { imported: { existing: boolean; path: string; title: string }[] };
    assert.equal(j.imported[0]!.existing, true);
    assert.equal(j.imported[0]!.path, (JSON.parse(first.out) as { imported: { path: string }[] }).imported[0]!.path);
    assert.equal(j.imported[0]!.title, 'Harbour ferry fares to rise 12% as fuel costs bite');
    assert.equal(readdirSync(out).filter((f) => f.endsWith('.txt')).length, 1);
  });

  it('reports each failed source and exits non-zero, still importing the others', async () => {
    const r = await runCli(['import', `${srv.base}/teaser`, `${srv.base}/pdf`, `${srv.base}/missing`, path.join(dir, 'nope.html'), `${srv.base}/news/ferry`, '--out', out, '--json']);
    assert.equal(r.code, 1);
    const j = JSON.parse(r.out) as { imported: unknown[]; errors: { source: string; message: string }[] };
    assert.equal(j.imported.length, 1);
    assert.deepEqual(j.errors.map((e) => Object.keys(e)), [['source', 'message'], ['source', 'message'], ['source', 'message'], ['source', 'message']]);
    assert.match(j.errors[0]!.message, /teaser/);
    assert.match(j.errors[1]!.message, /not an HTML page \(the server sent application\/pdf\)/);
    assert.equal(j.errors[2]!.message, 'HTTP 404 Not Found');
    assert.equal(j.errors[3]!.message, 'no such file');
    assert.match(r.err, /teaser/);
    assert.equal(readdirSync(out).filter((f) => f.endsWith('.txt')).length, 1);
  });

  it('without --json: one line per source; --out is required', async () => {
    const r = await runCli(['import', `${srv.base}/news/ferry`, '--out', out]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^imported: .*2025-03-05-harbour-ferry-fares.*\.txt {2}Harbour ferry fares/m);
    assert.match(r.out, /1 imported, 0 already there/);
    const bad = await runCli(['import', `${srv.base}/news/ferry`]);
    assert.equal(bad.code, 2);
    assert.ok(!existsSync(path.join(process.cwd(), '.news-annotator', 'originals')));
  });

  it('an article that was not imported reports url and retrieved as null', async () => {
    const f = path.join(dir, 'hand.txt');
    writeFileSync(f, 'Ferry fares rise\n\nFares on the ferries will rise, the operator said on Tuesday.\n');
    const x = await runCli(['extract', '--json', f]);
    const a = (JSON.parse(x.out) as { articles: Record<string, unknown>[] }).articles[0]!;
    assert.equal(a.url, null);
    assert.equal(a.retrieved, null);
    assert.ok(readFileSync(f, 'utf8').length > 0);
  });
});
