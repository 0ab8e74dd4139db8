import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle, CorrectionsError, entityId, parseEntityCorrections } from '../../../src/core/analysis/index';
import { contextScoresFast, contextScoresReference, wordOnlyScores, wordScoresReference } from '../../../src/core/analysis/ner/perceptron';
import { contextFeatures, docEvidence } from '../../../src/core/analysis/ner/features';
import { tokenize } from '../../../src/core/analysis/tokenize';

const fixture = (name: string) => readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'analysis', name), 'utf8');

describe('analysis: named entities', () => {
  const text = [
    'Leaders meet in Geneva',
    '',
    'German Chancellor Olaf Scholz met Vladimir Putin in Geneva on Monday. Mr Putin arrived late.',
    '',
    'Putin later flew to Moscow, while Scholz spoke to the United Nations about the United States.',
    '',
    'Officials in the US said America would respond. The UN did not comment.',
    '',
  ].join('\n');

  it('merges "Mr Putin", "Putin" and "Vladimir Putin" under the fullest name, with every mention', () => {
    const a = analyzeArticle(text);
    const putin = a.entities.find((e) => e.name === 'Vladimir Putin');
    assert.ok(putin, JSON.stringify(a.entities.map((e) => e.name)));
    assert.equal(putin.type, 'person');
    assert.equal(putin.id, 'vladimir-putin');
    assert.deepEqual(
      putin.mentions.map((m) => m.text),
      ['Vladimir Putin', 'Mr Putin', 'Putin'],
    );
    for (const m of putin.mentions) assert.equal(text.slice(m.start, m.end), m.text);
  });

  it('merges "US", "the United States" and "America" into one place, and "UN" with "United Nations"', () => {
    const a = analyzeArticle(text);
    const us = a.entities.filter((e) => e.id === 'united-states');
    assert.equal(us.length, 1);
    assert.deepEqual(new Set(us[0]!.mentions.map((m) => m.text)), new Set(['United States', 'US', 'America']));
    const un = a.entities.find((e) => e.name === 'United Nations');
    assert.ok(un);
    assert.equal(un.type, 'organization');
    assert.equal(un.mentions.length, 2);
  });

  it('gives ids from the name only (never the type), stable across articles', () => {
    assert.equal(entityId('person', 'Donald J. Trump'), entityId('person', 'Donald Trump'));
    assert.equal(entityId('person', 'Vladimir Putin'), 'vladimir-putin');
    assert.equal(entityId('place', 'São Paulo'), 'sao-paulo');
    const a1 = analyzeArticle(fixture('wire-story.txt'));
    const a2 = analyzeArticle('Another story\n\nThe new school in Bergvik opened on Friday, Mayor Ingrid Halvorsen said.\n');
    const id1 = a1.entities.find((e) => e.name === 'Ingrid Halvorsen')?.id;
    const id2 = a2.entities.find((e) => e.name === 'Ingrid Halvorsen')?.id;
    assert.ok(id1);
    assert.equal(id1, id2);
  });

  it('keeps page furniture and the byline out of the entities', () => {
    const a = analyzeArticle(fixture('web-clip.txt'));
    const names = a.entities.map((e) => e.name);
    assert.ok(!names.some((n) => /Harbour Daily|Ferry|Petra Lind/.test(n)), names.join(', '));
    assert.ok(names.includes('Jonas Eklund'));
    assert.ok(names.includes('Nordic Pilots Federation'));
  });

  it('applies user corrections: fix a type, merge aliases, suppress a false positive', () => {
    const corrections = parseEntityCorrections(
      [
        'entities:',
        '  - name: Bergvik Fishing Association',
        '    aliases: [BFA, the fishermen’s association]',
        '  - name: Oslo',
        '    type: place',
        '    aliases: [OSLO]',
        '  - name: Norwegian Coastal Administration',
        '    type: organization',
        'suppress:',
        '  - Bergvik',
        '',
      ].join('\n'),
    );
    const text2 = fixture('wire-story.txt') + '\nThe BFA said it would appeal.\n';
    const a = analyzeArticle(text2, { corrections });
    const bfa = a.entities.find((e) => e.name === 'Bergvik Fishing Association');
    assert.ok(bfa);
    assert.ok(bfa.mentions.some((m) => m.text === 'BFA'), 'alias found and merged');
    assert.equal(a.entities.find((e) => e.name === 'Oslo')?.type, 'place');
    assert.ok(!a.entities.some((e) => e.name === 'Bergvik'), 'suppressed');
    assert.equal(a.entities.find((e) => e.name === 'Norwegian Coastal Administration')?.type, 'organization');
  });

  it('a typed suppression drops a name only when its final type is that type (not the first guess of the recogniser)', () => {
    const text = [
      'Ferry operator fined',
      '',
      'Nordmark Shipping was fined on Monday after a ferry ran aground near Halsvik, the maritime authority said.',
      '',
      '"We accept the decision," said Ingrid Solberg, a spokeswoman for Nordmark Shipping.',
      '',
    ].join('\n');
    const plain = analyzeArticle(text);
    const ship = plain.entities.find((e) => e.name === 'Nordmark Shipping');
    assert.equal(ship?.type, 'organization', 'the analysis types it an organisation');
    const asOrg = analyzeArticle(text, { corrections: parseEntityCorrections('suppress:\n  - text: Nordmark Shipping\n    type: organization\n') });
    assert.ok(!asOrg.entities.some((e) => e.name === 'Nordmark Shipping'), 'suppressed as the organisation it is');
    assert.ok(asOrg.entities.some((e) => e.name === 'Ingrid Solberg'), 'other entities stay');
    const asPerson = analyzeArticle(text, { corrections: parseEntityCorrections('suppress:\n  - text: Nordmark Shipping\n    type: person\n') });
    assert.equal(asPerson.entities.find((e) => e.name === 'Nordmark Shipping')?.type, 'organization', 'a rule for another type leaves it');
  });

  it('parses the corrections file strictly, with readable errors', () => {
    assert.deepEqual(parseEntityCorrections(''), { entities: [], suppress: [] });
    const c = parseEntityCorrections('entities:\n  - name: Kremlin\n    type: org\nsuppress:\n  - text: Via FT\n    type: place\n');
    assert.deepEqual(c.entities, [{ name: 'Kremlin', type: 'organization', aliases: [] }]);
    assert.deepEqual(c.suppress, [{ text: 'Via FT', type: 'place' }]);
    assert.throws(() => parseEntityCorrections('entities: [\n'), CorrectionsError);
    assert.throws(() => parseEntityCorrections('entities:\n  - name: X\n    type: planet\n'), /unknown type "planet"/);
    assert.throws(() => parseEntityCorrections('people: []\n'), /unknown key "people"/);
    assert.throws(() => parseEntityCorrections('entities:\n  - aliases: [a]\n'), /"name" is required/);
  });

  it('scores context features on the fast path exactly as the trainer does', () => {
    const sentences = ['Russian President Vladimir Putin met U.S. envoys in Moscow on Friday .', 'LEICESTERSHIRE TAKE OVER AT TOP', 'He said the Bank of England would act .', 'Moscow and the bank agreed , Putin said .'];
    const words = sentences.map((s) => s.split(' '));
    const ev = docEvidence(words);
    for (const w of words) {
      for (let i = 0; i < w.length; i++) {
        const a = contextScoresReference(w, i, ev);
        const b = contextScoresFast(w, i, ev);
        for (let k = 0; k < a.length; k++) assert.ok(Math.abs(a[k]! - b[k]!) < 1e-4, `${w[i]} label ${k}: ${a[k]} vs ${b[k]}`);
      }
    }
  });

  it('gives every mention of a capitalised form the lower-case words around all its mentions (context aggregation)', () => {
    const words = ['He joined the Caloi company .', 'Caloi said on Monday that sales fell .', 'CALOI WINS', 'Sales at caloi rose .'].map((s) => s.split(' '));
    const ev = docEvidence(words);
    const around = ev.around.get('caloi')!;
    // from both sentences with a capitalised "Caloi", in order met; never from the headline or the lower-case form
    assert.deepEqual(around.before, ['the']);
    assert.deepEqual(around.after, ['company', 'said']);
    const f = contextFeatures(words[1]!, 0, ev, false);
    assert.ok(f.includes('ap=the') && f.includes('an=company') && f.includes('an=said'), f.join(' '));
    assert.ok(!contextFeatures(words[3]!, 2, ev, false).some((x) => x.startsWith('ap=') || x.startsWith('an=')), 'not for a word in lower case');
    // at most 12 words per form, both sides together
    const many = Array.from({ length: 20 }, (_, k) => ['the', `w${k}`, 'Nordvik', `v${k}`, '.']);
    const a = docEvidence(many).around.get('nordvik')!;
    assert.equal(a.before.length + a.after.length, 12);
  });

  it('scores word-only features from the per-template index exactly as from the feature strings', () => {
    for (const w of ['Putin', 'putin', 'Geneva', 'the', 'U.S.', 'R-Wis.', 'anti-war', 'Kremlin-backed', 'a', 'I', '1,200', 'Ōsaka', 'x=y', 'a|b', 'NATO']) {
      const a = wordScoresReference(w);
      const b = wordOnlyScores(w);
      assert.equal(b.length, a.length);
      // the runtime sums the file's whole numbers exactly; the reference sums rounded 32-bit floats
      for (let k = 0; k < a.length; k++) assert.ok(Math.abs(a[k]! - b[k]!) < 1e-3, `${w} label ${k}: ${a[k]} vs ${b[k]}`);
    }
  });

  it('tokenises like the training data: possessives and n\'t split, abbreviations kept', () => {
    const t = tokenize("Russia’s U.S. envoy didn't go to Washington, Mr. Smith (R-Wis.) said.").map((x) => x.text);
    assert.deepEqual(t, ['Russia', '’s', 'U.S.', 'envoy', 'did', "n't", 'go', 'to', 'Washington', ',', 'Mr.', 'Smith', '(', 'R-Wis.', ')', 'said', '.']);
  });
});
