import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { makeTarget, resolveTarget, resolveTargets } from '../../../src/core/anchoring/anchor';
import { applyEdits, mapRangesThroughEdits, type TextEdit } from '../../../src/core/anchoring/edits';
import { levenshtein } from '../../../src/core/anchoring/similarity';
import { SidecarStore } from '../../../src/core/annotations/store';
import { parseSidecar } from '../../../src/core/annotations/yaml';
import { seededRandom } from '../../../src/core/annotations/ids';
import { MemFileOps } from '../annotations/memFileOps';

const ARTICLE = readFileSync(path.join(__dirname, '../../fixtures/annotations/harbour.txt'), 'utf8');

describe('anchoring: resolveTarget', () => {
  const q = 'Nobody asked us where the boats would tie up';
  const s = ARTICLE.indexOf(q);
  const t = makeTarget(ARTICLE, s, s + q.length);

  it('anchored at the stored offsets when quote and context are intact', () => {
    assert.deepEqual(resolveTarget(ARTICLE, t), { status: 'anchored', start: s, end: s + q.length, similarity: 1 });
  });

  it('moved when the text shifted', () => {
    const text = 'Editor’s note: updated.\n' + ARTICLE;
    const a = resolveTarget(text, t);
    assert.equal(a.status, 'moved');
    assert.equal(text.slice(a.start, a.end), q);
  });

  it('moved when only the context changed', () => {
    const text = ARTICLE.replace('"Nobody asked us', '— “Nobody asked us').replace('tie up," said its secretary', 'tie up," said the secretary');
    const a = resolveTarget(text, t);
    assert.equal(a.status, 'moved');
    assert.equal(text.slice(a.start, a.end), q);
  });

  it('fuzzy with a similarity when the quote itself was edited', () => {
    const text = ARTICLE.replace(q, 'Nobody asked us where the ferry would tie up');
    const a = resolveTarget(text, t);
    assert.equal(a.status, 'fuzzy');
    assert.ok(a.similarity > 0.85 && a.similarity < 1, String(a.similarity));
    assert.ok(text.slice(a.start, a.end).includes('ferry would tie up'));
  });

  it('orphaned when the passage is gone, and never placed on unrelated text', () => {
    const text = ARTICLE.replace(/Not everyone is convinced[^\n]*\n/, '');
    assert.equal(resolveTarget(text, t).status, 'orphaned');
    assert.equal(resolveTarget('A completely different article about rowing.', t).status, 'orphaned');
  });

  it('a short quote that occurs twice goes where its context is', () => {
    const rep = 'If the numbers are there, it stays';
    const second = ARTICLE.indexOf(rep, ARTICLE.indexOf(rep) + 1);
    const t2 = makeTarget(ARTICLE, second, second + rep.length);
    const text = ARTICLE.replace('Reyes said the board', 'Later, Reyes said the board');
    const a = resolveTarget(text, t2);
    assert.equal(a.status, 'moved');
    assert.equal(a.start, text.indexOf(rep, text.indexOf(rep) + 1));
  });

  it('resolveTargets keeps input order and carries the shift forward', () => {
    const quotes = ['night ferry', 'Tomas Reyes', 'Anna Kowal', 'two crossings'];
    const targets = quotes.map((x) => {
      const i = ARTICLE.indexOf(x);
      return makeTarget(ARTICLE, i, i + x.length);
    });
    const text = 'PREFIX '.repeat(10) + ARTICLE;
    const out = resolveTargets(text, [...targets].reverse());
    assert.deepEqual(
      out.map((a) => text.slice(a.start, a.end)),
      [...quotes].reverse(),
    );
  });

  it('levenshtein', () => {
    assert.equal(levenshtein('kitten', 'sitting'), 3);
    assert.equal(levenshtein('', 'abc'), 3);
    assert.equal(levenshtein('same', 'same'), 0);
  });
});

describe('anchoring: mapRangesThroughEdits', () => {
  it('shifts, grows, clips and collapses', () => {
    const r = { start: 10, end: 20 };
    const m = (edits: TextEdit[]) => mapRangesThroughEdits([r], edits)[0]!;
    assert.deepEqual(m([{ start: 0, end: 0, newText: 'abc' }]), { start: 13, end: 23, touched: false, collapsed: false });
    assert.deepEqual(m([{ start: 10, end: 10, newText: 'abc' }]), { start: 13, end: 23, touched: false, collapsed: false });
    assert.deepEqual(m([{ start: 20, end: 20, newText: 'abc' }]), { start: 10, end: 20, touched: false, collapsed: false });
    assert.deepEqual(m([{ start: 12, end: 14, newText: 'abcd' }]), { start: 10, end: 22, touched: true, collapsed: false });
    assert.deepEqual(m([{ start: 5, end: 15, newText: '' }]), { start: 5, end: 10, touched: true, collapsed: false });
    assert.deepEqual(m([{ start: 15, end: 25, newText: 'x' }]), { start: 10, end: 15, touched: true, collapsed: false });
    assert.equal(m([{ start: 5, end: 25, newText: 'xyz' }]).collapsed, true);
    assert.deepEqual(m([{ start: 0, end: 2, newText: '' }, { start: 25, end: 26, newText: 'q' }]), { start: 8, end: 18, touched: false, collapsed: false });
    assert.throws(() => mapRangesThroughEdits([r], [{ start: 1, end: 5, newText: '' }, { start: 3, end: 4, newText: '' }]));
  });

  it('property: an untouched range still holds the same text; surviving characters stay inside a touched one', () => {
    const arbCase = fc
      .tuple(fc.string({ minLength: 5, maxLength: 80 }), fc.nat(), fc.nat(), fc.array(fc.tuple(fc.nat(), fc.nat(6), fc.string({ maxLength: 6 })), { maxLength: 5 }))
      .map(([text, a, b, raw]) => {
        const s = a % (text.length - 1);
        const e = s + 1 + (b % (text.length - s - 1 || 1));
        // Non-overlapping edits against the same text.
        const edits: TextEdit[] = [];
        let floor = 0;
        for (const [p, len, newText] of raw.map(([p, l, t]) => [p % (text.length + 1), l, t] as const).sort((x, y) => x[0] - y[0])) {
          const st = Math.max(p, floor);
          if (st > text.length) break;
          const en = Math.min(text.length, st + len);
          edits.push({ start: st, end: en, newText });
          floor = en + (en === st ? 1 : 0);
        }
        return { text, range: { start: s, end: Math.min(e, text.length) }, edits };
      });
    fc.assert(
      fc.property(arbCase, ({ text, range, edits }) => {
        const out = applyEdits(text, edits);
        const m = mapRangesThroughEdits([range], edits)[0]!;
        assert.ok(m.start >= 0 && m.end <= out.length && m.start <= m.end);
        if (!m.touched) assert.equal(out.slice(m.start, m.end), text.slice(range.start, range.end));
        if (m.collapsed) assert.equal(m.start, m.end);
        else if (m.touched) {
          // The first and last surviving characters of the range are inside the mapped range.
          const survivors = [...text.slice(range.start, range.end)].filter((_, i) => !edits.some((e) => e.start <= range.start + i && range.start + i < e.end));
          assert.ok(m.end - m.start >= survivors.length);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

/** Random words for rewrites. */
const WORDS = ['council', 'said', 'the', 'ferry', 'on', 'Monday', 'would', 'not', 'vote', 'island', 'and', 'board', 'new', 'plan'];

interface Session {
  edits: TextEdit[][];
}

function arbSession(textLength: number): fc.Arbitrary<Session> {
  const edit = fc.record(
    {
      pos: fc.double({ min: 0, max: 1, noNaN: true }),
      del: fc.oneof(fc.constant(0), fc.nat(40), fc.nat(400)),
      ins: fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((ws) => (ws.length ? ws.join(' ') + ' ' : '')),
    },
    { noNullPrototype: true },
  );
  void textLength;
  return fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }).map((steps) => ({
    edits: steps.map((batch) => batch.map((e) => ({ start: e.pos, end: e.del, newText: e.ins }) as unknown as TextEdit)),
  }));
}

/** Turns relative edit descriptions into real, non-overlapping edits against `text`. */
function realize(text: string, batch: readonly TextEdit[]): TextEdit[] {
  const raw = batch
    .map((e) => {
      const start = Math.floor((e.start as number) * text.length);
      return { start, end: Math.min(text.length, start + (e.end as number)), newText: e.newText };
    })
    .sort((a, b) => a.start - b.start);
  const out: TextEdit[] = [];
  let floor = 0;
  for (const e of raw) {
    if (e.start < floor) continue;
    out.push(e);
    floor = e.end + 1;
  }
  return out;
}

describe('anchoring: re-attachment after random outside edits (property)', () => {
  it('never loses an annotation, never anchors one at a wrong place, re-attaches almost every intact passage', async () => {
    let intact = 0;
    let intactRight = 0;
    let wrongAnchored = 0;
    let lost = 0;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 8, max: 200 })), { minLength: 1, maxLength: 8 }),
        arbSession(ARTICLE.length),
        fc.integer(),
        async (spans, session, seed) => {
          n++;
          const fo = new MemFileOps();
          const store = new SidecarStore({ fileOps: fo, random: seededRandom(seed) });
          const h = await store.load('/a/x.txt', ARTICLE);
          const ids: string[] = [];
          let truth: { start: number; end: number; alive: boolean }[] = [];
          for (const [p, len] of spans) {
            const start = Math.min(ARTICLE.length - 2, Math.floor(p * ARTICLE.length));
            const end = Math.min(ARTICLE.length, start + len);
            ids.push((await h.add({ start, end })).annotation.id);
            truth.push({ start, end, alive: true });
          }
          let text = ARTICLE;
          for (const batch of session.edits) {
            const edits = realize(text, batch);
            const mapped = mapRangesThroughEdits(truth, edits);
            truth = truth.map((t, i) => ({ start: mapped[i]!.start, end: mapped[i]!.end, alive: t.alive && !mapped[i]!.touched }));
            text = applyEdits(text, edits);
          }
          const h2 = await store.load('/a/x.txt', text);
          await h2.saveAnchors();
          const saved = fo.files.has('/a/x.txt.annotations.yaml') ? parseSidecar(fo.text('/a/x.txt.annotations.yaml')!, 'x').data.annotations.length : 0;
          if (saved !== ids.length) lost += ids.length - saved;
          ids.forEach((id, i) => {
            const r = h2.get(id);
            if (!r) {
              lost++;
              return;
            }
            const t = truth[i]!;
            const right = r.start === t.start && r.end === t.end;
            if (t.alive) {
              intact++;
              if (right) intactRight++;
            }
            // Anchored means "at the stored offsets with its text": it must be the right place when the passage is intact.
            if (r.status === 'anchored' && t.alive && !right) wrongAnchored++;
            if (r.status !== 'orphaned' && r.status !== 'fuzzy') assert.equal(text.slice(r.start, r.end), r.annotation.target.exact);
          });
        },
      ),
      { numRuns: 200 },
    );
    assert.equal(lost, 0, 'annotations lost');
    assert.equal(wrongAnchored, 0, 'anchored at a wrong place');
    assert.ok(intactRight / intact >= 0.95, `re-attached ${intactRight}/${intact} intact passages in ${n} sessions`);
  });
});
