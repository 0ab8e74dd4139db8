import { strict as assert } from 'node:assert';
import { decodeArticleBytes, fingerprint } from '../../../src/core/text/decode';

describe('decodeArticleBytes', () => {
  const enc = (s: string) => new TextEncoder().encode(s);

  it('decodes UTF-8 and strips a BOM so offsets match what VS Code shows', () => {
    const r = decodeArticleBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('“Hi,” she said')]));
    assert.ok(r.ok);
    assert.equal(r.text, '“Hi,” she said');
    assert.equal(r.hadBom, true);
  });

  it('keeps a file with an invalid byte, replacing it and counting it', () => {
    const r = decodeArticleBytes(new Uint8Array([...enc('costs '), 0xa3, ...enc('5m')]));
    assert.ok(r.ok);
    assert.equal(r.text, 'costs \uFFFD5m');
    assert.equal(r.invalidBytes, 1);
  });

  it('refuses binary files with a reason', () => {
    const r = decodeArticleBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /binary/);
  });

  it('decodes an empty file to empty text', () => {
    const r = decodeArticleBytes(new Uint8Array());
    assert.ok(r.ok && r.text === '');
  });
});

describe('fingerprint', () => {
  it('is stable and changes with the text', () => {
    assert.equal(fingerprint('abc'), fingerprint('abc'));
    assert.notEqual(fingerprint('abc'), fingerprint('abd'));
    assert.notEqual(fingerprint('ab'), fingerprint('ab '));
  });
});
