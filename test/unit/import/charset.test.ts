import { strict as assert } from 'node:assert';
import { charsetOfMarkup, decodeHtml } from '../../../src/core/import/charset';

const enc = (s: string) => new TextEncoder().encode(s);

describe('import: charset of a page', () => {
  it('reads <meta charset> and <meta http-equiv> (and an XML declaration)', () => {
    assert.equal(charsetOfMarkup(enc('<html><head><meta charset="windows-1251">')), 'windows-1251');
    assert.equal(charsetOfMarkup(enc('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">')), 'Shift_JIS');
    assert.equal(charsetOfMarkup(enc('<?xml version="1.0" encoding="ISO-8859-1"?><html>')), 'ISO-8859-1');
    assert.equal(charsetOfMarkup(enc('<html><head><title>x</title>')), null);
  });
  it('BOM first, then the HTTP header, then the markup', () => {
    const latin = Uint8Array.from([...enc('<meta charset="utf-8"><p>caf'), 0xe9, ...enc('</p>')]);
    assert.equal(decodeHtml(latin, 'text/html; charset=ISO-8859-1').text.includes('café'), true);
    assert.equal(decodeHtml(latin, 'text/html; charset=ISO-8859-1').source, 'header');
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...enc('<meta charset="windows-1252"><p>café</p>')]);
    assert.equal(decodeHtml(bom, 'text/html; charset=ISO-8859-1').encoding, 'utf-8');
    assert.ok(decodeHtml(bom).text.includes('café'));
  });
  it('without a label: UTF-8 when the bytes are valid UTF-8, else windows-1252', () => {
    assert.equal(decodeHtml(enc('<p>Nordøy</p>')).text, '<p>Nordøy</p>');
    const d = decodeHtml(Uint8Array.from([...enc('<p>Nord'), 0xf8, ...enc('y</p>')]));
    assert.equal(d.encoding, 'windows-1252');
    assert.equal(d.text, '<p>Nordøy</p>');
  });
  it('an unknown label falls through to the next source', () => {
    assert.equal(decodeHtml(enc('<meta charset="x-no-such"><p>ok</p>'), 'text/html; charset=bogus').encoding, 'utf-8');
  });
});
