import { strict as assert } from 'node:assert';
import { analyzeArticle, entityId, parseEntityCorrections } from '../../../src/core/analysis';

describe('entity ids (stable across types and canonical forms)', () => {
  it('never depend on the type', () => {
    for (const name of ['Anna Kowal', 'Kremlin', 'Skerra Lines', 'São Paulo', 'Donald J. Trump']) {
      assert.equal(entityId('person', name), entityId('organization', name), name);
      assert.equal(entityId('person', name), entityId('place', name), name);
    }
    assert.ok(!entityId('organization', 'Skerra Lines').includes(':'));
  });

  it('do not change with case, accents, punctuation, a leading "the", an honorific or a middle initial', () => {
    assert.equal(entityId('place', 'SÃO PAULO'), 'sao-paulo');
    assert.equal(entityId('organization', 'the Kremlin'), entityId('organization', 'Kremlin'));
    assert.equal(entityId('person', 'Mr Tomas Reyes'), entityId('person', 'Tomas Reyes'));
    assert.equal(entityId('person', 'Dr. Tomas Reyes'), 'tomas-reyes');
    assert.equal(entityId('organization', 'Donald J. Trump'), 'donald-trump');
    assert.equal(entityId('person', 'Anna Maria Kowal'), 'anna-kowal', 'a personal name keeps its first and last word');
  });

  it('keep the whole name of an organisation or a place that starts with a first name', () => {
    assert.equal(entityId('organization', 'Anna Kowal Shipping Company'), 'anna-kowal-shipping-company');
    assert.equal(entityId('place', 'John Wayne Airport'), 'john-wayne-airport');
    assert.equal(entityId('organization', 'Bank of New England'), 'bank-of-new-england');
  });

  it('stay when Correct Entity… retypes a name in an article', () => {
    const text = 'Ferry fares rise again\n\nThe fares rose at Quellmarsh last week, and Tarnvik Dorrow was blamed.\n';
    const before = analyzeArticle(text).entities.find((e) => e.name === 'Tarnvik Dorrow')!;
    for (const type of ['person', 'organization', 'place'] as const) {
      const after = analyzeArticle(text, { corrections: parseEntityCorrections(`entities:\n  - name: Tarnvik Dorrow\n    type: ${type}\n`) }).entities.find((e) => e.name === 'Tarnvik Dorrow')!;
      assert.equal(after.id, before.id, type);
      assert.equal(after.type, type);
      assert.equal(after.uncertain, undefined, 'a correction that sets the type settles an uncertain name');
    }
  });
});
