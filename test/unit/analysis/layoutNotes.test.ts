import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../../../src/core/analysis/index';

const STORY = [
  'Thursday / June 12.',
  'The Harbour Ledger | Home | Coast | Business',
  '',
  'Ferry operator cuts winter crossings',
  '',
  'By Nora Vik',
  '',
  'Wednesday 4 December 2024',
  '',
  'The island ferry will sail twice a day from January, the operator said on Tuesday, after a year of losses on the route.',
  '',
  '“We cannot run empty boats,” said Tor Lunde, its director.',
  '',
].join('\n');

describe('analysis: layout with page furniture dates and editors\' notes', () => {
  it('takes a weekday-and-date site header line as page furniture, not as the publication date', () => {
    const a = analyzeArticle(STORY);
    assert.equal(a.metadata.date, 'Wednesday 4 December 2024');
    assert.equal(a.metadata.dateIso, '2024-12-04');
    assert.ok(a.furniture.some((f) => STORY.slice(f.start, f.end) === 'Thursday / June 12.'));
  });

  it('reports a header date without a year as nothing rather than inventing one', () => {
    const text = 'Monday / May 3.\n\nFerry operator cuts winter crossings\n\nThe island ferry will sail twice a day from January, the operator said on Tuesday.\n';
    const a = analyzeArticle(text);
    assert.equal(a.metadata.dateIso, null);
    assert.notEqual(a.metadata.date, 'Monday / May 3.');
    assert.equal(a.metadata.title, 'Ferry operator cuts winter crossings');
  });

  it('keeps headline, byline, date and dateline when an editor\'s note is added above or below', () => {
    const plain = analyzeArticle(STORY).metadata;
    for (const note of ["EDITOR'S NOTE: An earlier version of this story gave the wrong day for the first crossing.", 'Correction: the director’s name was misspelt in an earlier version.']) {
      const above = analyzeArticle(note + '\n\n' + STORY).metadata;
      const below = analyzeArticle(STORY + '\n' + note + '\n').metadata;
      for (const m of [above, below]) {
        assert.equal(m.title, plain.title, note);
        assert.equal(m.author, plain.author);
        assert.equal(m.date, plain.date);
        assert.equal(m.dateline, plain.dateline);
      }
    }
    const wire = 'Harbour wall approved\n\nTROMSØ (Reuters) — The council approved the new harbour wall on Monday, its leader said.\n';
    const m = analyzeArticle("EDITOR'S NOTE: Updated with the vote count.\n\n" + wire).metadata;
    assert.equal(m.dateline, 'TROMSØ (Reuters)');
    assert.equal(m.title, 'Harbour wall approved');
  });

  const seeds = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'seeds');
  (existsSync(seeds) ? it : it.skip)('seeds: no header date taken as the publication date; a note on top changes no metadata', () => {
    for (const f of readdirSync(seeds).filter((x) => x.endsWith('.txt'))) {
      const text = readFileSync(path.join(seeds, f), 'utf8').replace(/^\uFEFF/, '');
      const m = analyzeArticle(text).metadata;
      assert.ok(!(m.date && /\//.test(m.date) && !m.dateIso), `${f}: header date ${m.date}`);
      const noted = analyzeArticle("EDITOR'S NOTE: This story was updated to correct a name.\n\n" + text).metadata;
      assert.deepEqual({ ...noted, titleSpan: null }, { ...m, titleSpan: null }, f);
    }
  });
});
