/**
 * Incremental saves: a save splices re-serialised annotation blocks into the text last written. It must always
 * give, byte for byte, what a full serialisation of the same data gives.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { fullSerialization, parseSidecar, serializeSidecar, serializeStats } from '../../../src/core/annotations/yaml';
import type { Annotation, SidecarData } from '../../../src/core/annotations/types';

const arbText = fc.string({ unit: 'binary', maxLength: 40 });
const arbNote = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
  fc.array(fc.string({ minLength: 0, maxLength: 20 }), { minLength: 2, maxLength: 4 }).map((l) => l.join('\n')),
  fc.constantFrom('ends with blank lines\n\n', 'keep |+ me', '- looks like a block start', 'a\n  - b\n\n  - c', ' leading space\nx'),
);
const arbAnnotation: fc.Arbitrary<Annotation> = fc.record(
  {
    id: fc.stringMatching(/^[a-z][a-z0-9]{7}$/),
    kind: fc.constantFrom('quote' as const, 'entity' as const, 'passage' as const),
    target: fc
      .record({ exact: fc.string({ unit: 'binary', minLength: 1, maxLength: 50 }), prefix: arbText, suffix: arbText, start: fc.nat(1e6), end: fc.nat(500) }, { noNullPrototype: true })
      .map((t) => ({ ...t, end: t.start + t.end })),
    tags: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0), { maxLength: 3 }),
    note: arbNote,
    speaker: fc.string({ minLength: 1, maxLength: 20 }),
    author: fc.string({ minLength: 1, maxLength: 12 }),
    created: fc.constant('2025-03-14T09:00:00.000Z'),
    updated: fc.constant('2025-03-14T09:00:00.000Z'),
  },
  { requiredKeys: ['id', 'kind', 'target', 'tags'], noNullPrototype: true },
);

type Op =
  | { op: 'note'; i: number; note: string | undefined }
  | { op: 'tags'; i: number; tags: string[] }
  | { op: 'add'; a: Annotation }
  | { op: 'remove'; i: number }
  | { op: 'move'; i: number; start: number }
  | { op: 'articleNote'; note: string }
  | { op: 'none' };

const arbOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('note' as const), i: fc.nat(), note: fc.option(arbNote, { nil: undefined }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('tags' as const), i: fc.nat(), tags: fc.uniqueArray(fc.constantFrom('a', 'b', 'policy', 'x y'), { maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('add' as const), a: arbAnnotation }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('remove' as const), i: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('move' as const), i: fc.nat(), start: fc.nat(1e6) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('articleNote' as const), note: arbNote }) },
  { weight: 1, arbitrary: fc.constant({ op: 'none' as const }) },
);

function sorted(anns: readonly Annotation[]): Annotation[] {
  return [...anns].sort((x, y) => x.target.start - y.target.start || x.target.end - y.target.end);
}

function apply(d: SidecarData, o: Op, step: number): SidecarData {
  const n = d.annotations.length;
  const at = (i: number): number => i % n;
  const upd = `2025-03-14T10:${String(step % 60).padStart(2, '0')}:00.000Z`;
  switch (o.op) {
    case 'note': {
      if (n === 0) return d;
      const k = at(o.i);
      return {
        ...d,
        annotations: d.annotations.map((a, j) => {
          if (j !== k) return a;
          const { note: _old, ...rest } = a;
          return { ...rest, ...(o.note !== undefined ? { note: o.note } : {}), updated: upd };
        }),
      };
    }
    case 'tags':
      return n === 0 ? d : { ...d, annotations: d.annotations.map((a, j) => (j === at(o.i) ? { ...a, tags: o.tags, updated: upd } : a)) };
    case 'add':
      return d.annotations.some((a) => a.id === o.a.id) ? d : { ...d, annotations: sorted([...d.annotations, o.a]) };
    case 'remove':
      return n === 0 ? d : { ...d, annotations: d.annotations.filter((_a, j) => j !== at(o.i)) };
    case 'move':
      return n === 0
        ? d
        : { ...d, annotations: sorted(d.annotations.map((a, j) => (j === at(o.i) ? { ...a, target: { ...a.target, start: o.start, end: o.start + a.target.exact.length } } : a))) };
    case 'articleNote':
      return { ...d, note: o.note };
    case 'none':
      return d;
  }
}

function normalize(d: SidecarData): unknown {
  return JSON.parse(JSON.stringify(d, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v)));
}

/** Hand edits a person might make: comments inside blocks, an unknown field, comments between blocks. */
function handEdit(yaml: string, kind: number): string {
  switch (kind % 6) {
    case 1: // a comment on a key inside the first block, and a field added by hand
      return yaml.replace(/\n {4}kind: (\w+)/, '\n    kind: $1 # checked\n    reviewer: Sam');
    case 2: // a comment line between two blocks (blocks then always take the full path)
      return yaml.replace(/\n\n {2}- /, '\n\n  # second one\n  - ');
    case 3: // a trailing comment at the end of the file
      return yaml + '# the end\n';
    case 4: // an unknown top-level field after the annotations
      return yaml + 'extra: kept\n';
    case 5: // a field added by hand at the end of the first block, a block scalar keeping its trailing blank lines
      return yaml.replace(/\n\n {2}- /, '\n    memo: |+\n      kept\n\n\n  - ');
    default:
      return yaml;
  }
}

describe('incremental save (splicing changed annotation blocks)', () => {
  it('always gives exactly the full serialisation of the same data, whatever the changes (property)', () => {
    let spliced = 0;
    let steps = 0;
    fc.assert(
      fc.property(
        fc.uniqueArray(arbAnnotation, { selector: (a) => a.id, minLength: 0, maxLength: 8 }),
        fc.array(arbOp, { minLength: 1, maxLength: 12 }),
        fc.nat(5),
        (anns, ops, hand) => {
          let data: SidecarData = { version: 1, source: 'a.txt', sourceFingerprint: 'ab:1', tags: ['t'], annotations: sorted(anns) };
          let yaml = handEdit(serializeSidecar(data), hand);
          const parsed = parseSidecar(yaml, 'x');
          data = parsed.data;
          const doc = parsed.doc;
          // First save after a load: full; it records the layout the next saves splice into.
          yaml = serializeSidecar(data, doc);
          ops.forEach((o, step) => {
            data = apply(data, o, step);
            const before = serializeStats.spliced;
            const out = serializeSidecar(data, doc);
            if (hand % 6 < 2) {
              spliced += serializeStats.spliced - before;
              steps++;
            }
            // Byte for byte the full serialisation of the document as it now is...
            assert.equal(out, fullSerialization(doc));
            // ...and what a fresh document read from the previous text gives for the same data (except with comments
            // between blocks: which block such a comment belongs to can differ between the two documents).
            if (hand % 6 !== 2) {
              const fresh = parseSidecar(yaml, 'x').doc;
              assert.equal(serializeSidecar(data, fresh), out);
            }
            // It reads back as the data, and hand edits are still there.
            assert.deepEqual(normalize(parseSidecar(out, 'x').data), normalize(data));
            if (hand % 6 === 1 && data.annotations.length > 0 && out.includes('reviewer')) assert.match(out, /kind: \w+ # checked/);
            if (hand % 6 === 3) assert.ok(out.endsWith('# the end\n'));
            if (hand % 6 === 4) assert.match(out, /\nextra: kept\n/);
            yaml = out;
          });
        },
      ),
      { numRuns: 150 },
    );
    // The property is about splicing: without hand-made comments between blocks or at the end, most saves must
    // have taken that path (not all: article-level changes, an empty list and notes kept with `|+` take the full path).
    assert.ok(spliced > steps * 0.35, `only ${spliced} of ${steps} saves were spliced`);
  });

  it('a note change on a 1,000-annotation sidecar re-serialises only that block', () => {
    const anns: Annotation[] = Array.from({ length: 1000 }, (_x, i) => ({
      id: `a${String(i).padStart(7, '0')}`,
      kind: 'quote',
      tags: ['t' + (i % 7)],
      ...(i % 3 === 0 ? { note: `note ${i}\nsecond line` } : {}),
      target: { exact: `quote number ${i}`, prefix: 'before ', suffix: ' after', start: i * 100, end: i * 100 + 20 },
      created: '2025-03-14T09:00:00.000Z',
    }));
    let data: SidecarData = { version: 1, source: 'big.txt', tags: [], annotations: anns };
    const p = parseSidecar(serializeSidecar(data), 'x');
    data = p.data;
    const first = serializeSidecar(data, p.doc);
    const s0 = { ...serializeStats };
    data = { ...data, annotations: data.annotations.map((a, i) => (i === 500 ? { ...a, note: 'changed' } : a)) };
    const second = serializeSidecar(data, p.doc);
    assert.equal(serializeStats.spliced - s0.spliced, 1);
    assert.equal(serializeStats.segments - s0.segments, 1);
    assert.equal(second, fullSerialization(p.doc));
    // Only that note's lines differ (a two-line block note became one line).
    const a = first.split('\n');
    const b = second.split('\n');
    let pre = 0;
    while (a[pre] === b[pre]) pre++;
    let post = 0;
    while (a[a.length - 1 - post] === b[b.length - 1 - post]) post++;
    assert.deepEqual(a.slice(pre, a.length - post), []);
    assert.deepEqual(b.slice(pre, b.length - post), ['    note: changed']);
  });

  it('keeps the splice state with each document: two documents of one text do not share it', () => {
    const anns: Annotation[] = Array.from({ length: 5 }, (_x, i) => ({
      id: `b${String(i).padStart(7, '0')}`,
      kind: 'quote',
      tags: ['t'],
      target: { exact: `quote ${i}`, prefix: '', suffix: '', start: i * 10, end: i * 10 + 7 },
    }));
    const yaml = serializeSidecar({ version: 1, source: 's.txt', tags: [], annotations: anns });
    const a = parseSidecar(yaml, 'a');
    const b = parseSidecar(yaml, 'b');
    serializeSidecar(a.data, a.doc);
    const changed = { ...a.data, annotations: a.data.annotations.map((x, i) => (i === 2 ? { ...x, note: 'n' } : x)) };
    const s0 = { ...serializeStats };
    assert.equal(serializeSidecar(changed, a.doc), fullSerialization(a.doc));
    assert.equal(serializeStats.spliced - s0.spliced, 1, 'the document serialised before splices');
    const s1 = { ...serializeStats };
    assert.equal(serializeSidecar(changed, b.doc), fullSerialization(b.doc));
    assert.equal(serializeStats.full - s1.full, 1, 'a document never serialised takes the full path');
    assert.equal(serializeSidecar(changed, b.doc), serializeSidecar(changed, a.doc));
  });

  it('annotation blocks are separated by one blank line, none before the first', () => {
    const data: SidecarData = {
      version: 1,
      source: 'a.txt',
      tags: [],
      annotations: ['aaaaaaa1', 'aaaaaaa2'].map((id, i) => ({ id, kind: 'passage' as const, tags: [], target: { exact: 'x', prefix: '', suffix: '', start: i, end: i + 1 } })),
    };
    const yaml = serializeSidecar(data);
    assert.match(yaml, /annotations:\n {2}- id: aaaaaaa1\n[\s\S]*end: 1\n\n {2}- id: aaaaaaa2\n/);
    // A sidecar written without blank lines (by hand or an older release) reads the same.
    const p = parseSidecar(yaml.replace(/\n\n/g, '\n').replace(/^(#.*)\n(version)/m, '$1\n\n$2'), 'x');
    assert.deepEqual(normalize(p.data), normalize(data));
  });
});
