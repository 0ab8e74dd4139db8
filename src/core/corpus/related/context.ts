/** What every related-passage reason is given: the index's tables, the source, and where to add what it finds. */
import type { QuoteRec } from '../index/record';
import type { RelatedTables } from '../index/relatedTables';
import type { LiveArticle, Slots } from '../index/slots';
import type { RelatedReason, RelatedSource, UnitKind } from '../types';

/** Records a related span of passage `passage` in the article in `slot`, for `reason`. */
export type AddFn = (slot: number, passage: number, start: number, end: number, kind: UnitKind, reason: RelatedReason) => void;

export interface ReasonInput {
  readonly slots: Slots;
  readonly tables: RelatedTables;
  /** The source's article. */
  readonly live: LiveArticle;
  readonly source: RelatedSource;
  /** The source passage's unit (`Slots.unitSlot`). */
  readonly sourceUnit: number;
  readonly add: AddFn;
}

/** The source's quotations: the one it is, or every quotation of its passage. */
export function sourceQuotes(input: ReasonInput): QuoteRec[] {
  const { live, source } = input;
  return live.rec.quotes.filter((q) => (source.kind === 'quote' ? q.start === source.start && q.end === source.end : q.passage === source.passage));
}
