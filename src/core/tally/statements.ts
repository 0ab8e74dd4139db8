/**
 * An article's statements: the items of its `quotes` that count. A direct quotation that is the quoted fragment
 * of a mixed statement (`partOf` set) is not counted again; a quote without `kind` (an analysis made before
 * reported speech was found) is a direct quotation.
 */
import type { EntityType } from '../analysis/types';
import type { SpeakerType, Statement, StatementKind, StatementQuote, TallyArticle } from './types';

const TYPE_OF: Record<EntityType, SpeakerType> = {
  person: 'person',
  organization: 'organisation',
  // A country or city speaking ("Russia said") speaks through its institutions.
  place: 'organisation',
};

/**
 * The key one speaker has across the corpus: the entity id without its type (so an article typing a name as an
 * organisation and another as a person still count one speaker; Correct Entity… aliases give one id), else the
 * folded name. Null when unattributed.
 */
export function speakerKey(speaker: string | null, speakerId: string | null): string | null {
  if (speakerId) {
    const colon = speakerId.indexOf(':');
    return colon >= 0 ? speakerId.slice(colon + 1) : speakerId;
  }
  if (speaker && speaker.trim() !== '') return 'name:' + speaker.trim().toLowerCase().replace(/\s+/g, ' ');
  return null;
}

export function kindOf(q: StatementQuote): StatementKind {
  return q.kind === 'mixed' || q.kind === 'reported' ? q.kind : 'direct';
}

/** True when the quote counts as a statement of its own (not the quoted fragment of a mixed statement). */
export function isStatement(q: StatementQuote): boolean {
  return typeof q.partOf !== 'number';
}

/** `yyyy-mm` of an ISO date (`yyyy-mm-dd` or `yyyy-mm`), or null. */
export function monthOf(dateIso: string | null): string | null {
  if (!dateIso) return null;
  const m = /^(\d{4})-(\d{2})/.exec(dateIso);
  return m ? `${m[1]}-${m[2]}` : null;
}

/**
 * The type of a speaker: its entity's final type in the article (ids carry no type); an id written with its type
 * (`person:…`, an analysis remembered from before ids lost it) still tells it.
 */
export function speakerTypeOf(speakerId: string | null, entities: readonly { readonly id: string; readonly type: EntityType }[]): SpeakerType {
  if (!speakerId) return 'unknown';
  const e = entities.find((x) => x.id === speakerId);
  const t = e ? e.type : (speakerId.slice(0, Math.max(0, speakerId.indexOf(':'))) as EntityType);
  return TYPE_OF[t] ?? 'unknown';
}

const DATED = /^\d{4}-\d{2}/;

/** The statements of one article, in text order. */
export function statementsOf(article: TallyArticle): Statement[] {
  const { metadata, quotes, entities } = article.analysis;
  const outlet = metadata.publisher ? metadata.publisher.trim() || null : null;
  const date = metadata.dateIso && DATED.test(metadata.dateIso) ? metadata.dateIso : null;
  const month = date ? date.slice(0, 7) : null;
  const out: Statement[] = [];
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i] as StatementQuote;
    if (!isStatement(q)) continue;
    const kind = kindOf(q);
    const key = speakerKey(q.speaker, q.speakerId);
    out.push({
      path: article.path,
      index: i,
      start: q.start,
      end: q.end,
      text: q.text,
      kind,
      speakerKey: key,
      speaker: key ? (q.speaker?.trim() ?? null) : null,
      speakerType: key ? speakerTypeOf(q.speakerId, entities) : 'unknown',
      outlet,
      date,
      month,
    });
  }
  return out;
}
