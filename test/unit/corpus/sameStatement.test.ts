import { strict as assert } from 'node:assert';
import { CorpusIndex } from '../../../src/core/corpus/index/corpusIndex';
import { shortQuoteSimilarity } from '../../../src/core/corpus/related/sameQuote';
import { deserializeCorpusIndex, serializeCorpusIndex } from '../../../src/core/cache/corpusCache';
import { allWords, contentTokens, hashString, passageKeys, shingles, sortedUnique, termKey } from '../../../src/core/corpus/tokenize';
import type { RelatedResult } from '../../../src/core/corpus/types';
import { fakeAnalysis, type KnownEntity } from './fakeAnalysis';

const PEOPLE: KnownEntity[] = [
  { name: 'Kestrel Bay', type: 'place' },
  { name: 'Mara Lind', type: 'person', aliases: ['Lind'] },
  { name: 'Oskar Vehn', type: 'person', aliases: ['Vehn'] },
  { name: 'Ines Moro', type: 'person', aliases: ['Moro'] },
];

/** Written for these tests: a strike reported by two outlets in different words, and articles around it. */
const ARTICLES: Record<string, string> = {
  'tribune-strike.txt':
    'Dockworkers in Kestrel Bay walk out\n\n' +
    'Dockworkers in Kestrel Bay began an indefinite strike on Tuesday after talks over night-shift pay collapsed, leaving forty container ships waiting offshore.\n\n' +
    'Union leader Mara Lind said the port authority had refused to discuss overtime rates.\n',
  'courier-strike.txt':
    'Port stoppage strands ships\n\n' +
    'Forty container ships were left waiting offshore as Kestrel Bay dockworkers downed tools on Tuesday, when negotiations on night-shift pay broke down.\n\n' +
    'The harbour master expects the queue to grow by the weekend.\n',
  'gazette-library.txt':
    'A library for Kestrel Bay\n\n' +
    'The new library in Kestrel Bay opened on Tuesday after talks with the council over pay for its staff.\n',
  'ledger-council.txt':
    'Council talks stall\n\n' +
    'Talks on council pay stalled on Tuesday and the council said more talks would follow next week.\n\n' +
    'The council also discussed pay for bus drivers and talks on parking.\n',
  'herald-weather.txt':
    'Storm warning\n\n' +
    'Forecasters said a storm would reach the coast on Tuesday, and ferries may stay in port.\n\n' +
    'Talks between the ferry companies on pay were postponed.\n',
  'post-football.txt':
    'Cup final\n\n' +
    '“Winning the cup here was a dream come true for the whole squad,” coach Ines Moro said on Tuesday.\n\n' +
    'The players were given pay rises after talks with the club.\n',
  'bakery.txt':
    'Award for a bakery\n\n' +
    'For the bakery owner, the regional award was a dream come true after twenty years of early mornings.\n',
  'names-only.txt':
    'Profiles\n\n' +
    'Mara Lind and Oskar Vehn of Kestrel Bay were both born in the town.\n',
};

function build(extra: Record<string, string> = {}): CorpusIndex {
  const idx = new CorpusIndex();
  for (const [p, text] of Object.entries({ ...ARTICLES, ...extra })) idx.upsert({ path: p, text, analysis: fakeAnalysis(text, PEOPLE) });
  return idx;
}

const reason = (r: RelatedResult | undefined, kind: string) => r?.reasons.find((x) => x.kind === kind);

describe('corpus index: same statement in other words', () => {
  it('posts a key per content word beside the word-pair shingles, never equal to a pair key', () => {
    const terms = contentTokens('forty container ships waiting offshore').map((t) => t.term);
    const keys = passageKeys(terms);
    for (const t of terms) assert.ok(keys.includes(termKey(t)), t);
    for (const s of shingles(terms)) assert.ok(keys.includes(s));
    assert.ok(!terms.some((t) => shingles(terms).includes(termKey(t))));
    assert.notEqual(termKey('ship'), hashString('ship'));
  });

  it('finds the same fact reported by another outlet in other words, with the shared words as its reason', () => {
    const idx = build();
    const text = idx.textOf('tribune-strike.txt')!;
    const related = idx.related('tribune-strike.txt', text.indexOf('indefinite strike'));
    const courier = related.find((r) => r.path === 'courier-strike.txt' && r.passage === 1);
    assert.ok(courier, 'the courier report of the strike');
    const r = reason(courier, 'same-statement')!;
    assert.ok(r, 'a same-statement reason');
    assert.ok(r.similarity! > 0 && r.similarity! <= 1);
    assert.ok(Math.abs(r.score - 2 * r.similarity!) < 0.002, 'score = 2 × similarity');
    assert.match(r.detail, /^same statement in other words, \d+% alike: /);
    // Rare words are listed (as written in the source), common ones are not what made the match.
    assert.match(r.detail, /offshore|container|forty/i);
    assert.ok(r.keys!.includes('offshor') || r.keys!.includes('container'));
    // The span is the matching sentence, and the result ranks first.
    assert.equal(courier.kind, 'sentence');
    assert.ok(courier.text.startsWith('Forty container ships'));
    assert.equal(related[0], courier);
    // Not a near-duplicate: no same-quote.
    assert.ok(!reason(courier, 'same-quote'));
  });

  it('does not take shared common words for the same statement', () => {
    const idx = build();
    const text = idx.textOf('tribune-strike.txt')!;
    const related = idx.related('tribune-strike.txt', text.indexOf('indefinite strike'), { limit: 50 });
    // The library, the council and the weather share "Tuesday", "talks" and "pay" (in every article here).
    for (const p of ['gazette-library.txt', 'ledger-council.txt', 'herald-weather.txt']) {
      assert.ok(!related.some((r) => r.path === p && reason(r, 'same-statement')), p);
    }
    // The library still shares the place (shared-entities), and ranks after the restatement.
    const lib = related.findIndex((r) => r.path === 'gazette-library.txt');
    const courier = related.findIndex((r) => r.path === 'courier-strike.txt');
    assert.ok(lib > courier && courier >= 0);
  });

  it('wants words besides names, and more when the two share no entity or speaker', () => {
    const idx = build();
    const football = idx.textOf('post-football.txt')!;
    const rel = idx.related('post-football.txt', football.indexOf('dream come true'), { limit: 50 });
    // "a dream come true" in an unrelated story about a bakery: three shared words, no shared entity.
    assert.ok(!rel.some((r) => r.path === 'bakery.txt'));
    // Names alone (Mara Lind, Kestrel Bay) make no same statement.
    const tribune = idx.textOf('tribune-strike.txt')!;
    const byNames = idx.related('tribune-strike.txt', tribune.indexOf('Union leader'), { limit: 50 }).find((r) => r.path === 'names-only.txt');
    assert.ok(byNames && !reason(byNames, 'same-statement'), 'linked by shared entities only');
  });

  it('gives a near-duplicate its same-quote reason only', () => {
    const copy = 'Wire copy\n\nDockworkers in Kestrel Bay began an indefinite strike on Tuesday after talks over night-shift pay collapsed, leaving forty ships waiting offshore.\n';
    const idx = build({ 'wire.txt': copy });
    const text = idx.textOf('tribune-strike.txt')!;
    const related = idx.related('tribune-strike.txt', text.indexOf('indefinite strike'));
    assert.equal(related[0]?.path, 'wire.txt');
    assert.ok(reason(related[0], 'same-quote'));
    assert.ok(!reason(related[0], 'same-statement'));
    assert.ok(reason(related.find((r) => r.path === 'courier-strike.txt'), 'same-statement'));
  });

  it('follows changes to the corpus and survives the cache', () => {
    const idx = build();
    const text = idx.textOf('tribune-strike.txt')!;
    const at = text.indexOf('indefinite strike');
    const before = idx.related('tribune-strike.txt', at);
    assert.deepEqual(deserializeCorpusIndex(serializeCorpusIndex(idx)).related('tribune-strike.txt', at), before);
    idx.remove('courier-strike.txt');
    assert.ok(!idx.related('tribune-strike.txt', at).some((r) => r.path === 'courier-strike.txt'));
    idx.upsert({ path: 'courier-strike.txt', text: ARTICLES['courier-strike.txt']!, analysis: fakeAnalysis(ARTICLES['courier-strike.txt']!, PEOPLE) });
    assert.deepEqual(idx.related('tribune-strike.txt', at), before);
  });
});

describe('corpus index: short quotations compared word for word', () => {
  const seg = (s: string) => {
    const terms = contentTokens(s).map((t) => t.term);
    return { uni: sortedUnique(Uint32Array.from(terms, (t) => hashString(t))), words: allWords(s) };
  };

  it('scores a copy with a word dropped high, the same few content words in another sentence 0', () => {
    const src = seg('We were not ready for it and we knew it at the time');
    const copy = seg('We were not ready for it and we knew it at that time');
    const dropped = seg('we were not ready for it and knew it at the time');
    const other = seg('At the time nobody knew the ferry was ready to sail');
    const scattered = seg('We were told it was ready, and later we knew that it had been for a long time at the yard');
    assert.ok(shortQuoteSimilarity(src, copy, () => copy.words) > 0.85);
    assert.ok(shortQuoteSimilarity(src, dropped, () => dropped.words) > 0.85);
    assert.equal(shortQuoteSimilarity(src, other, () => other.words), 0);
    assert.equal(shortQuoteSimilarity(src, scattered, () => scattered.words), 0);
  });

  it('finds the copy of a quotation of only 3 content words first, and not a sentence that only shares them', () => {
    const idx = build({
      'source.txt': 'Ferry delays\n\n“We were not ready for it and we knew it at the time,” Oskar Vehn said of the winter timetable.\n',
      'copy.txt': 'Timetable trouble\n\nAs a ferry official put it, “We were not ready for it and knew it at the time.”\n',
      'other.txt': 'Ferry ready\n\nAt the time nobody knew the new ferry was ready to sail, the yard said.\n',
      'work.txt': 'Harbour wall\n\n“There is a lot of work still to be done,” Mara Lind said.\n',
      'work-other.txt': 'Repairs\n\nA lot of work is being done to repair the harbour wall before the storm.\n',
    });
    const src = idx.textOf('source.txt')!;
    const rel = idx.related('source.txt', src.indexOf('ready'));
    assert.equal(rel[0]?.path, 'copy.txt');
    assert.equal(rel[0]?.reasons[0]?.kind, 'same-quote');
    assert.ok(!rel.some((r) => r.path === 'other.txt' && reason(r, 'same-quote')));
    const work = idx.textOf('work.txt')!;
    const rel2 = idx.related('work.txt', work.indexOf('lot of work'), { limit: 50 });
    assert.ok(!rel2.some((r) => r.path === 'work-other.txt' && reason(r, 'same-quote')), 'shares "a lot of work ... done" only');
  });
});
