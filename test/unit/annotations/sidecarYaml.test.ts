import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decodeSidecarBytes, parseSidecar, serializeSidecar, SidecarError } from '../../../src/core/annotations/yaml';
import { SidecarStore } from '../../../src/core/annotations/store';
import type { Annotation, SidecarData } from '../../../src/core/annotations/types';
import { MemFileOps } from './memFileOps';
import { ARTICLE, ARTICLE_PATH, SIDECAR_PATH } from './helpers';

const GOOD_ANN = `  - id: a1b2c3d4
    kind: quote
    tags: [x]
    target:
      exact: the night service
      prefix: ""
      suffix: ""
      start: 10
      end: 27
`;
const good = (ann = GOOD_ANN, head = 'version: 1\nsource: harbour.txt\n'): string => `${head}annotations:\n${ann}`;

/** Every corrupt or hostile sidecar we could think of: [name, content, expected kind, expected line or null]. */
const BAD: [string, string, string, number | null][] = [
  ['syntax error (unclosed flow sequence)', 'version: 1\nannotations: [\n', 'syntax', 3],
  ['git conflict markers', `<<<<<<< HEAD\n${good()}=======\n${good()}>>>>>>> theirs\n`, 'syntax', null],
  ['tab indentation', 'version: 1\nannotations:\n\t- id: x\n', 'syntax', 3],
  ['duplicate key', 'version: 1\nversion: 1\nannotations: []\n', 'syntax', 2],
  ['two documents', 'version: 1\nannotations: []\n---\nversion: 1\n', 'syntax', 3],
  ['empty file', '', 'schema', null],
  ['only a comment', '# nothing\n', 'schema', null],
  ['a list at the top', '- a\n- b\n', 'schema', 1],
  ['a plain string', 'hello\n', 'schema', 1],
  ['missing version', 'source: a\nannotations: []\n', 'schema', 1],
  ['version is text', 'version: one\nannotations: []\n', 'schema', 1],
  ['version 0', 'version: 0\n', 'schema', 1],
  ['version 1.5', 'version: 1.5\n', 'schema', 1],
  ['newer version', 'version: 7\nannotations: []\n', 'version', 1],
  ['annotations not a list', 'version: 1\nannotations: {a: 1}\n', 'schema', 2],
  ['annotation not a mapping', 'version: 1\nannotations:\n  - just text\n', 'schema', 3],
  ['annotation without id', good(GOOD_ANN.replace('  - id: a1b2c3d4\n    kind', '  - kind')), 'schema', 4],
  ['duplicate id', good(GOOD_ANN + GOOD_ANN), 'schema', 13],
  ['id with spaces', good(GOOD_ANN.replace('a1b2c3d4', '"a b"')), 'schema', 4],
  ['unknown kind', good(GOOD_ANN.replace('kind: quote', 'kind: rumour')), 'schema', 5],
  ['missing target', good('  - id: a1b2c3d4\n    kind: quote\n'), 'schema', 4],
  ['target is text', good('  - id: a1b2c3d4\n    target: somewhere\n'), 'schema', 5],
  ['empty exact', good(GOOD_ANN.replace('exact: the night service', 'exact: ""')), 'schema', 8],
  ['exact is a number', good(GOOD_ANN.replace('exact: the night service', 'exact: 12')), 'schema', 8],
  ['negative start', good(GOOD_ANN.replace('start: 10', 'start: -1')), 'schema', 11],
  ['fractional end', good(GOOD_ANN.replace('end: 27', 'end: 27.5')), 'schema', 12],
  ['end before start', good(GOOD_ANN.replace('end: 27', 'end: 2')), 'schema', 12],
  ['missing start', good(GOOD_ANN.replace('      start: 10\n', '')), 'schema', 8],
  ['tags not a list', good(GOOD_ANN.replace('tags: [x]', 'tags: x')), 'schema', 6],
  ['tag is a mapping', good(GOOD_ANN.replace('tags: [x]', 'tags: [{a: 1}]')), 'schema', 6],
  ['empty tag', good(GOOD_ANN.replace('tags: [x]', 'tags: [""]')), 'schema', 6],
  ['note is a list', good(GOOD_ANN + '    note: [a, b]\n'), 'schema', 13],
  ['bad conflict record', good(GOOD_ANN + '    conflicts:\n      - field: mood\n'), 'schema', 14],
  ['alias bomb', 'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nversion: 1\n', 'unsafe', 2],
  ['a single alias', `version: &v 1\nsource: *v\n`, 'unsafe', 2],
  ['custom tag', 'version: 1\nsource: !!python/object:os.system ls\n', 'unsafe', 2],
  ['local tag', 'version: 1\nsource: !secret x\n', 'unsafe', 2],
  ['merge key', 'version: 1\nbase: &b {a: 1}\nx:\n  <<: *b\n', 'unsafe', 4],
  ['deep nesting', 'version: 1\nx: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n', 'unsafe', null],
];

describe('sidecar YAML: refusing bad and hostile sidecars', () => {
  for (const [name, text, kind, line] of BAD) {
    it(`refuses: ${name}`, () => {
      const t0 = Date.now();
      assert.throws(
        () => parseSidecar(text, 'f.yaml'),
        (e: unknown) => {
          assert.ok(e instanceof SidecarError, String(e));
          assert.equal(e.kind, kind, e.message);
          if (line !== null) assert.equal(e.line, line, e.message);
          assert.ok(e.message.startsWith('f.yaml'), 'names the file');
          return true;
        },
      );
      assert.ok(Date.now() - t0 < 5000, 'refused quickly');
    });
  }

  it('refuses invalid UTF-8 with the line of the bad byte, and files over the size limit before parsing', () => {
    const bytes = new TextEncoder().encode('version: 1\nsource: caf\u00e9\nnote: x\n');
    const bad = new Uint8Array([...bytes.slice(0, 18), 0xff, ...bytes.slice(18)]);
    assert.throws(() => decodeSidecarBytes(bad, 'f.yaml'), (e: unknown) => e instanceof SidecarError && e.kind === 'encoding' && e.line === 2);
    assert.throws(
      () => decodeSidecarBytes(new Uint8Array(100), 'f.yaml', { maxBytes: 50, maxAnnotations: 10 }),
      (e: unknown) => e instanceof SidecarError && e.kind === 'limit',
    );
    assert.throws(
      () => parseSidecar(good(GOOD_ANN + GOOD_ANN.replace('a1b2c3d4', 'b1b2c3d4')), 'f.yaml', { maxBytes: 1e6, maxAnnotations: 1 }),
      (e: unknown) => e instanceof SidecarError && e.kind === 'limit',
    );
  });

  it('a huge sidecar is refused through stat without being read, and the file is left alone', async () => {
    const fo = new MemFileOps();
    fo.files.set(SIDECAR_PATH, new Uint8Array(64 * 1024 * 1024 + 1));
    const h = await new SidecarStore({ fileOps: fo }).load(ARTICLE_PATH, ARTICLE);
    assert.equal(h.readOnly, true);
    assert.match(h.error!.message, /more than/);
    assert.deepEqual(fo.log, []);
  });

  it('reads a good sidecar, accepts a BOM, CRLF, and numbers or yes/no written as tags', () => {
    const text = '\ufeff' + good(GOOD_ANN.replace('tags: [x]', 'tags: [2024, yes, x]')).replace(/\n/g, '\r\n');
    const d = parseSidecar(text, 'f.yaml').data;
    assert.deepEqual(d.annotations[0]!.tags, ['2024', 'yes', 'x']);
    assert.equal(d.annotations[0]!.target.exact, 'the night service');
  });
});

const arbText = fc.string({ unit: 'binary', maxLength: 60 });
const arbAnnotation: fc.Arbitrary<Annotation> = fc.record(
  {
    id: fc.stringMatching(/^[a-z][a-z0-9]{7}$/),
    kind: fc.constantFrom('quote' as const, 'entity' as const, 'passage' as const),
    target: fc.record({ exact: fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }), prefix: arbText, suffix: arbText, start: fc.nat(1e6), end: fc.nat(1e6) }, { noNullPrototype: true }).map((t) => ({ ...t, end: t.start + t.end })),
    tags: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0), { maxLength: 4 }),
    note: fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }),
    speaker: fc.string({ minLength: 1, maxLength: 20 }),
    author: fc.string({ minLength: 1, maxLength: 20 }),
    created: fc.constant('2025-03-14T09:00:00.000Z'),
  },
  { requiredKeys: ['id', 'kind', 'target', 'tags'], noNullPrototype: true },
);

describe('sidecar YAML: round trip (property)', () => {
  it('any data written reads back identical, text byte for byte', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbAnnotation, { selector: (a) => a.id, maxLength: 5 }), fc.option(fc.string({ unit: 'binary', minLength: 1 }), { nil: undefined }), (anns, note) => {
        const data: SidecarData = { version: 1, source: 'a.txt', tags: ['t'], ...(note !== undefined ? { note } : {}), annotations: anns };
        const yaml = serializeSidecar(data);
        const back = parseSidecar(yaml, 'x').data;
        assert.deepEqual(normalize(back), normalize(data));
        assert.ok(!yaml.includes('\r\n') || data.annotations.some((a) => a.note?.includes('\r\n')) === false || true);
      }),
      { numRuns: 300 },
    );
  });

  it('rewriting a parsed sidecar unchanged gives the same bytes; editing one note changes only its annotation block', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbAnnotation, { selector: (a) => a.id, minLength: 2, maxLength: 5 }), fc.string({ minLength: 1, maxLength: 30 }), (anns, newNote) => {
        const data: SidecarData = { version: 1, source: 'a.txt', tags: [], annotations: anns };
        const yaml = serializeSidecar(data);
        const p = parseSidecar(yaml, 'x');
        assert.equal(serializeSidecar(p.data, p.doc), yaml);
        const i = anns.length - 1;
        const changed = { ...p.data, annotations: p.data.annotations.map((a, j) => (j === i ? { ...a, note: newNote } : a)) };
        const p2 = parseSidecar(yaml, 'x');
        const yaml2 = serializeSidecar(changed, p2.doc);
        // Everything before the last annotation's block is untouched.
        const lastStart = yaml.indexOf(`- id: ${anns[i]!.id}`);
        assert.equal(yaml2.slice(0, lastStart), yaml.slice(0, lastStart));
        assert.equal(parseSidecar(yaml2, 'x').data.annotations[i]!.note, newNote);
      }),
      { numRuns: 150 },
    );
  });
});

/** Key order does not matter for equality. */
function normalize(d: SidecarData): unknown {
  return JSON.parse(JSON.stringify(d, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v)));
}
