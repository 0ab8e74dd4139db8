import { strict as assert } from 'node:assert';
import { analyzeArticle, parseEntityCorrections } from '../../../src/core/analysis';
import { seededRandom } from '../../../src/core/annotations/ids';
import { migrateEntityRef, resolveEntityRef } from '../../../src/core/annotations/entityRefs';
import { SidecarStore } from '../../../src/core/annotations/store';
import { MemFileOps } from './memFileOps';
import { ARTICLE, ARTICLE_PATH, SIDECAR_PATH, fixedClock, rangeOf } from './helpers';

/** A sidecar as an earlier release wrote it: entity references with their type. */
function oldSidecar(refs: readonly { id: string; entity: string; quote: string }[]): string {
  const blocks = refs.map(({ id, entity, quote }) => {
    const r = rangeOf(ARTICLE, quote);
    return [
      `  - id: ${id}`,
      '    kind: entity',
      `    entity: ${entity}`,
      '    tags: [ people ]',
      '    target:',
      `      exact: ${quote}`,
      `      start: ${r.start}`,
      `      end: ${r.end}`,
      '    created: 2025-03-14T09:00:00.000Z',
      '    updated: 2025-03-14T09:00:00.000Z',
    ].join('\n');
  });
  return `version: 1\nsource: harbour.txt\nannotations:\n${blocks.join('\n\n')}\n`;
}

const load = async (fo: MemFileOps) => new SidecarStore({ fileOps: fo, clock: fixedClock(), random: seededRandom(3), verifyDelayMs: -1 }).load(ARTICLE_PATH, ARTICLE);
const refsOf = (h: { list(): { annotation: { id: string; entity?: string } }[] }) => Object.fromEntries(h.list().map((r) => [r.annotation.id, r.annotation.entity]));

describe('entity references in sidecars (migration to ids without a type)', () => {
  const kowal = rangeOf(ARTICLE, 'Anna Kowal');
  const entities = [
    { id: 'anna-kowal', mentions: [kowal] },
    { id: 'tomas-reyes', mentions: [rangeOf(ARTICLE, 'Tomas Reyes')] },
  ];

  it('reads an old-style `type:slug` id as the slug; other references unchanged', () => {
    assert.equal(migrateEntityRef('person:anna-kowal'), 'anna-kowal');
    assert.equal(migrateEntityRef('organization:skerra-lines'), 'skerra-lines');
    assert.equal(migrateEntityRef('place:portmere'), 'portmere');
    assert.equal(migrateEntityRef('anna-kowal'), 'anna-kowal');
    assert.equal(migrateEntityRef('misc:thing'), 'misc:thing', 'only the three entity types were ever written');
  });

  it('keeps a reference whose entity is in the article', () => {
    assert.equal(resolveEntityRef('anna-kowal', null, entities), 'anna-kowal');
    assert.equal(resolveEntityRef('person:anna-kowal', kowal, entities), 'anna-kowal');
    // its entity is here: the passage does not override it
    assert.equal(resolveEntityRef('tomas-reyes', kowal, entities), 'tomas-reyes');
  });

  it('re-resolves a reference whose entity changed its canonical name through the annotated passage', () => {
    // an old person id made of the first and last name of a name now kept whole, or an entity renamed by a correction
    assert.equal(resolveEntityRef('person:anna-k-kowal-old', kowal, entities), 'anna-kowal');
    // the passage overlaps the mention (the annotation took "secretary, Anna Kowal")
    assert.equal(resolveEntityRef('organization:kowal', { start: kowal.start - 11, end: kowal.end }, entities), 'anna-kowal');
  });

  it('keeps a reference that resolves nowhere (an orphan, no entity on the passage), migrated but never dropped', () => {
    assert.equal(resolveEntityRef('person:nobody-here', null, entities), 'nobody-here');
    assert.equal(resolveEntityRef('person:nobody-here', rangeOf(ARTICLE, 'night ferry'), entities), 'nobody-here');
    assert.equal(resolveEntityRef('person:nobody-here', kowal, []), 'nobody-here');
  });

  it('on load: shown migrated at once, the file untouched until the next save, which writes the current ids', async () => {
    const fo = new MemFileOps();
    const before = oldSidecar([
      { id: 'a1111111', entity: 'person:anna-kowal', quote: 'Anna Kowal' },
      { id: 'b2222222', entity: 'organization:tomas-reyes-board', quote: 'Tomas Reyes' },
      { id: 'c3333333', entity: 'place:skerra-island', quote: 'Skerra Lines' },
    ]);
    fo.put(SIDECAR_PATH, before);
    const h = await load(fo);
    // without the analysis: the type dropped
    assert.deepEqual(refsOf(h), { a1111111: 'anna-kowal', b2222222: 'tomas-reyes-board', c3333333: 'skerra-island' });
    // with it: a vanished entity re-resolved through its passage; one with no entity there kept
    assert.equal(h.resolveEntityRefs(entities), 3);
    assert.deepEqual(refsOf(h), { a1111111: 'anna-kowal', b2222222: 'tomas-reyes', c3333333: 'skerra-island' });
    assert.equal(fo.text(SIDECAR_PATH), before, 'loading writes nothing');
    await h.update('a1111111', { addTags: ['checked'] });
    const after = fo.text(SIDECAR_PATH)!;
    assert.match(after, /entity: anna-kowal\n/);
    assert.match(after, /entity: tomas-reyes\n/);
    assert.match(after, /entity: skerra-island\n/);
    assert.doesNotMatch(after, /person:|organization:|place:/);
    assert.equal(h.resolveEntityRefs(entities), 0, 'nothing left to migrate');
    // read back by a fresh store: the same references
    assert.deepEqual(refsOf(await load(fo)), { a1111111: 'anna-kowal', b2222222: 'tomas-reyes', c3333333: 'skerra-island' });
  });

  it('saving the anchors (the article saved) writes migrated references too', async () => {
    const fo = new MemFileOps();
    fo.put(SIDECAR_PATH, oldSidecar([{ id: 'a1111111', entity: 'person:anna-kowal', quote: 'Anna Kowal' }]));
    const h = await load(fo);
    await h.saveAnchors();
    assert.match(fo.text(SIDECAR_PATH)!, /entity: anna-kowal\n/);
  });

  it('an orphaned annotation keeps its reference (migrated) and is re-resolved once re-attached', async () => {
    const fo = new MemFileOps();
    fo.put(SIDECAR_PATH, oldSidecar([{ id: 'a1111111', entity: 'person:a-kowal', quote: 'Anna Kowal' }]));
    const h = await load(fo);
    h.setText(ARTICLE.replace(/Anna Kowal/g, 'someone else'));
    h.resolveEntityRefs([]);
    assert.equal(h.get('a1111111')!.status, 'orphaned');
    assert.equal(h.get('a1111111')!.annotation.entity, 'a-kowal');
    h.setText(ARTICLE);
    h.resolveEntityRefs(entities);
    assert.equal(h.get('a1111111')!.annotation.entity, 'anna-kowal');
  });

  it('with the real analysis: a correction that retypes an entity keeps its id; one that merges it is followed through the passage', async () => {
    const plain = analyzeArticle(ARTICLE);
    const kowalId = plain.entities.find((e) => e.name === 'Anna Kowal')?.id;
    assert.equal(kowalId, 'anna-kowal');
    const retyped = analyzeArticle(ARTICLE, { corrections: parseEntityCorrections('entities:\n  - name: Anna Kowal\n    type: organization\n') });
    assert.equal(retyped.entities.find((e) => e.name === 'Anna Kowal')?.id, kowalId, 'retyping keeps the id');
    const merged = analyzeArticle(ARTICLE, { corrections: parseEntityCorrections('entities:\n  - name: Fishermen Cooperative Secretary\n    type: person\n    aliases: [Anna Kowal]\n') });
    const fo = new MemFileOps();
    fo.put(SIDECAR_PATH, oldSidecar([{ id: 'a1111111', entity: 'person:anna-kowal', quote: 'Anna Kowal' }]));
    const h = await load(fo);
    h.resolveEntityRefs(merged.entities);
    assert.equal(h.get('a1111111')!.annotation.entity, 'fishermen-cooperative-secretary');
  });
});
