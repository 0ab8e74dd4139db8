/**
 * Statements as every surface shows them: a direct quotation, reported speech, or a mixed quote (reported speech
 * quoting some words, whose quoted fragment is also a direct item with `partOf`). Shared by hovers, trees, the
 * Outline and the commands that act on "the quote under the cursor".
 */
import type { Quote } from '../../core/analysis/types';
import { kindOf } from '../../core/tally/statements';

/** The core's statement rule (the same the Quote Dashboard and `tally` count by). */
export { isStatement, kindOf } from '../../core/tally/statements';

/** How a statement's kind is named to the user. */
export function kindLabel(q: Quote): string {
  switch (kindOf(q)) {
    case 'reported':
      return 'reported speech';
    case 'mixed':
      return 'mixed quote';
    default:
      return q.partOf !== undefined ? 'quotation (in a mixed quote)' : 'quotation';
  }
}

/**
 * The statement at `offset`: the innermost one holding it (a quoted fragment before the mixed statement around
 * it). A direct quotation counts from its opening mark to its closing mark (one character each side).
 */
export function statementAt(quotes: readonly Quote[], offset: number): Quote | undefined {
  let best: Quote | undefined;
  for (const q of quotes) {
    const pad = kindOf(q) === 'direct' ? 1 : 0;
    if (offset < q.start - pad || offset > q.end + pad) continue;
    if (!best || q.end - q.start < best.end - best.start) best = q;
  }
  return best;
}
