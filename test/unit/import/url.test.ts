import { strict as assert } from 'node:assert';
import { canonicalUrl, isHttpUrl, urlKey } from '../../../src/core/import/url';

describe('import: URL canonicalisation', () => {
  it('drops tracking parameters (utm_*, fbclid, gclid…) and the fragment, keeps the others in order', () => {
    assert.equal(canonicalUrl('https://News.Example/a/b?utm_source=nl&id=7&fbclid=Iw&utm_medium=email&page=2#comments'), 'https://news.example/a/b?id=7&page=2');
    assert.equal(canonicalUrl('https://news.example/a?gclid=1&mc_cid=2'), 'https://news.example/a');
    assert.equal(canonicalUrl('http://news.example:80/a'), 'http://news.example/a');
    assert.equal(canonicalUrl('https://user:pw@news.example'), 'https://news.example/');
  });
  it('resolves relative canonical links against the page and refuses other schemes', () => {
    assert.equal(canonicalUrl('/story/1', 'https://news.example/x/y'), 'https://news.example/story/1');
    assert.equal(canonicalUrl('ftp://news.example/a'), null);
    assert.equal(canonicalUrl('javascript:alert(1)'), null);
    assert.equal(canonicalUrl('not a url'), null);
    assert.ok(isHttpUrl('http://a.example/'));
    assert.ok(!isHttpUrl('file:///etc/passwd'));
    assert.ok(!isHttpUrl('page.html'));
  });
  it('one key for the http/https, www and trailing-slash variants of a page', () => {
    const k = urlKey('https://www.news.example/story/1/?utm_source=x');
    assert.equal(k, 'news.example/story/1');
    assert.equal(urlKey('http://news.example/story/1'), k);
    assert.notEqual(urlKey('https://news.example/story/2'), k);
    assert.notEqual(urlKey('https://news.example/story/1?id=3'), k);
  });
});
