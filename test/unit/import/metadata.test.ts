import { strict as assert } from 'node:assert';
import { parsePage } from '../../../src/core/import/dom';
import { isoDate, pageMetadata, stripSiteSuffix } from '../../../src/core/import/metadata';

const meta = (head: string, body = '', url: string | null = 'https://news.example/story/1') => pageMetadata(parsePage(`<html><head>${head}</head><body>${body}</body></html>`), url);
const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

describe('import: page metadata', () => {
  it('JSON-LD authors in any of their shapes, publisher as a string or an object, entities decoded', () => {
    const m = meta(ld({ '@type': ['NewsArticle'], headline: 'Ann &amp; Bob win', author: ['Ann Lee', { '@type': 'Person', name: 'Bob Roe' }, { name: 'ann lee' }], publisher: 'Harbour Daily', datePublished: '2025-03-05T06:00:00.000Z' }));
    assert.equal(m.headline, 'Ann & Bob win');
    assert.deepEqual(m.authors, ['Ann Lee', 'Bob Roe']);
    assert.equal(m.publisher, 'Harbour Daily');
    assert.equal(m.published, '2025-03-05T06:00:00.000Z');
  });

  it('the article under a WebPage\'s mainEntity; of several articles, the one at this page\'s address', () => {
    const m = meta(ld({ '@type': 'WebPage', mainEntity: { '@type': 'NewsArticle', headline: 'Quay vote delayed', datePublished: '2025-05-02' } }));
    assert.equal(m.headline, 'Quay vote delayed');
    assert.equal(m.published, '2025-05-02');
    const two = meta(
      '<link rel="canonical" href="https://news.example/story/2">' +
        ld([
          { '@type': 'NewsArticle', headline: 'A related story', url: 'https://news.example/story/9' },
          { '@type': 'NewsArticle', headline: 'This story', mainEntityOfPage: { '@id': 'https://news.example/story/2' } },
        ]),
    );
    assert.equal(two.headline, 'This story');
    assert.equal(two.canonicalUrl, 'https://news.example/story/2');
  });

  it('a JSON-LD headline cut short with an ellipsis gives way to the whole one in the h1', () => {
    const long = 'Council publishes the full report on the quay contract, including the dredging costs left out of the winning bid';
    const m = meta(ld({ '@type': 'NewsArticle', headline: long.slice(0, 60) + '…' }), `<h1>${long}</h1>`);
    assert.equal(m.headline, long);
  });

  it('og:title without the site name, whichever side it is on; the h1 when there is no og:title', () => {
    assert.equal(stripSiteSuffix('Ferry fares rise | The Fjord Courier', 'The Fjord Courier', null), 'Ferry fares rise');
    assert.equal(stripSiteSuffix('Ferry fares rise - BBC News', 'BBC News', null), 'Ferry fares rise');
    assert.equal(stripSiteSuffix('BBC News - Ferry fares rise', 'BBC News', null), 'Ferry fares rise');
    assert.equal(stripSiteSuffix('Ferry fares rise – Courier', null, 'Ferry fares rise – Courier'), 'Ferry fares rise');
    assert.equal(stripSiteSuffix('Brexit: what happens next', 'The Post', null), 'Brexit: what happens next');
    assert.equal(stripSiteSuffix('運賃値上げへ｜新報', '新報', null), '運賃値上げへ');
    assert.equal(meta('<meta property="og:site_name" content="Valley Gazette"><meta property="og:title" content="Library opens Sundays - Valley Gazette">').headline, 'Library opens Sundays');
    assert.equal(meta('<title>Site</title>', '<h1>Storm closes road</h1>').headline, 'Storm closes road');
  });

  it('dates: ISO kept with its zone, other forms read; author profile URLs are not names', () => {
    assert.equal(isoDate('2025-03-05T06:00:00+0100'), '2025-03-05T06:00:00+01:00');
    assert.equal(isoDate('2025-03-05 06:00'), '2025-03-05T06:00:00');
    assert.equal(isoDate('20250305'), '2025-03-05');
    assert.equal(isoDate('Wed, 05 Mar 2025 06:00:00 GMT'), '2025-03-05T06:00:00Z');
    assert.equal(isoDate('yesterday'), null);
    assert.equal(isoDate('2025-13-05'), null);
    const m = meta('<meta property="article:author" content="https://facebook.com/someone"><meta name="author" content="By Paula Wren">');
    assert.deepEqual(m.authors, ['Paula Wren']);
  });

  it('isAccessibleForFree, and the canonical link resolved against the page', () => {
    const m = meta('<link rel="canonical" href="/story/1?utm_source=x">' + ld({ '@type': 'NewsArticle', headline: 'x', isAccessibleForFree: 'False' }));
    assert.equal(m.accessibleForFree, false);
    assert.equal(m.canonicalUrl, 'https://news.example/story/1');
  });

  it('a UTC timestamp gives way to the same instant with the page\'s offset, or to the day printed by the headline', () => {
    const withOffset = meta(ld({ '@type': 'NewsArticle', headline: 'x', datePublished: '2025-03-05T02:00:00Z' }) + '<meta property="article:published_time" content="2025-03-04T21:00:00-05:00">');
    assert.equal(withOffset.published, '2025-03-04T21:00:00-05:00');
    const printed = meta(ld({ '@type': 'NewsArticle', headline: 'Quay vote', datePublished: '2025-03-05T02:00:00Z' }), '<div><h1>Quay vote</h1><p>By Ann Lee, March 4, 2025</p></div>');
    assert.equal(printed.published, '2025-03-04');
    const sameDay = meta(ld({ '@type': 'NewsArticle', headline: 'Quay vote', datePublished: '2025-03-05T10:00:00Z' }), '<div><h1>Quay vote</h1><p>March 5, 2025</p></div>');
    assert.equal(sameDay.published, '2025-03-05T10:00:00Z');
  });

  it('JSON-LD naming only an organisation as author: the byline\'s person wins, else the organisation', () => {
    const org = { '@type': 'NewsMediaOrganization', name: 'Harbour Daily' };
    assert.deepEqual(meta(ld({ '@type': 'NewsArticle', headline: 'x', author: org }) + '<meta name="author" content="Clara Moreau">').authors, ['Clara Moreau']);
    assert.deepEqual(meta(ld({ '@type': 'NewsArticle', headline: 'x', author: org })).authors, ['Harbour Daily']);
    assert.deepEqual(meta(ld({ '@type': 'NewsArticle', headline: 'x', author: [{ '@type': 'Person', name: 'Jon Berg' }, org] }) + '<meta name="author" content="Clara Moreau">').authors, ['Jon Berg']);
  });
});
