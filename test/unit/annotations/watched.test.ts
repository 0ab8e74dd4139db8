/**
 * A store whose caller watches the sidecars (the extension): saves check the file by its stamp instead of reading
 * it, and the watcher's echo of our own write is recognised by content (one read, nothing reloaded).
 */
import { strict as assert } from 'node:assert';
import { SidecarStore } from '../../../src/core/annotations/store';
import { seededRandom } from '../../../src/core/annotations/ids';
import type { FileStat } from '../../../src/core/io/fileOps';
import { MemFileOps } from './memFileOps';
import { ARTICLE, ARTICLE_PATH, SIDECAR_PATH, fixedClock, rangeOf } from './helpers';

const Q1 = 'We have listened to the islanders, and the night service is what they asked for';
const Q2 = 'Nobody asked us where the boats would tie up';

/** MemFileOps with a modification time that moves on every write. */
class StampedFileOps extends MemFileOps {
  private clock = 1;
  private readonly mtimes = new Map<string, number>();
  override put(path: string, text: string): void {
    super.put(path, text);
    this.mtimes.set(path, this.clock++);
  }
  override async writeFile(path: string, data: Uint8Array): Promise<void> {
    await super.writeFile(path, data);
    this.mtimes.set(path, this.clock++);
  }
  override async rename(from: string, to: string): Promise<void> {
    await super.rename(from, to);
    this.mtimes.set(to, this.mtimes.get(from) ?? this.clock++);
  }
  override async stat(path: string): Promise<FileStat | undefined> {
    const s = await super.stat(path);
    return s && { size: s.size, mtimeMs: this.mtimes.get(path) ?? 0 };
  }
  reads(): number {
    return this.log.filter((l) => l === `read ${SIDECAR_PATH}`).length;
  }
  writes(): number {
    return this.log.filter((l) => l.endsWith(`-> ${SIDECAR_PATH}`) || l === `write ${SIDECAR_PATH}`).length;
  }
}

const watchedStore = (fo: StampedFileOps, seed = 1) => new SidecarStore({ fileOps: fo, clock: fixedClock(), random: seededRandom(seed), watched: true });

describe('Sidecar store, watched (the extension)', () => {
  it('saves without reading the sidecar (its stamp says it is as last written), in one atomic write', async () => {
    const fo = new StampedFileOps();
    const h = await watchedStore(fo).load(ARTICLE_PATH, ARTICLE);
    await h.add({ ...rangeOf(ARTICLE, Q1), tags: ['a'] });
    await h.add({ ...rangeOf(ARTICLE, Q2), tags: ['b'] });
    assert.equal(fo.reads(), 0);
    assert.equal(fo.writes(), 2, 'one temp file + rename per save');
    assert.equal(h.list().length, 2);
  });

  it('recognises the echo of its own write by content: one read, nothing reloaded', async () => {
    const fo = new StampedFileOps();
    const h = await watchedStore(fo).load(ARTICLE_PATH, ARTICLE);
    await h.add({ ...rangeOf(ARTICLE, Q1), tags: ['a'] });
    assert.equal(await h.onDiskChange(), 'same');
    assert.equal(fo.reads(), 1);
    // Two events at once share one look.
    const [x, y] = await Promise.all([h.onDiskChange(), h.onDiskChange()]);
    assert.deepEqual([x, y], ['same', 'same']);
    assert.equal(fo.reads(), 2);
  });

  it("takes another writer's change, and merges it into the next save (read because the stamp moved)", async () => {
    const fo = new StampedFileOps();
    const store = watchedStore(fo);
    const h = await store.load(ARTICLE_PATH, ARTICLE);
    await h.add({ ...rangeOf(ARTICLE, Q1), tags: ['a'] });
    assert.equal(await h.onDiskChange(), 'same');
    // Another process adds an annotation (its own store, not watched).
    const other = await new SidecarStore({ fileOps: fo, clock: fixedClock(), random: seededRandom(7), verifyDelayMs: -1 }).load(ARTICLE_PATH, ARTICLE);
    await other.add({ ...rangeOf(ARTICLE, Q2), tags: ['theirs'] });
    assert.equal(await h.onDiskChange(), 'reloaded');
    assert.deepEqual(h.list().map((r) => r.annotation.tags), [['a'], ['theirs']]);
    // Without the event, the next save still sees the change by its stamp and merges it.
    await other.update(other.list()[1]!.annotation.id, { addTags: ['late'] });
    await h.update(h.list()[0]!.annotation.id, { addTags: ['ours'] });
    const h2 = await new SidecarStore({ fileOps: fo }).load(ARTICLE_PATH, ARTICLE);
    assert.deepEqual(h2.list().map((r) => r.annotation.tags), [['a', 'ours'], ['theirs', 'late']]);
  });

  it('puts our change back when another writer renamed an older version over it', async () => {
    const fo = new StampedFileOps();
    const h = await watchedStore(fo).load(ARTICLE_PATH, ARTICLE);
    await h.add({ ...rangeOf(ARTICLE, Q1), tags: ['a'] });
    assert.equal(await h.onDiskChange(), 'same');
    const before = fo.text(SIDECAR_PATH)!;
    await h.add({ ...rangeOf(ARTICLE, Q2), tags: ['b'] });
    // A writer that read the file before our second save renames its (unchanged) copy over ours.
    fo.put(SIDECAR_PATH, before);
    assert.equal(await h.onDiskChange(), 'reloaded');
    const h2 = await new SidecarStore({ fileOps: fo }).load(ARTICLE_PATH, ARTICLE);
    assert.deepEqual(h2.list().map((r) => r.annotation.tags), [['a'], ['b']], 'our change is on disk again');
  });
});
