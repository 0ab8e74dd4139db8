import { strict as assert } from 'node:assert';
import { analyzeArticle } from '../../../src/core/analysis';
import { ANALYSIS_CACHE_KEY, AnalysisCache } from '../../../src/core/cache/analysisCache';
import { MemImportFs } from './helpers';
import { articleFileName, formatArticle, parseArticleHeader, slugify } from '../../../src/core/import/articleFormat';

const HEADER = {
  title: 'Harbour ferry fares to rise 12% as fuel costs bite',
  publisher: 'The Fjord Courier',
  published: '2025-03-05T23:30:00-05:00',
  author: 'Ingrid Solberg, Tomas Berg',
  url: 'https://www.fjordcourier.example/news/ferry-fares-rise',
  retrieved: '2026-12-07T07:31:02Z',
  original: '../.news-annotator/originals/ab12.html',
};
const BODY = [
  'BERGEN (Reuters) - Fares on the harbour ferries will rise by 12 percent from April, the operator Fjordline Transit said on Tuesday.',
  '"We have held prices for two years while fuel went up by almost half," said Marit Dahl, the chief executive of Fjordline Transit.',
  'Short line.',
];

describe('import: the article file format', () => {
  it('writes the headline, the metadata block and the paragraphs separated by blank lines', () => {
    const text = formatArticle(HEADER, BODY);
    assert.equal(
      text,
      [
        HEADER.title,
        '',
        'Outlet: The Fjord Courier',
        'Published: 2025-03-05T23:30:00-05:00',
        'Author: Ingrid Solberg, Tomas Berg',
        'URL: https://www.fjordcourier.example/news/ferry-fares-rise',
        'Retrieved: 2026-12-07T07:31:02Z',
        'Original: ../.news-annotator/originals/ab12.html',
        '',
        BODY[0],
        '',
        BODY[1],
        '',
        BODY[2],
        '',
      ].join('\n'),
    );
  });

  it('reads its own header back, with spans; unknown values are left out and read as null', () => {
    const text = formatArticle({ ...HEADER, publisher: null, author: null, published: null }, BODY);
    const h = parseArticleHeader(text)!;
    assert.equal(h.title, HEADER.title);
    assert.deepEqual(h.titleSpan, { start: 0, end: HEADER.title.length });
    assert.equal(text.slice(h.blockSpan.start, h.blockSpan.end).split('\n')[0], `URL: ${HEADER.url}`);
    assert.equal(h.publisher, null);
    assert.equal(h.author, null);
    assert.equal(h.date, null);
    assert.equal(h.retrieved, HEADER.retrieved);
    assert.equal(parseArticleHeader(text.replace(/\n/g, '\r\n'))?.url, HEADER.url);
  });

  it('other texts are not taken for it (no Retrieved line, unknown keys, keys out of order, no blank line)', () => {
    const good = formatArticle(HEADER, BODY);
    assert.ok(parseArticleHeader(good));
    assert.equal(parseArticleHeader(good.replace(/Retrieved: .*\n/, '')), null);
    assert.equal(parseArticleHeader(good.replace('Retrieved: 2026-12-07T07:31:02Z', 'Retrieved: yesterday')), null);
    assert.equal(parseArticleHeader(good.replace('Outlet:', 'Section:')), null);
    assert.equal(parseArticleHeader(good.replace(/^(.*)\n\n(Outlet: .*)\n(Published: .*)\n/, '$1\n\n$3\n$2\n')), null);
    assert.equal(parseArticleHeader(good.replace(`${HEADER.title}\n\n`, `${HEADER.title}\n`)), null);
    assert.equal(parseArticleHeader('Ferry fares rise\n\nBERGEN - Fares will rise.\n'), null);
  });

  it('names the file by its date and headline; undated and clashing names', () => {
    assert.equal(articleFileName(HEADER.title, HEADER.published), '2025-03-05-harbour-ferry-fares-to-rise-12-as-fuel-costs-bite.txt');
    assert.equal(articleFileName('Ferry fares rise', null), 'undated-ferry-fares-rise.txt');
    assert.equal(articleFileName('Ferry fares rise', '2025-03-05', 3), '2025-03-05-ferry-fares-rise-3.txt');
    assert.equal(articleFileName('???', null), 'undated-article.txt');
    assert.equal(slugify('Café Nordøy: “Ça va” à Genève'), 'cafe-nordøy-ca-va-a-geneve');
    assert.equal(slugify('Паромные тарифы вырастут'), 'паромные-тарифы-вырастут');
    assert.equal(slugify('フェリー運賃、12%値上げへ'), 'フェリー運賃-12-値上げへ');
    assert.ok(slugify('word '.repeat(40)).length <= 60);
  });
});

describe('import: the analysis reads an imported article', () => {
  const text = formatArticle(HEADER, BODY);
  const a = analyzeArticle(text);
  it('reports exactly the imported title, outlet, day (the page\'s own), author, URL and retrieval time', () => {
    const m = a.metadata;
    assert.equal(m.title, HEADER.title);
    assert.equal(m.titleDerived, false);
    assert.equal(m.publisher, 'The Fjord Courier');
    assert.equal(m.date, '2025-03-05');
    assert.equal(m.dateIso, '2025-03-05');
    assert.equal(m.author, 'Ingrid Solberg, Tomas Berg');
    assert.equal(m.url, HEADER.url);
    assert.equal(m.retrieved, HEADER.retrieved);
    assert.equal(m.dateline, 'BERGEN (Reuters)');
  });
  it('lays out the headline and the metadata block, and finds quotes and names in the paragraphs only', () => {
    assert.equal(a.passages[0]!.kind, 'headline');
    assert.equal(a.passages[1]!.kind, 'byline');
    assert.ok(a.passages.slice(2).every((p) => p.kind === 'paragraph'), JSON.stringify(a.passages.map((p) => p.kind)));
    assert.equal(a.quotes.length, 1);
    assert.equal(a.quotes[0]!.speaker, 'Marit Dahl');
    const names = a.entities.map((e) => e.name);
    assert.ok(names.includes('Marit Dahl'));
    assert.ok(!names.includes('Ingrid Solberg'), 'the metadata block is not article text');
  });
  it('an article that was not imported has no url or retrieved', () => {
    const b = analyzeArticle('Ferry fares rise\n\nFares on the ferries will rise, the operator said on Tuesday.\n');
    assert.equal(b.metadata.url, undefined);
    assert.equal(b.metadata.retrieved, undefined);
  });
  it('the analysis cache keeps url and retrieved (a reopen shows the same provenance)', async () => {
    const fs = new MemImportFs();
    const cache = AnalysisCache.empty();
    cache.set('imported', a);
    await cache.save(fs, '/store/analysis.bin');
    const loaded = await AnalysisCache.load(fs, '/store/analysis.bin', ANALYSIS_CACHE_KEY);
    assert.deepStrictEqual(loaded.get('imported'), a);
    assert.equal(loaded.get('imported')!.metadata.url, HEADER.url);
  });
});
