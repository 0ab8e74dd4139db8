import { strict as assert } from 'node:assert';
import { withSidecarLock, SidecarLockTimeoutError } from '../../../src/core/annotations/lock';
import { SidecarStore } from '../../../src/core/annotations/store';
import { seededRandom } from '../../../src/core/annotations/ids';
import { MemFileOps } from './memFileOps';
import { ARTICLE, ARTICLE_PATH, SIDECAR_PATH, fixedClock, rangeOf } from './helpers';

const LOCK = SIDECAR_PATH + '.lock';
const lockBody = (at: number, token = 'other'): string => JSON.stringify({ pid: 1, at, token });

describe('sidecar lock file', () => {
  it('is taken with createExclusive for each save and removed after it', async () => {
    const fo = new MemFileOps();
    const h = await new SidecarStore({ fileOps: fo, clock: fixedClock(), random: seededRandom(1), verifyDelayMs: -1 }).load(ARTICLE_PATH, ARTICLE);
    await h.add(rangeOf(ARTICLE, 'Not everyone is convinced'));
    const ops = fo.log.map((l) => l.split(' ')[0]! + (l.includes('.lock') ? ':lock' : ''));
    assert.equal(ops[ops.indexOf('create:lock') + 0], 'create:lock');
    assert.ok(ops.indexOf('create:lock') < ops.indexOf('rename'), 'lock taken before the rename');
    assert.ok(ops.lastIndexOf('delete:lock') > ops.indexOf('rename'), 'released after it');
    assert.equal(fo.files.has(LOCK), false);
  });

  it('waits while another holder has it, then saves', async () => {
    const fo = new MemFileOps();
    fo.put(LOCK, lockBody(Date.now()));
    const h = await new SidecarStore({ fileOps: fo, verifyDelayMs: -1 }).load(ARTICLE_PATH, ARTICLE);
    let saved = false;
    const p = h.add(rangeOf(ARTICLE, 'Not everyone is convinced')).then(() => (saved = true));
    await new Promise((r) => setTimeout(r, 80));
    assert.equal(saved, false, 'did not write while the lock was held');
    assert.equal(fo.files.has(SIDECAR_PATH), false);
    fo.files.delete(LOCK); // the other holder releases it
    await p;
    assert.equal(saved, true);
    assert.ok(fo.files.has(SIDECAR_PATH));
  });

  it('breaks a stale lock (a holder killed mid-save), a torn one too', async () => {
    for (const body of [lockBody(Date.now() - 60_000), '{"pid": 4', '']) {
      const fo = new MemFileOps();
      fo.put(LOCK, body);
      const h = await new SidecarStore({ fileOps: fo, verifyDelayMs: -1, lockStaleMs: 500 }).load(ARTICLE_PATH, ARTICLE);
      await h.add(rangeOf(ARTICLE, 'Not everyone is convinced'));
      assert.ok(fo.files.has(SIDECAR_PATH), JSON.stringify(body));
      assert.equal(fo.files.has(LOCK), false);
    }
  });

  it('never deletes a lock that is no longer its own', async () => {
    const fo = new MemFileOps();
    await withSidecarLock(fo, SIDECAR_PATH, { staleMs: 1000, timeoutMs: 1000 }, async () => {
      // Someone judged ours stale and took the lock meanwhile.
      fo.put(LOCK, lockBody(Date.now(), 'theirs'));
    });
    assert.equal(fo.text(LOCK), lockBody(JSON.parse(fo.text(LOCK)!).at as number, 'theirs'));
  });

  it('gives up with a clear error when the lock keeps being renewed', async () => {
    const fo = new MemFileOps();
    fo.put(LOCK, lockBody(Date.now()));
    const renew = setInterval(() => fo.put(LOCK, lockBody(Date.now())), 5);
    try {
      await assert.rejects(
        withSidecarLock(fo, SIDECAR_PATH, { staleMs: 100, timeoutMs: 150 }, async () => undefined),
        (e: unknown) => e instanceof SidecarLockTimeoutError && /\.lock/.test(e.message),
      );
    } finally {
      clearInterval(renew);
    }
  });

  it('without createExclusive (a minimal FileOps) saves still work, unlocked', async () => {
    const fo = new MemFileOps();
    (fo as { createExclusive?: unknown }).createExclusive = undefined;
    const h = await new SidecarStore({ fileOps: fo, verifyDelayMs: -1 }).load(ARTICLE_PATH, ARTICLE);
    await h.add(rangeOf(ARTICLE, 'Not everyone is convinced'));
    assert.ok(fo.files.has(SIDECAR_PATH));
    assert.ok(!fo.log.some((l) => l.includes('.lock')));
  });
});
