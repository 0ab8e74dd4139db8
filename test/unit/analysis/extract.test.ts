import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { extract } from '../../../src/cli/commands/extract';

const fixtures = path.join(__dirname, '..', '..', 'fixtures', 'analysis');

async function run(args: string[], json = true): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await extract(
    args,
    json,
    (s) => (out += s),
    (s) => (err += s),
  );
  return { code, out, err };
}

describe('CLI: extract', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'na-extract-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the JSON contract for a folder, walking it for article files', async () => {
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'wire.txt'), readFileSync(path.join(fixtures, 'wire-story.txt')));
    writeFileSync(path.join(dir, 'clip.txt'), readFileSync(path.join(fixtures, 'web-clip.txt')));
    const r = await run([dir]);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out) as { articles: Record<string, unknown>[]; errors: unknown[] };
    assert.deepEqual(j.errors, []);
    assert.equal(j.articles.length, 2);
    const wire = j.articles.find((a) => String(a['path']).endsWith('wire.txt'))!;
    for (const k of ['path', 'title', 'titleDerived', 'publisher', 'date', 'author', 'dateline', 'quotes', 'entities', 'otherNames']) assert.ok(k in wire, k);
    assert.equal(wire['title'], 'Harbour council approves new sea wall after storm season');
    const q = (wire['quotes'] as { text: string; start: number; end: number; speaker: string | null; cue: string | null }[])[0]!;
    assert.deepEqual(Object.keys(q).sort(), ['cue', 'cueEnd', 'cueStart', 'end', 'kind', 'speaker', 'start', 'text']);
    const text = readFileSync(path.join(fixtures, 'wire-story.txt'), 'utf8');
    assert.equal(text.slice(q.start, q.end), q.text);
    assert.equal(q.speaker, 'Ingrid Halvorsen');
    const e = (wire['entities'] as { id: string; name: string; type: string; mentions: unknown[] }[]).find((x) => x.name === 'Tomas Berg')!;
    assert.equal(e.id, 'tomas-berg');
    assert.equal(e.type, 'person');
  });

  it('marks an entity the recogniser was unsure of with uncertain: true, and lists other names apart', async () => {
    writeFileSync(
      path.join(dir, 'fares.txt'),
      'Ferry fares rise again on the northern route\n\nThe fares rose at Quellmarsh last week, and Tarnvik Dorrow was blamed.\n\nPassengers bound for the Kelmsby Herring Festival said the timetable had not changed since the spring. "We pay more for the same boat," said Anna Lund.\n',
    );
    const r = await run([dir]);
    assert.equal(r.code, 0, r.err);
    type E = { id: string; name: string; type: string; uncertain?: unknown; mentions: unknown[] };
    const j = JSON.parse(r.out) as { articles: { entities: E[]; otherNames: { name: string; mentions: { start: number; end: number; text: string }[] }[] }[] };
    const [a] = j.articles;
    const dorrow = a!.entities.find((e) => e.name === 'Tarnvik Dorrow')!;
    assert.equal(dorrow.uncertain, true);
    assert.deepEqual(Object.keys(dorrow).sort(), ['id', 'mentions', 'name', 'type', 'uncertain']);
    const lund = a!.entities.find((e) => e.name === 'Anna Lund')!;
    assert.ok(!('uncertain' in lund), 'absent when sure');
    for (const e of a!.entities) assert.ok(['person', 'organization', 'place'].includes(e.type), e.type);
    assert.deepEqual(a!.otherNames.map((o) => o.name), ['Kelmsby Herring Festival']);
    assert.deepEqual(Object.keys(a!.otherNames[0]!.mentions[0]!).sort(), ['end', 'start', 'text']);
    assert.ok(!a!.entities.some((e) => /Herring|Festival/.test(e.name)), 'never an entity');
  });

  it('reports unreadable files in errors and on stderr, processes the rest, and exits non-zero', async () => {
    writeFileSync(path.join(dir, 'good.txt'), 'A headline here\n\n“Yes,” said Anna Berg.\n');
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255]));
    writeFileSync(path.join(dir, 'bad-utf8.txt'), Buffer.from('Price \xa3 rise\n\n"Fine," said Jo Lund.\n', 'latin1'));
    writeFileSync(path.join(dir, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Head line of it\r\n\r\n“Hi,” said Anna Berg.\r\n')]));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    const r = await run([dir, path.join(dir, 'missing.txt')]);
    assert.equal(r.code, 1);
    const j = JSON.parse(r.out) as { articles: { path: string; quotes: { start: number; text: string; kind: string }[]; warnings: string[] }[]; errors: { path: string; reason: string }[] };
    assert.deepEqual(j.errors.map((e) => path.basename(e.path)).sort(), ['binary.txt', 'missing.txt']);
    assert.match(j.errors.find((e) => e.path.endsWith('binary.txt'))!.reason, /binary/);
    assert.match(r.err, /binary\.txt: binary file/);
    assert.match(r.err, /bad-utf8\.txt: 1 invalid UTF-8/);
    assert.deepEqual(j.articles.map((a) => path.basename(a.path)).sort(), ['bad-utf8.txt', 'bom.txt', 'empty.txt', 'good.txt']);
    const bom = j.articles.find((a) => a.path.endsWith('bom.txt'))!;
    // offsets count from after the BOM, as VS Code shows the text
    assert.equal(bom.quotes.find((q) => q.kind === 'direct')!.start, 'Head line of it\r\n\r\n“'.length);
  });

  it('applies the corrections file of the folder given', async () => {
    writeFileSync(path.join(dir, 'a.txt'), 'Harbour news today\n\nThe BFA said the Bergvik harbour was full, according to Anna Berg.\n');
    mkdirSync(path.join(dir, '.news-annotator'));
    writeFileSync(path.join(dir, '.news-annotator', 'entities.yaml'), 'entities:\n  - name: Bergvik Fishing Association\n    type: organization\n    aliases: [BFA]\nsuppress:\n  - Bergvik\n');
    const r = await run([dir]);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out) as { articles: { entities: { name: string; type: string }[] }[] };
    const names = j.articles[0]!.entities.map((e) => e.name);
    assert.ok(names.includes('Bergvik Fishing Association'), names.join(', '));
    assert.ok(!names.includes('Bergvik'));
  });

  it('prints reported and mixed statements with kind, cue offsets and partOf, and applies speaker corrections', async () => {
    const text = 'Harbour news today\n\nAnna Berg said the harbour was “full to the brim” on Monday. Per Dahl said the boats would wait.\n';
    writeFileSync(path.join(dir, 'a.txt'), text);
    mkdirSync(path.join(dir, '.news-annotator'));
    writeFileSync(path.join(dir, '.news-annotator', 'speakers.yaml'), '# mine\nstatements:\n  - text: the boats would wait\n    cue: said\n    speaker: Ola Brenna\n');
    const r = await run([dir]);
    assert.equal(r.code, 0, r.err);
    type Q = { text: string; start: number; end: number; speaker: string | null; kind: string; cueStart: number | null; cueEnd: number | null; partOf?: number };
    const q = (JSON.parse(r.out) as { articles: { quotes: Q[] }[] }).articles[0]!.quotes;
    assert.deepEqual(q.map((x) => x.kind), ['mixed', 'direct', 'reported']);
    assert.equal(q[0]!.text, 'the harbour was “full to the brim” on Monday');
    assert.equal(text.slice(q[0]!.cueStart!, q[0]!.cueEnd!), 'said');
    assert.equal(q[1]!.partOf, 0);
    assert.ok(!('partOf' in q[0]!) && !('partOf' in q[2]!), 'partOf only on a fragment of a mixed statement');
    assert.equal(q[2]!.speaker, 'Ola Brenna', 'the speaker correction is applied');
    writeFileSync(path.join(dir, '.news-annotator', 'speakers.yaml'), 'statements: [\n');
    const broken = await run([dir]);
    assert.equal(broken.code, 1);
    assert.match(broken.err, /speakers\.yaml.*invalid YAML/);
  });

  it('reports a broken corrections file and still analyses', async () => {
    writeFileSync(path.join(dir, 'a.txt'), 'Harbour news today\n\nAnna Berg spoke.\n');
    mkdirSync(path.join(dir, '.news-annotator'));
    writeFileSync(path.join(dir, '.news-annotator', 'entities.yaml'), 'entities: [\n');
    const r = await run([dir]);
    assert.equal(r.code, 1);
    const j = JSON.parse(r.out) as { articles: unknown[]; errors: { reason: string }[] };
    assert.equal(j.articles.length, 1);
    assert.match(j.errors[0]!.reason, /invalid YAML/);
  });

  it('prints a readable summary without --json', async () => {
    writeFileSync(path.join(dir, 'w.txt'), readFileSync(path.join(fixtures, 'wire-story.txt')));
    const r = await run([dir], false);
    assert.equal(r.code, 0);
    assert.match(r.out, /title: +Harbour council approves/);
    assert.match(r.out, /Ingrid Halvorsen \[said\]: “We cannot afford/);
    assert.match(r.out, /people: .*Tomas Berg/);
  });
});
