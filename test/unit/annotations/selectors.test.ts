import { strict as assert } from 'node:assert';
import { fromSelectors, toSelectors, toW3CAnnotation } from '../../../src/core/annotations/selectors';

describe('W3C selectors', () => {
  const target = { exact: 'night ferry', prefix: 'run a ', suffix: ' between', start: 10, end: 21 };
  it('round-trips a target through TextQuote + TextPosition selectors', () => {
    assert.deepEqual(fromSelectors(toSelectors(target)), target);
    assert.equal(fromSelectors([{ type: 'TextPositionSelector', start: 1, end: 2 }]), undefined);
  });
  it('exports tags, note, speaker and author in the Web Annotation model', () => {
    const w = toW3CAnnotation({ id: 'k1ddpg1f', kind: 'quote', target, tags: ['ferry'], note: 'check', speaker: 'Reyes', author: 'Elin', created: '2025-01-01T00:00:00.000Z' }, 'file:///news/harbour.txt');
    assert.equal(w.id, 'urn:news-annotator:k1ddpg1f');
    assert.deepEqual(w.body.map((b) => b.purpose), ['tagging', 'commenting', 'describing']);
    assert.equal(w.creator?.name, 'Elin');
    assert.equal(w.target.selector[0].exact, 'night ferry');
  });
});
