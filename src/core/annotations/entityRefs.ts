/**
 * Entity references stored in sidecars (`entity:` of an annotation) kept pointing at their entity.
 *
 * Entity ids carry no type (`anna-kowal`, see entityId in src/core/analysis/entities.ts). Sidecars written before
 * hold `type:slug` (`person:anna-kowal`); those are read as the slug. A reference whose entity is no longer in the
 * article under that id (its canonical name changed: a correction merged it into another entity, or renamed it) is
 * re-resolved through the annotation's own passage: the entity named there. A reference that resolves nowhere is kept
 * as it is (never dropped): it applies again when its entity comes back.
 */

/** `person:anna-kowal` → `anna-kowal`; ids already in the current form are returned unchanged. */
export function migrateEntityRef(ref: string): string {
  const m = /^(?:person|organization|place):(.+)$/.exec(ref);
  return m ? m[1]! : ref;
}

/** What resolving needs of an entity: its id and where it is named. */
export interface EntityRefTarget {
  readonly id: string;
  readonly mentions: readonly { readonly start: number; readonly end: number }[];
}

/**
 * The id `ref` stands for in an article whose entities are `entities`: the migrated id when an entity has it; else
 * the entity named on `span` (the annotation's current range; null for an orphan): the mention exactly there, else
 * the one overlapping it most; else the migrated id.
 */
export function resolveEntityRef(ref: string, span: { readonly start: number; readonly end: number } | null, entities: readonly EntityRefTarget[]): string {
  const id = migrateEntityRef(ref);
  if (entities.some((e) => e.id === id)) return id;
  if (!span || span.start < 0 || span.end <= span.start) return id;
  let best: string | null = null;
  let bestOverlap = 0;
  for (const e of entities) {
    for (const m of e.mentions) {
      if (m.start === span.start && m.end === span.end) return e.id;
      const overlap = Math.min(m.end, span.end) - Math.max(m.start, span.start);
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = e.id;
      }
    }
  }
  return best ?? id;
}
