/**
 * One entity across the corpus from what each article says of it (ids carry no type, so articles may type one
 * entity differently): the type most articles give it (the first given among equals), and uncertain only when the
 * recogniser was unsure of it in every article that names it.
 */
import type { EntityType } from '../analysis/types';

export function corpusEntityFacts(perArticle: readonly { readonly type: EntityType; readonly uncertain?: true }[]): { type: EntityType; uncertain: boolean } {
  if (perArticle.length === 0) throw new RangeError('corpusEntityFacts: an entity named in no article');
  const n = new Map<EntityType, number>();
  for (const e of perArticle) n.set(e.type, (n.get(e.type) ?? 0) + 1);
  let type = perArticle[0]!.type;
  for (const e of perArticle) if (n.get(e.type)! > n.get(type)!) type = e.type;
  return { type, uncertain: perArticle.every((e) => e.uncertain === true) };
}
