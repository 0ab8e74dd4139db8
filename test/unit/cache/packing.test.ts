import { strict as assert } from 'node:assert';
import { copyInSteps, readFrame, writeFrameSteps, type FrameKind } from '../../../src/core/cache/packing';

describe('cache packing: copyInSteps', () => {
  it('copies a large array in 4 MB steps, pausing between them, to the same bytes as one copy', () => {
    const src = new Int32Array((9 << 20) / 4 + 3); // 9 MB and 12 bytes: three steps
    for (let i = 0; i < src.length; i++) src[i] = (i * 2654435761) | 0;
    const out = new Uint8Array(src.byteLength + 16);
    const steps = copyInSteps(out, src, 8);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    assert.equal(pauses, 2, 'a pause after each full 4 MB step, none after the last');
    assert.equal(r.value, 8 + src.byteLength, 'returns the offset after the copy');
    assert.deepEqual(out.subarray(8, 8 + src.byteLength), new Uint8Array(src.buffer), 'the same bytes');
    assert.equal(out[7], 0);
    assert.equal(out[8 + src.byteLength], 0, 'nothing written outside');
  });

  it('copies a small or empty array without pausing', () => {
    const out = new Uint8Array(8);
    const steps = copyInSteps(out, new Uint8Array([1, 2, 3]), 2);
    assert.deepEqual(steps.next(), { done: true, value: 5 });
    assert.deepEqual([...out], [0, 0, 1, 2, 3, 0, 0, 0]);
    assert.deepEqual(copyInSteps(out, new Uint8Array(0), 4).next(), { done: true, value: 4 });
  });
});

describe('cache packing: writeFrameSteps', () => {
  const kind: FrameKind = { magic: [0x54, 0x45, 0x53, 0x54], version: 3, notOne: 'not a test file', what: 'test file' };

  it('writes the header as JSON.stringify would, its long arrays a few thousand elements per step', () => {
    const strings = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? `naïve “${i}”\n` : `word${i}`));
    const header = { v: 9, key: 'k', skipped: undefined, strings, articles: [{ path: 'a.txt', n: 1 }, undefined, null], empty: [], nested: { a: [1, 2] } };
    const steps = writeFrameSteps(kind, header, 8);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    assert.ok(pauses >= 3, `${pauses} pauses`);
    const { out, dataOffset } = r.value;
    const json = new TextEncoder().encode(JSON.stringify(header));
    assert.deepEqual(out.subarray(16, 16 + json.length), json, 'the bytes of JSON.stringify(header)');
    assert.equal(dataOffset % 4, 0);
    assert.equal(out.length, dataOffset + 8);
    const back = readFrame<typeof header>(kind, out);
    assert.deepEqual(back.header.strings, strings);
    assert.equal(back.dataOffset, dataOffset);
  });
});
