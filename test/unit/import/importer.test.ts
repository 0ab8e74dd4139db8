import { strict as assert } from 'node:assert';
import { parseArticleHeader } from '../../../src/core/import/articleFormat';
import { importedIndex, importOne, type ImportDestination } from '../../../src/core/import/importer';
import { ImportError, type FetchedPage, type PageFetcher } from '../../../src/core/import/types';
import { fixture, MemImportFs, newsPage, paragraphs } from './helpers';

/** Serves pages from a map by URL; records the URLs asked for. */
class FakeFetcher implements PageFetcher {
  readonly asked: string[] = [];
  constructor(private readonly pages: Record<string, { body: string | Uint8Array; finalUrl?: string; contentType?: string }>) {}
  async fetch(url: string): Promise<FetchedPage> {
    this.asked.push(url);
    const p = this.pages[url];
    if (!p) throw new ImportError('HTTP 404 Not Found');
    const body = typeof p.body === 'string' ? new TextEncoder().encode(p.body) : p.body;
    return { url: p.finalUrl ?? url, status: 200, contentType: p.contentType ?? 'text/html; charset=utf-8', body };
  }
}

const NOW = new Date('2026-12-07T08:00:00.000Z');
const FERRY = 'https://www.fjordcourier.example/news/2025/03/05/ferry-fares-rise';

function dest(dir = '/ws/imports', root = '/ws', imported = new Map<string, string>()): ImportDestination {
  return { dir, root, imported };
}

describe('import: one source into a folder', () => {
  it('writes the dated article and the original, hash-named, under .news-annotator/originals at the root', async () => {
    const fs = new MemImportFs();
    const fetcher = new FakeFetcher({ [`${FERRY}?utm_source=nl`]: { body: fixture('jsonld-news.html') } });
    const r = await importOne(`${FERRY}?utm_source=nl`, dest(), { fs, fetcher, now: () => NOW });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.path, '/ws/imports/2025-03-05-harbour-ferry-fares-to-rise-12-as-fuel-costs-bite.txt');
    assert.equal(r.existing, false);
    const text = fs.text(r.path)!;
    const h = parseArticleHeader(text)!;
    assert.equal(h.url, FERRY);
    assert.equal(h.retrieved, '2026-12-07T08:00:00Z');
    assert.match(h.original!, /^\.\.\/\.news-annotator\/originals\/[0-9a-f]{64}\.html$/);
    const original = '/ws/' + h.original!.slice(3);
    assert.ok(Buffer.from(fs.files.get(original)!.data).equals(fixture('jsonld-news.html')));
    assert.ok(fs.dirs.has('/ws/.news-annotator/originals'));
    assert.ok(text.endsWith('by a third.\n'));
  });

  it('the same URL again (tracking parameters, http/www variants, or after a redirect) is found, not fetched or written twice', async () => {
    const fs = new MemImportFs();
    const d = dest();
    const fetcher = new FakeFetcher({
      [FERRY]: { body: fixture('jsonld-news.html') },
      'https://short.example/f1': { body: fixture('jsonld-news.html'), finalUrl: `${FERRY}?fbclid=abc` },
    });
    const first = await importOne(FERRY, d, { fs, fetcher });
    assert.ok(first.ok && !first.existing);
    const again = await importOne(`http://fjordcourier.example/news/2025/03/05/ferry-fares-rise/?utm_medium=email#top`, d, { fs, fetcher });
    assert.ok(again.ok && again.existing && again.path === first.path);
    assert.equal(fetcher.asked.length, 1, 'found before fetching');
    const redirected = await importOne('https://short.example/f1', d, { fs, fetcher });
    assert.ok(redirected.ok && redirected.existing && redirected.path === first.path, JSON.stringify(redirected));
    assert.equal(fs.list('/ws/imports/').length, 1);
  });

  it('finds articles imported earlier from their files (importedIndex)', async () => {
    const fs = new MemImportFs();
    const fetcher = new FakeFetcher({ [FERRY]: { body: fixture('jsonld-news.html') } });
    const first = await importOne(FERRY, dest(), { fs, fetcher });
    assert.ok(first.ok);
    const index = importedIndex([
      { path: first.path, text: fs.text(first.path)! },
      { path: '/ws/plain.txt', text: 'Ferry fares rise\n\nThey will rise.\n' },
    ]);
    assert.equal(index.size, 1);
    const r = await importOne(FERRY, dest('/ws/imports', '/ws', index), { fs, fetcher });
    assert.ok(r.ok && r.existing && r.path === first.path);
  });

  it('a different article with the same headline and date gets -2, never overwriting', async () => {
    const fs = new MemImportFs();
    const page = (url: string) => newsPage({ headline: 'Council meets', body: paragraphs(5), url, published: '2025-06-01' });
    const fetcher = new FakeFetcher({ 'https://a.example/1': { body: page('https://a.example/1') }, 'https://b.example/2': { body: page('https://b.example/2') } });
    const a = await importOne('https://a.example/1', dest('/ws', '/ws'), { fs, fetcher });
    const b = await importOne('https://b.example/2', dest('/ws', '/ws'), { fs, fetcher });
    assert.ok(a.ok && b.ok);
    assert.equal(a.path, '/ws/2025-06-01-council-meets.txt');
    assert.equal(b.path, '/ws/2025-06-01-council-meets-2.txt');
    assert.equal(parseArticleHeader(fs.text(b.path)!)!.original!.startsWith('.news-annotator/originals/'), true);
  });

  it('a saved HTML file: the address the browser noted, the file time as retrieved; an undated page is undated-…', async () => {
    const fs = new MemImportFs();
    const saved = '<!-- saved from url=(0041)https://roads.example/news/storm?utm_x=1 -->\n' + fixture('plain.html').toString('utf8');
    fs.put('/ws/saved/storm.html', saved, Date.UTC(2025, 2, 9, 10, 15, 0));
    const r = await importOne('/ws/saved/storm.html', dest('/ws', '/ws'), { fs, fetcher: new FakeFetcher({}) });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.path, '/ws/undated-storm-closes-mountain-road-for-a-third-day.txt');
    const h = parseArticleHeader(fs.text(r.path)!)!;
    assert.equal(h.url, 'https://roads.example/news/storm');
    assert.equal(h.retrieved, '2025-03-09T10:15:00Z');
    assert.equal(h.date, null);
  });

  it('failures are results with their message: no page, not HTML, a teaser, a missing file; nothing is written', async () => {
    const fs = new MemImportFs();
    fs.put('/ws/notes.txt', 'not html');
    fs.put('/ws/teaser.html', fixture('paywall.html'));
    const fetcher = new FakeFetcher({});
    const results = await Promise.all(
      ['https://gone.example/x', '/ws/notes.txt', '/ws/teaser.html', '/ws/missing.html'].map((s) => importOne(s, dest('/ws', '/ws'), { fs, fetcher })),
    );
    assert.deepEqual(
      results.map((r) => (r.ok ? 'ok' : r.message.slice(0, 16))),
      ['HTTP 404 Not Fou', 'not an HTML file', 'only a teaser of', 'no such file'],
    );
    assert.deepEqual(fs.list('/ws/').sort(), ['/ws/notes.txt', '/ws/teaser.html']);
  });

  it('a cancelled batch stops before writing', async () => {
    const fs = new MemImportFs();
    const ac = new AbortController();
    const fetcher: PageFetcher = {
      fetch: async (url) => {
        ac.abort();
        return { url, status: 200, contentType: 'text/html', body: new Uint8Array(fixture('jsonld-news.html')) };
      },
    };
    const r = await importOne(FERRY, dest(), { fs, fetcher, signal: ac.signal });
    assert.ok(!r.ok);
    assert.equal(fs.files.size, 0);
  });
});
