import { strict as assert } from 'node:assert';
import { SidecarStore, SidecarReadOnlyError, AnnotationNotFoundError, countTags, readTagCounts } from '../../../src/core/annotations/store';
import { parseSidecar } from '../../../src/core/annotations/yaml';
import { seededRandom } from '../../../src/core/annotations/ids';
import { MemFileOps } from './memFileOps';
import { ARTICLE, ARTICLE_PATH, SIDECAR_PATH, fixedClock, rangeOf } from './helpers';

function newStore(fo: MemFileOps, seed = 1): SidecarStore {
  return new SidecarStore({ fileOps: fo, clock: fixedClock(), random: seededRandom(seed) });
}

const Q1 = 'We have listened to the islanders, and the night service is what they asked for';
const Q2 = 'Nobody asked us where the boats would tie up';
const Q3 = 'We can start in May';

describe('SidecarStore', () => {
  it('creates the sidecar beside the article on the first annotation and lists it anchored', async () => {
    const fo = new MemFileOps();
    const h = await newStore(fo).load(ARTICLE_PATH, ARTICLE);
    assert.equal(h.list().length, 0);
    assert.equal(fo.files.has(SIDECAR_PATH), false);
    const r = await h.add({ ...rangeOf(ARTICLE, Q1), kind: 'quote', speaker: 'Tomas Reyes', tags: ['ferry', ' islanders '], note: 'Line one\nline two', author: 'Elin' });
    assert.match(r.annotation.id, /^[a-z][a-z0-9]{7}$/);
    assert.equal(r.status, 'anchored');
    const yaml = fo.text(SIDECAR_PATH)!;
    assert.ok(yaml.startsWith('#'), 'header comment');
    assert.ok(!yaml.includes('\r'), 'LF only');
    const parsed = parseSidecar(yaml, SIDECAR_PATH).data;
    assert.equal(parsed.source, 'harbour.txt');
    assert.equal(parsed.annotations.length, 1);
    const a = parsed.annotations[0]!;
    assert.deepEqual(a.tags, ['ferry', 'islanders']);
    assert.equal(a.note, 'Line one\nline two');
    assert.equal(a.speaker, 'Tomas Reyes');
    assert.equal(a.author, 'Elin');
    assert.equal(a.created, '2025-03-14T09:00:00.000Z');
    assert.equal(a.target.exact, Q1);
    assert.match(yaml, /note: \|-\n\s+Line one\n\s+line two\n/);
    // A second process reads the same thing.
    const h2 = await newStore(fo, 2).load(ARTICLE_PATH, ARTICLE);
    assert.deepEqual(h2.list().map((x) => [x.annotation.id, x.status, x.start]), [[a.id, 'anchored', rangeOf(ARTICLE, Q1).start]]);
  });

  it('writes through a temporary file in the same folder renamed over the sidecar', async () => {
    const fo = new MemFileOps();
    const h = await newStore(fo).load(ARTICLE_PATH, ARTICLE);
    await h.add({ ...rangeOf(ARTICLE, Q1) });
    const writes = fo.log.filter((l) => l.startsWith('write') || l.startsWith('rename'));
    assert.equal(writes.length, 2);
    assert.match(writes[0]!, /^write \/news\/\.harbour\.txt\.annotations\.yaml\.[a-z0-9]+\.tmp$/);
    assert.match(writes[1]!, /^rename \/news\/\.harbour.*\.tmp -> \/news\/harbour\.txt\.annotations\.yaml$/);
    assert.deepEqual([...fo.files.keys()].sort(), [SIDECAR_PATH]);
  });

  it('a failed rename leaves the old sidecar intact and no temporary file', async () => {
    const fo = new MemFileOps();
    const h = await newStore(fo).load(ARTICLE_PATH, ARTICLE);
    await h.add({ ...rangeOf(ARTICLE, Q1), tags: ['a'] });
    const before = fo.text(SIDECAR_PATH);
    fo.failBefore = (op) => {
      if (op === 'rename') throw new Error('disk full');
    };
    await assert.rejects(h.add({ ...rangeOf(ARTICLE, Q2) }), /disk full/);
    assert.equal(fo.text(SIDECAR_PATH), before);
    assert.deepEqual([...fo.files.keys()], [SIDECAR_PATH]);
    fo.failBefore = undefined;
    // The in-memory state did not take the failed change; the next change works.
    assert.equal(h.list().length, 1);
    await h.add({ ...rangeOf(ARTICLE, Q3) });
    assert.equal(parseSidecar(fo.text(SIDECAR_PATH)!, 'x').data.annotations.length, 2);
  });

  it('edits tags and notes, and changing one note changes only that note’s lines and its updated time', async () => {
    const fo = new MemFileOps();
    const h = await newStore(fo).load(ARTICLE_PATH, ARTICLE);
    const a = await h.add({ ...rangeOf(ARTICLE, Q1), tags: ['x'] });
    const b = await h.add({ ...rangeOf(ARTICLE, Q2), tags: ['y'], note: 'old' });
    await h.update(a.annotation.id, { addTags: ['z', 'x'], removeTags: ['x'] });
    assert.deepEqual(h.get(a.annotation.id)!.annotation.tags, ['z']);
    const before = fo.text(SIDECAR_PATH)!.split('\n');
    await h.update(b.annotation.id, { note: 'new' });
    const after = fo.text(SIDECAR_PATH)!.split('\n');
    assert.equal(before.length, after.length);
    const changed = before.map((l, i) => (l === after[i] ? null : `${l} => ${after[i]}`)).filter((x) => x !== null);
    assert.equal(changed.length, 2, changed.join('\n'));
    assert.ok(changed.some((c) => c!.includes('note: old => ') && c!.includes('note: new')));
    assert.ok(changed.some((c) => c!.includes('updated:')));
    // Annotations stay in document order (Q1 before Q2 in the article).
    const data = parseSidecar(fo.text(SIDECAR_PATH)!, 'x').data;
    assert.deepEqual(data.annotations.map((x) => x.id), [a.annotation.id, b.annotation.id]);
    await assert.rejects(h.update('nope0000', { note: 'x' }), AnnotationNotFoundError);
  });

  it('deletes the sidecar when the last annotation goes, unless a person added something to it', async () => {
    const fo = new MemFileOps();
    const store = newStore(fo);
    let h = await store.load(ARTICLE_PATH, ARTICLE);
    const a = await h.add({ ...rangeOf(ARTICLE, Q1) });
    await h.remove(a.annotation.id);
    assert.equal(fo.files.has(SIDECAR_PATH), false);

    const b = await h.add({ ...rangeOf(ARTICLE, Q2) });
    fo.put(SIDECAR_PATH, fo.text(SIDECAR_PATH)!.replace('annotations:', '# keep this file: reviewed by desk\nannotations:'));
    h = await store.load(ARTICLE_PATH, ARTICLE);
    await h.remove(b.annotation.id);
    assert.equal(fo.files.has(SIDECAR_PATH), true);
    assert.match(fo.text(SIDECAR_PATH)!, /# keep this file: reviewed by desk/);
  });

  it('keeps comments and unknown fields a person added by hand', async () => {
    const fo = new MemFileOps();
    const store = newStore(fo);
    let h = await store.load(ARTICLE_PATH, ARTICLE);
    const a = await h.add({ ...rangeOf(ARTICLE, Q1), tags: ['t'] });
    const edited = fo
      .text(SIDECAR_PATH)!
      .replace('source: harbour.txt', 'source: harbour.txt # the ferry story\nreviewer: Sam')
      .replace(`  - id: ${a.annotation.id}`, `  # checked against audio\n  - id: ${a.annotation.id}\n    confidence: high`);
    fo.put(SIDECAR_PATH, edited);
    h = await store.load(ARTICLE_PATH, ARTICLE);
    await h.update(a.annotation.id, { note: 'checked' });
    await h.add({ ...rangeOf(ARTICLE, Q3) });
    const out = fo.text(SIDECAR_PATH)!;
    for (const keep of ['# the ferry story', 'reviewer: Sam', '# checked against audio', 'confidence: high', 'note: checked']) {
      assert.ok(out.includes(keep), `${keep} kept in:\n${out}`);
    }
  });

  it('merges a concurrent change on disk by id instead of overwriting it', async () => {
    const fo = new MemFileOps();
    const h1 = await newStore(fo, 1).load(ARTICLE_PATH, ARTICLE);
    const a = await h1.add({ ...rangeOf(ARTICLE, Q1), tags: ['base'], note: 'base note' });
    const h2 = await newStore(fo, 2).load(ARTICLE_PATH, ARTICLE);
    // Both sides: different annotations added, different fields of the same annotation edited.
    await h2.add({ ...rangeOf(ARTICLE, Q3), tags: ['theirs'] });
    await h2.update(a.annotation.id, { addTags: ['t2'] });
    await h1.add({ ...rangeOf(ARTICLE, Q2), tags: ['ours'] });
    await h1.update(a.annotation.id, { addTags: ['t1'], removeTags: ['base'] });
    const data = parseSidecar(fo.text(SIDECAR_PATH)!, 'x').data;
    assert.equal(data.annotations.length, 3);
    assert.deepEqual(data.annotations.find((x) => x.id === a.annotation.id)!.tags.slice().sort(), ['t1', 't2']);
    assert.deepEqual(data.annotations.map((x) => x.target.exact), [Q1, Q2, Q3]);
    assert.deepEqual(h1.list().map((x) => x.status), ['anchored', 'anchored', 'anchored']);
  });

  it('records, and does not drop, the same note changed on both sides', async () => {
    const fo = new MemFileOps();
    const h1 = await newStore(fo, 1).load(ARTICLE_PATH, ARTICLE);
    const a = await h1.add({ ...rangeOf(ARTICLE, Q1), note: 'base' });
    const h2 = await newStore(fo, 2).load(ARTICLE_PATH, ARTICLE);
    await h2.update(a.annotation.id, { note: 'theirs' });
    await h1.update(a.annotation.id, { note: 'ours' });
    assert.deepEqual(h1.lastConflicts, [{ id: a.annotation.id, field: 'note' }]);
    const ann = parseSidecar(fo.text(SIDECAR_PATH)!, 'x').data.annotations[0]!;
    assert.equal(ann.note, 'ours');
    assert.equal(ann.conflicts?.[0]?.field, 'note');
    assert.equal(ann.conflicts?.[0]?.other, 'theirs');
    // Editing the note resolves it.
    await h1.update(a.annotation.id, { note: 'ours + theirs' });
    assert.equal(parseSidecar(fo.text(SIDECAR_PATH)!, 'x').data.annotations[0]!.conflicts, undefined);
  });

  it('keeps an annotation removed on one side but edited on the other, saying so', async () => {
    const fo = new MemFileOps();
    const h1 = await newStore(fo, 1).load(ARTICLE_PATH, ARTICLE);
    const a = await h1.add({ ...rangeOf(ARTICLE, Q1), note: 'base' });
    await h1.add({ ...rangeOf(ARTICLE, Q2) });
    const h2 = await newStore(fo, 2).load(ARTICLE_PATH, ARTICLE);
    await h2.remove(a.annotation.id);
    await h1.update(a.annotation.id, { note: 'edited' });
    const ann = parseSidecar(fo.text(SIDECAR_PATH)!, 'x').data.annotations.find((x) => x.id === a.annotation.id)!;
    assert.equal(ann.note, 'edited');
    assert.equal(ann.conflicts?.[0]?.field, 'removed');
  });

  it('never overwrites a sidecar that does not parse: read-only with file and line, file untouched', async () => {
    const fo = new MemFileOps();
    const bad = 'version: 1\nsource: harbour.txt\nannotations:\n  - id: abc\n    kind: quote\n    target: [broken\n';
    fo.put(SIDECAR_PATH, bad);
    const h = await newStore(fo).load(ARTICLE_PATH, ARTICLE);
    assert.equal(h.readOnly, true);
    assert.equal(h.error!.path, SIDECAR_PATH);
    assert.equal(typeof h.error!.line, 'number');
    await assert.rejects(h.add({ ...rangeOf(ARTICLE, Q1) }), SidecarReadOnlyError);
    assert.equal(fo.text(SIDECAR_PATH), bad);
    assert.equal(fo.log.filter((l) => !l.startsWith('read')).length, 0);
  });

  it('refuses to save when the sidecar on disk became corrupt after it was read', async () => {
    const fo = new MemFileOps();
    const h = await newStore(fo).load(ARTICLE_PATH, ARTICLE);
    await h.add({ ...rangeOf(ARTICLE, Q1) });
    const broken = fo.text(SIDECAR_PATH)!.replace('version: 1', '<<<<<<< HEAD\nversion: 1');
    fo.put(SIDECAR_PATH, broken);
    await assert.rejects(h.add({ ...rangeOf(ARTICLE, Q2) }), SidecarReadOnlyError);
    assert.equal(fo.text(SIDECAR_PATH), broken);
    assert.equal(h.readOnly, true);
  });

  it('refuses a sidecar of a newer version', async () => {
    const fo = new MemFileOps();
    fo.put(SIDECAR_PATH, 'version: 2\nsource: harbour.txt\nannotations: []\n');
    const h = await newStore(fo).load(ARTICLE_PATH, ARTICLE);
    assert.equal(h.readOnly, true);
    assert.equal(h.error!.line, 1);
    assert.match(h.error!.message, /newer release/);
  });

  it('follows the text: edits in the editor move annotations; saving records the new offsets', async () => {
    const fo = new MemFileOps();
    const h = await newStore(fo).load(ARTICLE_PATH, ARTICLE);
    const a = await h.add({ ...rangeOf(ARTICLE, Q2) });
    const insert = 'UPDATE: the vote was 5-2.\n\n';
    const at = ARTICLE.indexOf('PORTMERE -');
    const text2 = ARTICLE.slice(0, at) + insert + ARTICLE.slice(at);
    const moved = h.applyEdits([{ start: at, end: at, newText: insert }], text2);
    assert.equal(moved[0]!.start, a.start + insert.length);
    assert.equal(text2.slice(moved[0]!.start, moved[0]!.end), Q2);
    await h.saveAnchors();
    const t = parseSidecar(fo.text(SIDECAR_PATH)!, 'x').data.annotations[0]!.target;
    assert.equal(t.start, a.start + insert.length);
    // Reloaded against the new text it is simply anchored.
    const h2 = await newStore(fo).load(ARTICLE_PATH, text2);
    assert.equal(h2.list()[0]!.status, 'anchored');
  });

  it('re-attaches after an outside change (moved, fuzzy, orphaned) and an orphan can be re-attached', async () => {
    const fo = new MemFileOps();
    const store = newStore(fo);
    const h = await store.load(ARTICLE_PATH, ARTICLE);
    const a1 = await h.add({ ...rangeOf(ARTICLE, Q1) });
    const a2 = await h.add({ ...rangeOf(ARTICLE, Q2) });
    const a3 = await h.add({ ...rangeOf(ARTICLE, Q3) });
    const outside = ('Correction appended.\n\n' + ARTICLE)
      .replace('Nobody asked us where the boats would tie up', 'Nobody asked us where the ferries would tie up')
      .replace('"We can start in May," a spokesperson said.', 'The operator gave no date.');
    const h2 = await store.load(ARTICLE_PATH, outside);
    assert.equal(h2.sourceChanged, true);
    const st = new Map(h2.list().map((x) => [x.annotation.id, x]));
    assert.equal(st.get(a1.annotation.id)!.status, 'moved');
    assert.equal(st.get(a2.annotation.id)!.status, 'fuzzy');
    assert.ok(st.get(a2.annotation.id)!.similarity > 0.8 && st.get(a2.annotation.id)!.similarity < 1);
    assert.equal(st.get(a3.annotation.id)!.status, 'orphaned');
    // Orphans are kept in the sidecar.
    await h2.saveAnchors();
    assert.equal(parseSidecar(fo.text(SIDECAR_PATH)!, 'x').data.annotations.length, 3);
    const r = rangeOf(outside, 'The operator gave no date.');
    const re = await h2.reattach(a3.annotation.id, r.start, r.end);
    assert.equal(re.status, 'anchored');
    assert.equal(re.annotation.target.exact, 'The operator gave no date.');
  });

  it('article-level tags and note, and tag counts over sidecars', async () => {
    const fo = new MemFileOps();
    const store = newStore(fo);
    const h = await store.load(ARTICLE_PATH, ARTICLE);
    await h.updateArticle({ addTags: ['transport'], note: 'Follow up in May' });
    await h.add({ ...rangeOf(ARTICLE, Q1), tags: ['ferry', 'transport'] });
    const other = '/news/other.txt';
    const h2 = await store.load(other, 'Another story about the ferry.');
    await h2.add({ start: 22, end: 27, tags: ['ferry'] });
    assert.deepEqual(countTags([h.data, h2.data]), [
      { tag: 'ferry', count: 2 },
      { tag: 'transport', count: 2 },
    ]);
    fo.put('/news/broken.txt.annotations.yaml', 'version: [');
    const r = await readTagCounts(fo, [ARTICLE_PATH, other, '/news/broken.txt', '/news/none.txt']);
    assert.equal(r.tags.length, 2);
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0]!.path, '/news/broken.txt.annotations.yaml');
  });

  it('is the one owner of open handles, and a context-length change reaches handles already open', async () => {
    const fo = new MemFileOps();
    const store = newStore(fo);
    const h = await store.load(ARTICLE_PATH, ARTICLE);
    assert.deepEqual([...store.handles()], [h]);
    assert.equal(store.get(ARTICLE_PATH), h);
    store.setContextLength(8);
    const r = await h.add({ ...rangeOf(ARTICLE, Q2) });
    assert.ok(r.annotation.target.prefix.length <= 8 && r.annotation.target.suffix.length <= 8, JSON.stringify(r.annotation.target));
    store.setContextLength(40);
    const r2 = await h.add({ ...rangeOf(ARTICLE, Q1) });
    assert.ok(r2.annotation.target.prefix.length > 8, JSON.stringify(r2.annotation.target));
    store.forget(ARTICLE_PATH);
    assert.deepEqual([...store.handles()], []);
  });

  it('serialises concurrent changes from one handle (no lost update)', async () => {
    const fo = new MemFileOps();
    const h = await newStore(fo).load(ARTICLE_PATH, ARTICLE);
    await Promise.all([h.add({ ...rangeOf(ARTICLE, Q1) }), h.add({ ...rangeOf(ARTICLE, Q2) }), h.add({ ...rangeOf(ARTICLE, Q3) })]);
    assert.equal(parseSidecar(fo.text(SIDECAR_PATH)!, 'x').data.annotations.length, 3);
  });

  describe('the second look after a save (another writer renaming its older version over ours)', () => {
    const store = (fo: MemFileOps, seed: number) => new SidecarStore({ fileOps: fo, clock: fixedClock(), random: seededRandom(seed), verifyDelayMs: 30 });
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

    it('restores our change when the file on disk shows none of it (a lost update)', async () => {
      const fo = new MemFileOps();
      const h1 = await store(fo, 1).load(ARTICLE_PATH, ARTICLE);
      await h1.add({ ...rangeOf(ARTICLE, Q1), tags: ['first'] });
      await wait(60);
      const before = fo.text(SIDECAR_PATH)!;
      await h1.add({ ...rangeOf(ARTICLE, Q2), tags: ['second'] });
      // A writer that read the file before our save renames its version (the old one) over ours.
      fo.put(SIDECAR_PATH, before);
      await wait(80);
      const data = parseSidecar(fo.text(SIDECAR_PATH)!, 'x').data;
      assert.deepEqual(data.annotations.map((a) => a.tags[0]), ['first', 'second'], 'our new annotation is back');
    });

    it('leaves alone a later change made on top of ours (a tag renamed right after we added the annotation)', async () => {
      const fo = new MemFileOps();
      const h1 = await store(fo, 1).load(ARTICLE_PATH, ARTICLE);
      const a = await h1.add({ ...rangeOf(ARTICLE, Q1), tags: ['keep', 'old'] });
      // Another process, well within the delay, reads our version and renames a tag (as `tags rename` does).
      const h2 = await store(fo, 2).load(ARTICLE_PATH, ARTICLE);
      await h2.update(a.annotation.id, { removeTags: ['old'], addTags: ['new'] });
      await wait(100);
      const data = parseSidecar(fo.text(SIDECAR_PATH)!, 'x').data;
      assert.deepEqual(data.annotations[0]!.tags, ['keep', 'new'], 'the renamed tag is not put back');
    });

    it('leaves alone a later note written on top of ours', async () => {
      const fo = new MemFileOps();
      const h1 = await store(fo, 1).load(ARTICLE_PATH, ARTICLE);
      const a = await h1.add({ ...rangeOf(ARTICLE, Q1), note: 'v1' });
      await wait(60);
      await h1.update(a.annotation.id, { note: 'v2' });
      const h2 = await store(fo, 2).load(ARTICLE_PATH, ARTICLE);
      await h2.update(a.annotation.id, { note: 'v3' });
      await wait(100);
      const ann = parseSidecar(fo.text(SIDECAR_PATH)!, 'x').data.annotations[0]!;
      assert.equal(ann.note, 'v3');
      assert.equal(ann.conflicts, undefined, 'no conflict invented');
    });
  });
});
