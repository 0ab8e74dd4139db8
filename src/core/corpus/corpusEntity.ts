/**
 * One entity across the corpus from what each article says of it (ids carry no type, so articles may type one
 * entity differently): the type most articles give it (the first given among equals), and uncertain only when the
 * recogniser was unsure of it in every article that names it.
 */
import type { EntityType } from '../analysis/types';

export function corpusEntityFacts(perArticle: readonly { readonly type: EntityType; readonly uncertain?: true | undefined }[]): { type: EntityType; uncertain: boolean } {
  if (perArticle.length === 0) throw new RangeError('corpusEntityFacts: an entity named in no article');
  // Counted in a record of the three types, not a Map: this runs for every entity of a 10,000-article count.
  const n: Record<EntityType, number> = { person: 0, organization: 0, place: 0 };
  for (const e of perArticle) n[e.type]++;
  let type = perArticle[0]!.type;
  for (const e of perArticle) if (n[e.type] > n[type]) type = e.type;
  return { type, uncertain: perArticle.every((e) => e.uncertain === true) };
}
