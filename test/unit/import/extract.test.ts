import { strict as assert } from 'node:assert';
import { decodeHtml } from '../../../src/core/import/charset';
import { bylineNames, countWords, extractArticle } from '../../../src/core/import/extract';
import { ImportError } from '../../../src/core/import/types';
import { fixture, fixtureText, newsPage, paragraphs } from './helpers';

const FURNITURE = ['Share on', 'Photograph', 'Related', 'Quay contract vote delayed', 'Sign up', 'inbox', 'Most read', 'Storm closes', 'INJECTED', 'cookies', '©', 'About us', 'Home', 'Transport', 'Ferries'];

function expectImportError(fn: () => unknown, re: RegExp): void {
  assert.throws(fn, (e: unknown) => e instanceof ImportError && re.test(e.message));
}

describe('import: extraction from a news page', () => {
  it('a page with JSON-LD: headline, outlet, authors, date with its time zone, canonical URL without tracking, the body only', () => {
    const a = extractArticle(fixtureText('jsonld-news.html'), { pageUrl: 'https://www.fjordcourier.example/news/2025/03/05/ferry-fares-rise?utm_source=x' });
    assert.equal(a.title, 'Harbour ferry fares to rise 12% as fuel costs bite');
    assert.equal(a.publisher, 'The Fjord Courier');
    assert.deepEqual(a.authors, ['Ingrid Solberg', 'Tomas Berg']);
    // JSON-LD datePublished wins over article:published_time (07:30, a later edit)
    assert.equal(a.published, '2025-03-05T06:00:00+01:00');
    assert.equal(a.url, 'https://www.fjordcourier.example/news/2025/03/05/ferry-fares-rise');
    assert.equal(a.paragraphs.length, 6);
    assert.match(a.paragraphs[0]!, /^Fares on the harbour ferries will rise by 12 percent/);
    assert.match(a.paragraphs[5]!, /cut fuel costs on the busiest route by a third\.$/);
    const text = a.paragraphs.join('\n');
    for (const f of FURNITURE) assert.ok(!text.includes(f), `furniture left in: ${f}`);
    // the quotations are kept whole
    assert.ok(text.includes('"We have held prices for two years while fuel went up by almost half," said Marit Dahl'));
  });

  it('a page with only meta tags: og:title without the site suffix, article:published_time, meta author, og:url without fbclid/ref', () => {
    const a = extractArticle(fixtureText('meta-only.html'), { pageUrl: 'https://valleygazette.example/local/library-sundays/' });
    assert.equal(a.title, 'Library to open on Sundays from May');
    assert.equal(a.publisher, 'Valley Gazette');
    assert.deepEqual(a.authors, ['Paula Wren']);
    assert.equal(a.published, '2025-04-11T18:45:00Z');
    assert.equal(a.url, 'https://valleygazette.example/local/library-sundays/');
    assert.equal(a.paragraphs.length, 4);
    const text = a.paragraphs.join('\n');
    for (const f of ['Photo:', 'Read more', 'Swimming pool', 'Tweet', 'Mill Street', 'Weather']) assert.ok(!text.includes(f), f);
  });

  it('a page with neither: the h1 as headline, no date, no outlet, no author; the final URL as its address', () => {
    const a = extractArticle(fixtureText('plain.html'), { pageUrl: 'http://roads.example/news/storm?utm_campaign=a#top' });
    assert.equal(a.title, 'Storm closes mountain road for a third day');
    assert.equal(a.published, null);
    assert.equal(a.publisher, null);
    assert.deepEqual(a.authors, []);
    assert.equal(a.url, 'http://roads.example/news/storm');
    assert.equal(a.paragraphs.length, 4);
  });

  it('a paywall teaser is refused, not written as an article', () => {
    expectImportError(() => extractArticle(fixtureText('paywall.html')), /teaser.*paywall/);
  });

  it('an index page (mostly links) is refused', () => {
    expectImportError(() => extractArticle(fixtureText('index-page.html')), /mostly links|no article/);
  });

  it('a page whose text needs JavaScript is refused, and its scripts never run', () => {
    const page = '<html><head><title>App</title><script>globalThis.__ranScript = true</script></head><body><div id="root"></div><script>document.body.innerHTML = "<p>x</p>"; globalThis.__ranScript = true;</script><noscript>Please enable JavaScript to read this article.</noscript></body></html>';
    expectImportError(() => extractArticle(page), /no article found/);
    assert.equal((globalThis as { __ranScript?: boolean }).__ranScript, undefined);
  });

  it('non-UTF-8 pages decode by their charset: Windows-1251, ISO-8859-1, Shift_JIS', () => {
    const ru = extractArticle(decodeHtml(fixture('cp1251.html')).text);
    assert.equal(ru.title, 'Паромные тарифы вырастут на 12%');
    assert.equal(ru.publisher, 'Северный вестник');
    assert.deepEqual(ru.authors, ['Анна Петрова']);
    assert.ok(ru.paragraphs.some((p) => p.includes('«Мы два года держали цены')));
    const fr = extractArticle(decodeHtml(fixture('latin1.html')).text);
    assert.equal(fr.title, 'Ferries : hausse des tarifs de 12 %');
    assert.deepEqual(fr.authors, ['Hélène Côté']);
    assert.ok(fr.paragraphs[0]!.includes('à partir du premier avril'));
    const ja = extractArticle(decodeHtml(fixture('shift-jis.html')).text);
    assert.equal(ja.title, 'フェリー運賃、12%値上げへ');
    assert.equal(ja.publisher, 'フィヨルド新報');
    assert.equal(ja.published, '2025-03-05T08:00:00+09:00');
    assert.ok(ja.paragraphs[2]!.startsWith('「燃料がほぼ五割上がる間'));
    assert.ok(!ja.paragraphs.join('').includes('\uFFFD'));
  });

  it('a huge page (about 1.5 MB, 8,000 paragraphs) comes out whole', function () {
    this.timeout(30_000);
    const body = paragraphs(8_000);
    const page = newsPage({ headline: 'Harbour accounts published in full', body });
    assert.ok(page.length > 1_400_000);
    const a = extractArticle(page);
    assert.equal(a.title, 'Harbour accounts published in full');
    assert.equal(a.paragraphs.length, 8_000);
    assert.equal(a.paragraphs[7_999], body[7_999]);
  });

  it('a page with more elements than the limit is refused with the reason, before any extraction work', function () {
    this.timeout(30_000);
    const page = newsPage({ headline: 'Too many paragraphs', body: paragraphs(3_000) });
    expectImportError(() => extractArticle(page, { maxElements: 2_000 }), /too large to extract \(3,0\d\d elements; the limit is 2,000\)/);
  });

  it('lists, subheadings and line breaks become paragraphs; figures and captions inside the body are left out', () => {
    const page = newsPage({
      headline: 'Council publishes the quay report',
      body: [
        ...paragraphs(3),
        '<h2>What the report says</h2>',
        '<ul><li>The dredging was not costed.</li><li>The bid was late.</li></ul>',
        'First line<br><br>Second line after a break, and the rest of the sentence about the harbour.',
        '<figure><img src="a.jpg"><figcaption>The quay at dawn. Photograph: Per Lie/Reuters</figcaption></figure>',
      ],
    });
    const a = extractArticle(page);
    const text = a.paragraphs.join('\n');
    assert.ok(a.paragraphs.includes('What the report says'));
    assert.ok(a.paragraphs.includes('- The dredging was not costed.'));
    assert.ok(a.paragraphs.includes('First line'));
    assert.ok(!text.includes('The quay at dawn'));
  });

  it('labels big sites leave in the article text are dropped (image source/caption, Supported by, Reporting by…)', () => {
    const body = [
      ...paragraphs(4),
      'Image source, Getty Images',
      'Image caption, The quay at dawn on Monday',
      'Supported by',
      '5 min read',
      'Reporting by Per Lie; Editing by Ann Roe',
      'Our Standards: The Trust Principles.',
    ];
    const a = extractArticle(newsPage({ headline: 'Council publishes the quay report', body }));
    assert.deepEqual(a.paragraphs, paragraphs(4));
  });

  it('a page with no metadata at all: the byline\'s name and date next to the headline; ads and embedded tweets left out', () => {
    const ps = paragraphs(8);
    const page = `<html><head><title>Quay report published - The Post</title></head><body>
      <div class="site-top">Monday 7 December 2026</div>
      <div class="story-head"><h1>Quay report published</h1><div class="byline-block"><span>By <a href="/a">Ann Lee</a></span><span>5 March 2025</span></div></div>
      <div class="story">
        <div class="text-block">${ps[0]}</div>
        <div class="ad-container"><div id="ad-slot-1">Advertisement</div></div>
        <div class="text-block">${ps[1]}</div>
        <div data-component="text-block"><p>${ps[2]}</p><p>${ps[3]}</p></div>
        <blockquote class="twitter-tweet"><p>Huge news today about the quay #quay</p>&mdash; Someone (@someone)</blockquote>
        <div data-component="text-block"><p>${ps[4]}</p><p>${ps[5]}</p><p>${ps[6]}</p><p>${ps[7]}</p></div>
      </div></body></html>`;
    const a = extractArticle(page);
    assert.equal(a.title, 'Quay report published');
    assert.deepEqual(a.authors, ['Ann Lee']);
    assert.equal(a.published, '2025-03-05', 'the byline date, not the site header\'s date line');
    assert.deepEqual(a.paragraphs, ps);
  });

  it('reads names out of a byline guess', () => {
    assert.deepEqual(bylineNames('By Ann Lee5 March 2025'), ['Ann Lee']);
    assert.deepEqual(bylineNames('Ann Lee and Bob Roe | Updated 06:00'), ['Ann Lee', 'Bob Roe']);
    assert.deepEqual(bylineNames('updated 2 hours ago'), []);
    assert.deepEqual(bylineNames(null), []);
  });

  it('counts words in scripts written without spaces', () => {
    assert.equal(countWords('The ferry leaves at six.'), 5);
    assert.equal(countWords('運賃が値上げ'), 3);
  });
});
