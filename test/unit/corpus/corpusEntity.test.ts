import { strict as assert } from 'node:assert';
import { corpusEntityFacts } from '../../../src/core/corpus/corpusEntity';
import { CorpusIndex } from '../../../src/core/corpus';
import { deserializeCorpusIndex, serializeCorpusIndex } from '../../../src/core/cache/corpusCache';
import { fakeAnalysis } from './fakeAnalysis';

describe('an entity across the corpus', () => {
  it('is uncertain only when every article naming it is unsure of it', () => {
    assert.equal(corpusEntityFacts([{ type: 'person', uncertain: true }, { type: 'person', uncertain: true }]).uncertain, true);
    assert.equal(corpusEntityFacts([{ type: 'person', uncertain: true }, { type: 'person' }]).uncertain, false);
    assert.equal(corpusEntityFacts([{ type: 'place' }]).uncertain, false);
  });

  it('takes the type most articles give it, the first among equals', () => {
    assert.equal(corpusEntityFacts([{ type: 'place' }, { type: 'organization' }, { type: 'organization' }]).type, 'organization');
    assert.equal(corpusEntityFacts([{ type: 'place' }, { type: 'organization' }]).type, 'place');
  });

  it('the index record and its cache keep an article\'s uncertain flag', () => {
    const text = 'Ferry fares rise\n\nTarnvik Dorrow was blamed by Anna Lund.\n';
    const a = fakeAnalysis(text, [{ name: 'Tarnvik Dorrow', type: 'person' }, { name: 'Anna Lund', type: 'person' }]);
    const analysis = { ...a, entities: a.entities.map((e) => (e.name === 'Tarnvik Dorrow' ? { ...e, uncertain: true as const } : e)) };
    const index = new CorpusIndex();
    index.upsert({ path: '/ws/a.txt', text, analysis });
    const restored = deserializeCorpusIndex(serializeCorpusIndex(index, 'k'), 'k');
    const ents = restored.records()[0]!.entities;
    assert.equal(ents.find((e) => e.name === 'Tarnvik Dorrow')?.uncertain, true);
    assert.equal(ents.find((e) => e.name === 'Anna Lund')?.uncertain, undefined);
    assert.deepEqual(ents, index.records()[0]!.entities);
  });
});
