/**
 * Real `git merge` of sidecars changed on two branches through the store API, as two people would. Skipped when
 * no `git` binary is on the PATH.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { seededRandom } from '../../../src/core/annotations/ids';
import { parseSidecar } from '../../../src/core/annotations/yaml';
import { SidecarStore } from '../../../src/core/annotations/store';
import { nodeFileOps } from '../../../src/node/nodeFileOps';
import { ARTICLE, fixedClock, rangeOf } from './helpers';

const FIXTURE = path.join(__dirname, '../../fixtures/annotations/harbour.txt');
const hasGit = spawnSync('git', ['--version']).status === 0;

/** Passages of the fixture, in document order. */
const P = {
  title: 'Harbour board approves night ferry trial',
  voted: 'The harbour board voted on Tuesday',
  listened: 'We have listened to the islanders',
  convinced: 'Not everyone is convinced',
  tieUp: 'Nobody asked us where the boats would tie up',
  twoCrossings: 'it would add two crossings after 10pm',
  may: 'We can start in May',
  publish: 'the board would publish passenger numbers every month',
};

describe('sidecars in a real git merge', function () {
  this.timeout(60_000);
  let dir: string;
  let seed = 1;
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' },
    });
  const article = (): string => path.join(dir, 'harbour.txt');
  const sidecar = (): string => article() + '.annotations.yaml';
  const handle = async (): Promise<Awaited<ReturnType<SidecarStore['load']>>> =>
    new SidecarStore({ fileOps: nodeFileOps, clock: fixedClock(`2025-03-1${seed % 10}T09:00:00.000Z`), random: seededRandom(seed++), verifyDelayMs: -1 }).load(article(), ARTICLE);
  const annotate = async (quote: string, extra: { tags?: string[]; note?: string } = {}): Promise<string> => (await (await handle()).add({ ...rangeOf(ARTICLE, quote), ...extra })).annotation.id;
  const commitAll = (msg: string): void => {
    git('add', '-A');
    git('commit', '-q', '-m', msg);
  };
  /** Merges `other` into the current branch: true when clean. */
  const merge = (other: string): boolean => spawnSync('git', ['merge', '--no-edit', '-q', other], { cwd: dir, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } }).status === 0;
  const merged = (): ReturnType<typeof parseSidecar>['data'] => parseSidecar(readFileSync(sidecar(), 'utf8'), sidecar()).data;

  before(function () {
    if (!hasGit) this.skip();
  });
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'na-git-'));
    git('init', '-q', '-b', 'main');
    cpSync(FIXTURE, article());
  });
  afterEach(() => (process.env.KEEP_GIT ? console.log(dir) : rmSync(dir, { recursive: true, force: true })));

  /** Base commit with the given annotations; then branch `a` and `b` from it. */
  async function base(quotes: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const q of quotes) ids.push(await annotate(q, { tags: ['base'] }));
    commitAll('base');
    git('branch', 'a');
    git('branch', 'b');
    return ids;
  }

  it('two branches annotating different passages merge cleanly, both annotations kept', async () => {
    const [baseId] = await base([P.convinced]);
    git('checkout', '-q', 'a');
    const idA = await annotate(P.voted, { tags: ['a'], note: 'from branch a\nsecond line' });
    commitAll('a');
    git('checkout', '-q', 'b');
    const idB = await annotate(P.may, { tags: ['b'] });
    commitAll('b');
    git('checkout', '-q', 'a');
    assert.ok(merge('b'), git('status', '--short'));
    const ids = merged().annotations.map((x) => x.id);
    assert.deepEqual(ids, [idA, baseId, idB]);
    // And the store reads the merged file with all three anchored.
    assert.deepEqual((await handle()).list().map((r) => r.status), ['anchored', 'anchored', 'anchored']);
  });

  it('a note changed on one branch and a tag on the neighbouring annotation on the other merge cleanly', async () => {
    const [n1, n2] = await base([P.listened, P.tieUp]);
    git('checkout', '-q', 'a');
    await (await handle()).update(n1!, { note: 'Check the board minutes.' });
    commitAll('a');
    git('checkout', '-q', 'b');
    await (await handle()).update(n2!, { addTags: ['fishermen'] });
    commitAll('b');
    git('checkout', '-q', 'a');
    assert.ok(merge('b'), git('status', '--short'));
    const d = merged();
    assert.equal(d.annotations.find((x) => x.id === n1)!.note, 'Check the board minutes.');
    assert.deepEqual(d.annotations.find((x) => x.id === n2)!.tags, ['base', 'fishermen']);
  });

  it('a new annotation right after one whose note changed on the other branch merges cleanly (blank line between blocks)', async () => {
    const [n1] = await base([P.listened, P.publish]);
    git('checkout', '-q', 'a');
    await (await handle()).update(n1!, { note: 'Changed on a' });
    commitAll('a');
    git('checkout', '-q', 'b');
    // In document order this lands between the two base annotations, right after n1's block.
    const idB = await annotate(P.tieUp, { tags: ['b'] });
    commitAll('b');
    git('checkout', '-q', 'a');
    assert.ok(merge('b'), git('status', '--short'));
    const d = merged();
    assert.equal(d.annotations.length, 3);
    assert.equal(d.annotations[1]!.id, idB);
    assert.equal(d.annotations[0]!.note, 'Changed on a');
  });

  it('two branches each creating the sidecar (first annotation of the article) get an add/add conflict (documented limit)', async () => {
    commitAll('article only');
    git('branch', 'a');
    git('branch', 'b');
    git('checkout', '-q', 'a');
    await annotate(P.voted);
    commitAll('a');
    git('checkout', '-q', 'b');
    await annotate(P.may);
    commitAll('b');
    git('checkout', '-q', 'a');
    assert.equal(merge('b'), false);
    assert.match(git('status', '--short'), /^AA harbour\.txt\.annotations\.yaml/m);
    git('merge', '--abort');
  });

  it('two branches adding annotations at the same place in the list conflict (documented limit)', async () => {
    await base([P.title]);
    git('checkout', '-q', 'a');
    await annotate(P.twoCrossings);
    commitAll('a');
    git('checkout', '-q', 'b');
    await annotate(P.may);
    commitAll('b');
    git('checkout', '-q', 'a');
    // Both blocks are appended after the same last block: git cannot order them, a conflict it reports.
    assert.equal(merge('b'), false);
    git('merge', '--abort');
  });
});
