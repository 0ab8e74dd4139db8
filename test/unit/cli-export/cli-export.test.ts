import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../support/runCli';
import { nodeFileOps } from '../../../src/node/nodeFileOps';
import { planTagRename, renamedTags, renameTag } from '../../../src/core/annotations/renameTag';
import { SidecarStore } from '../../../src/core/annotations/store';

const run = runCli;

const BRIDGE = [
  'Bridge repairs to close the old road for a month',
  '',
  'The Riverside Post',
  '8 October 2025',
  '',
  'Engineers will close the old road from Monday. "The deck is tired, but it is safe," said Mira Haddad, the county engineer.',
  'Shop owners were less calm. "A month without passing trade could finish us," said Owen Pike, who runs the bakery.',
].join('\n');

const SCHOOL = [
  'School roof fixed before term, council says',
  '',
  'The Hill Times',
  '1 September 2025',
  '',
  '"Every classroom is dry," said Dana Cole, head of property. Parents said the work came late.',
].join('\n');

const BROKEN_SIDECAR = 'version: 1\nsource: school.txt\nannotations: [ unclosed\n';

describe('CLI: export', function () {
  this.timeout(30_000);
  let dir: string;
  let bridge: string;
  let school: string;
  let other: string;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'na-export-'));
    mkdirSync(path.join(dir, 'local'));
    bridge = path.join(dir, 'bridge.txt');
    school = path.join(dir, 'local', 'school.txt');
    other = path.join(dir, 'local', 'plain.txt');
    writeFileSync(bridge, BRIDGE);
    writeFileSync(school, SCHOOL);
    writeFileSync(other, 'Notes from the meeting, nothing quoted here.\n');
    for (const args of [
      [bridge, '--quote', 'The deck is tired, but it is safe', '--tag', 'safety', '--tag', 'claims/official', '--note', 'Ask for the inspection report,\n"2024" edition.', '--speaker', 'Mira Haddad', '--author', 'Test Author'],
      [bridge, '--quote', 'A month without passing trade could finish us', '--tag', 'economy', '--author', 'Test Author'],
      [school, '--quote', 'Every classroom is dry', '--tag', 'claims', '--author', 'Test Author'],
    ]) {
      const r = await run(['annotate', ...args]);
      assert.equal(r.code, 0, r.err);
    }
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('json to stdout: every article of the folder, with analysis and annotations', async () => {
    const r = await run(['export', dir, '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const doc = JSON.parse(r.out) as { articles: { path: string; uri: string; outlet: string; quotes: { speaker: string }[]; annotations: { quote: string; status: string; tags: string[] }[] }[]; skipped: unknown[] };
    assert.deepEqual(doc.articles.map((a) => path.relative(dir, a.path)), ['bridge.txt', path.join('local', 'plain.txt'), path.join('local', 'school.txt')]);
    const b = doc.articles[0]!;
    assert.equal(b.uri, `file://${bridge}`);
    // The same analysis as `extract`.
    const extracted = JSON.parse((await run(['extract', '--json', bridge])).out) as { articles: { publisher: string | null; quotes: unknown[] }[] };
    assert.equal(b.outlet, extracted.articles[0]!.publisher);
    assert.equal(b.quotes.length, extracted.articles[0]!.quotes.length);
    assert.ok(b.quotes.some((q) => q.speaker === 'Owen Pike'), JSON.stringify(b.quotes));
    assert.deepEqual(b.annotations.map((a) => [a.quote, a.status]), [
      ['The deck is tired, but it is safe', 'anchored'],
      ['A month without passing trade could finish us', 'anchored'],
    ]);
    assert.deepEqual(doc.skipped, []);
  });

  it('json: an old-style entity reference is exported as the current id of its entity, the sidecar left as it was', async () => {
    const at = BRIDGE.indexOf('Owen Pike');
    const sidecar = [
      'version: 1',
      'source: bridge.txt',
      'annotations:',
      '  - id: e1111111',
      '    kind: entity',
      '    entity: organization:owen-pike-bakery',
      '    tags: [ shops ]',
      '    target:',
      '      exact: Owen Pike',
      `      start: ${at}`,
      `      end: ${at + 'Owen Pike'.length}`,
      '',
    ].join('\n');
    writeFileSync(bridge + '.annotations.yaml', sidecar);
    const r = await run(['export', bridge, '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const doc = JSON.parse(r.out) as { articles: { entities: { id: string; name: string }[]; annotations: { entity: string | null }[] }[] };
    const [b] = doc.articles;
    assert.ok(b!.entities.some((e) => e.id === 'owen-pike'), JSON.stringify(b!.entities));
    assert.deepEqual(b!.annotations.map((a) => a.entity), ['owen-pike']);
    assert.equal(readFileSync(bridge + '.annotations.yaml', 'utf8'), sidecar, 'export writes nothing');
  });

  it('csv --out: written atomically (no temp file left), replacing an existing file', async () => {
    const out = path.join(dir, 'export.csv');
    writeFileSync(out, 'old content\n');
    const r = await run(['export', dir, '--format', 'csv', '--out', out]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '');
    assert.match(r.err, /wrote the csv export of 2 article\(s\)/, 'articles without a sidecar are not read for an annotations export');
    const csv = readFileSync(out, 'utf8');
    assert.ok(csv.startsWith('article,headline,outlet,date,id,kind,status,start,end,quote,tags,note,speaker,author,created,updated\r\n'));
    assert.ok(csv.includes('"Ask for the inspection report,\n""2024"" edition."'), csv);
    assert.equal(csv.split('\r\n').length - 1, 1 + 3, 'header and 3 records (the line break inside the quoted note is a bare LF)');
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  });

  it('every format, with --tag and --what quotes', async () => {
    const md = await run(['export', dir, '--format', 'markdown', '--tag', 'claims']);
    assert.equal(md.code, 0, md.err);
    assert.match(md.out, /^# Annotations\n\n2 annotations tagged `claims` in 2 articles\./);
    assert.ok(md.out.includes('## School roof fixed before term, council says'));
    assert.ok(!md.out.includes('could finish us'), 'the economy annotation is filtered out');

    const w3c = await run(['export', bridge, '--format', 'w3c']);
    assert.equal(w3c.code, 0, w3c.err);
    const doc = JSON.parse(w3c.out) as { type: string; total: number; first: { items: { target: { source: string; selector: { type: string; start?: number; end?: number; exact?: string }[] } }[] } };
    assert.equal(doc.type, 'AnnotationCollection');
    assert.equal(doc.total, 2);
    for (const it of doc.first.items) {
      assert.equal(it.target.source, `file://${bridge}`);
      const q = it.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
      const p = it.target.selector.find((s) => s.type === 'TextPositionSelector')!;
      assert.equal(BRIDGE.slice(p.start, p.end), q.exact);
    }

    const jl = await run(['export', dir, '--format', 'jsonl', '--what', 'quotes']);
    assert.equal(jl.code, 0, jl.err);
    const lines = jl.out.trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string; speaker: string; tags: string[] });
    assert.ok(lines.length >= 3 && lines.every((l) => l.type === 'quote'));
    assert.deepEqual(lines.find((l) => l.speaker === 'Dana Cole')?.tags, ['claims']);

    const qcsv = await run(['export', dir, '--format', 'csv', '--what', 'quotes', '--tag', 'safety']);
    assert.equal(qcsv.code, 0, qcsv.err);
    const rows = qcsv.out.trimEnd().split('\r\n');
    assert.equal(rows.length, 2, qcsv.out);
    assert.match(rows[1]!, /Mira Haddad/);
  });

  it('a broken sidecar is reported and its article skipped; the others are exported; exit status 1', async () => {
    writeFileSync(school + '.annotations.yaml', BROKEN_SIDECAR);
    const out = path.join(dir, 'report.md');
    const r = await run(['export', dir, '--format', 'markdown', '--out', out]);
    assert.equal(r.code, 1);
    assert.match(r.err, /school\.txt: sidecar .*school\.txt\.annotations\.yaml line \d+: .* \(article not exported\)/);
    const md = readFileSync(out, 'utf8');
    assert.ok(md.includes('## Bridge repairs to close the old road for a month'));
    assert.ok(!md.includes('## School roof'), md);
    assert.match(md, /## Not exported\n\n- `.*school\.txt`: sidecar/);
    // The broken sidecar is left as it was.
    assert.equal(readFileSync(school + '.annotations.yaml', 'utf8'), BROKEN_SIDECAR);
    const json = await run(['export', dir, '--format', 'json']);
    assert.equal(json.code, 1);
    assert.deepEqual((JSON.parse(json.out) as { skipped: { path: string }[] }).skipped.map((s) => path.basename(s.path)), ['school.txt']);
  });

  it('bad input: a clear error, exit status 2, and nothing written', async () => {
    const out = path.join(dir, 'keep.csv');
    writeFileSync(out, 'keep me\n');
    const cases: [string[], RegExp][] = [
      [['export', dir, '--format', 'xml', '--out', out], /Allowed choices are json, jsonl, csv, markdown, w3c/],
      [['export', dir, '--out', out], /--format <format>' not specified/],
      [['export', dir, '--format', 'w3c', '--what', 'quotes', '--out', out], /w3c format holds annotations only/],
      [['export', dir, '--format', 'csv', '--tag', ' ', '--out', out], /tag to filter by cannot be empty/],
      [['export', path.join(dir, 'missing'), '--format', 'csv', '--out', out], /no such file or folder.*nothing exported/],
      [['export', dir, '--format', 'csv', '--out', bridge], /is an article or a sidecar/],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, message);
      assert.equal(readFileSync(out, 'utf8'), 'keep me\n');
    }
    assert.equal(readFileSync(bridge, 'utf8'), BRIDGE);
    // A folder that cannot be written: the error names the file; no temp file is left behind.
    const r = await run(['export', dir, '--format', 'csv', '--out', path.join(dir, 'no-such-folder', 'x.csv')]);
    assert.equal(r.code, 1);
    assert.match(r.err, /x\.csv: cannot write .*nothing written/);
    assert.ok(!existsSync(path.join(dir, 'no-such-folder')));
  });
});

describe('tags rename (core and CLI)', function () {
  this.timeout(30_000);
  let dir: string;
  let bridge: string;
  let school: string;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'na-tags-'));
    bridge = path.join(dir, 'bridge.txt');
    school = path.join(dir, 'school.txt');
    writeFileSync(bridge, BRIDGE);
    writeFileSync(school, SCHOOL);
    // Made through the store with no delayed second look (the CLI's store looks again 25 ms after a save; in
    // this one process that look could overlap the next command).
    const store = new SidecarStore({ fileOps: nodeFileOps, verifyDelayMs: -1 });
    const add = async (file: string, quote: string, tags: string[]) => {
      const text = readFileSync(file, 'utf8');
      const h = store.get(file) ?? (await store.load(file, text));
      const start = text.indexOf(quote);
      await h.add({ start, end: start + quote.length, tags, author: 'T' });
    };
    await add(bridge, 'The deck is tired', ['saftey', 'claims']);
    await add(bridge, 'could finish us', ['claims', 'saftey', 'safety']);
    await add(school, 'Every classroom is dry', ['saftey']);
    await add(school, 'the work came late', ['timing']);
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const tagsOf = async (file: string): Promise<string[][]> => {
    const h = await new SidecarStore({ fileOps: nodeFileOps }).load(file, readFileSync(file, 'utf8'));
    return h.list().map((r) => [...r.annotation.tags]);
  };

  it('renamedTags: in place, merged into an existing tag without a duplicate, null when absent', () => {
    assert.deepEqual(renamedTags(['a', 'old', 'b'], 'old', 'new'), ['a', 'new', 'b']);
    assert.deepEqual(renamedTags(['new', 'a', 'old'], 'old', 'new'), ['new', 'a']);
    assert.deepEqual(renamedTags(['old', 'new'], 'old', 'new'), ['new']);
    assert.equal(renamedTags(['a', 'b'], 'old', 'new'), null);
    assert.equal(renamedTags(['old/sub'], 'old', 'new'), null, 'only the exact tag');
  });

  it('renames across sidecars, merging where the new tag is already there', async () => {
    const r = await run(['tags', 'rename', 'saftey', 'safety', dir]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /renamed "saftey" to "safety" in 3 annotation\(s\) of 2 sidecar\(s\) \(1 merged with an existing "safety"\)/);
    assert.deepEqual(await tagsOf(bridge), [
      ['safety', 'claims'],
      ['claims', 'safety'],
    ]);
    assert.deepEqual(await tagsOf(school), [['safety'], ['timing']]);
    for (const f of [bridge, school]) assert.ok(!readFileSync(f + '.annotations.yaml', 'utf8').includes('saftey'), readFileSync(f + '.annotations.yaml', 'utf8'));
    const again = await run(['tags', 'rename', 'saftey', 'safety', dir]);
    assert.equal(again.code, 0);
    assert.match(again.out, /no annotation is tagged "saftey"; nothing changed/);
  });

  it('--dry-run prints the changes and writes nothing', async () => {
    const before = [bridge, school].map((f) => readFileSync(f + '.annotations.yaml'));
    const r = await run(['tags', 'rename', 'saftey', 'safety', dir, '--dry-run']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /bridge\.txt {2}\w+ “could finish us”: \[claims, saftey, safety\] → \[claims, safety\] {2}\(merged\)/);
    assert.match(r.out, /would rename "saftey" to "safety" in 3 annotation\(s\) of 2 sidecar\(s\).*nothing written/);
    assert.deepEqual(
      [bridge, school].map((f) => readFileSync(f + '.annotations.yaml')),
      before,
    );
  });

  it('never touches a broken sidecar: reported, the others renamed, exit status 1', async () => {
    writeFileSync(school + '.annotations.yaml', BROKEN_SIDECAR);
    const r = await run(['tags', 'rename', 'saftey', 'safety', dir]);
    assert.equal(r.code, 1);
    assert.match(r.err, /school\.txt\.annotations\.yaml:\d+: .*not changed; fix it first/);
    assert.equal(readFileSync(school + '.annotations.yaml', 'utf8'), BROKEN_SIDECAR);
    assert.deepEqual(await tagsOf(bridge), [
      ['safety', 'claims'],
      ['claims', 'safety'],
    ]);
  });

  it('article-level tags are renamed too; bad names are refused with exit status 2', async () => {
    const store = new SidecarStore({ fileOps: nodeFileOps, verifyDelayMs: -1 });
    const h = await store.load(school, SCHOOL);
    await h.updateArticle({ setTags: ['saftey', 'schools'] });
    assert.deepEqual(planTagRename(h.data, 'saftey', 'safety').map((c) => c.id === null), [true, false]);
    const out = await renameTag([h], ' saftey ', 'safety');
    assert.deepEqual(out.errors, []);
    assert.deepEqual(h.data.tags, ['safety', 'schools']);
    const reread = await new SidecarStore({ fileOps: nodeFileOps }).load(school, SCHOOL);
    assert.deepEqual(reread.data.tags, ['safety', 'schools']);
    assert.deepEqual(reread.list().map((x) => x.annotation.tags), [['safety'], ['timing']]);

    for (const args of [
      ['tags', 'rename', 'a', 'a', dir],
      ['tags', 'rename', '', 'a', dir],
      ['tags', 'rename', 'a', 'b', path.join(dir, 'missing')],
      ['tags', 'rename', 'a', dir],
    ]) {
      const r = await run(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
      assert.ok(r.err.length > 0);
    }
  });
});
