/**
 * Moving annotation ranges through text edits while the article is being edited (VS Code's
 * `onDidChangeTextDocument` content changes). Pure: no editor types. Offsets are UTF-16 string indices.
 */

/** One replacement: the text in [start, end) of the text *before* the change becomes `newText`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface MappedRange extends Range {
  /** An edit overlapped the inside of the range (its text changed). */
  readonly touched: boolean;
  /** The whole range was deleted (start === end afterwards): the annotation has nothing left to point at. */
  readonly collapsed: boolean;
}

/**
 * Maps ranges through one batch of edits that are all expressed against the same text (the ones of a single
 * VS Code change event: `start = rangeOffset`, `end = rangeOffset + rangeLength`, `newText = text`; they do not
 * overlap). For a sequence of events, call once per event.
 *
 * Rules: text inserted exactly at a range's start or end stays outside the range (typing next to a quote does
 * not extend it); text replaced inside a range changes its length; an edit that overlaps a boundary clips the
 * range to what survives; a range whose every character was deleted collapses to the edit's position.
 */
export function mapRangesThroughEdits(ranges: readonly Range[], edits: readonly TextEdit[]): MappedRange[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.start < sorted[i - 1]!.end) throw new Error('mapRangesThroughEdits: edits overlap; they must all refer to the same text');
  }
  return ranges.map((r) => mapOne(r, sorted));
}

/** Maps a single offset: `bias` says which side an insertion exactly at the offset goes to. */
function mapOffset(pos: number, edits: readonly TextEdit[], bias: 'before' | 'after'): number {
  let delta = 0;
  for (const e of edits) {
    if (e.start > pos) break;
    const inserted = e.newText.length;
    if (e.end < pos || (e.end === pos && e.start < pos)) {
      // Entirely before the offset.
      delta += inserted - (e.end - e.start);
    } else if (e.start === pos && e.end === pos) {
      // Pure insertion at the offset.
      if (bias === 'after') delta += inserted;
    } else if (e.start < pos) {
      // The offset was inside deleted text: it lands at the edge of the replacement.
      return bias === 'after' ? e.start + delta + inserted : e.start + delta;
    } else {
      // e.start === pos and e.end > pos: text after the offset is replaced.
      if (bias === 'after') delta += 0;
    }
  }
  return pos + delta;
}

function mapOne(r: Range, edits: readonly TextEdit[]): MappedRange {
  if (r.start === r.end) {
    const p = mapOffset(r.start, edits, 'before');
    return { start: p, end: p, touched: false, collapsed: true };
  }
  let touched = false;
  let survivors = r.end - r.start;
  for (const e of edits) {
    if (e.start >= r.end) break;
    if (e.end <= r.start) continue;
    touched = true;
    survivors -= Math.min(e.end, r.end) - Math.max(e.start, r.start);
  }
  // Start: insertion exactly at start goes before the range (bias after). If the start itself was deleted
  // (an edit spans it), the range starts after the replacement text.
  const start = mapOffset(r.start, edits, 'after');
  // End: insertion exactly at end goes after the range (bias before). A deleted end lands before the replacement.
  let end = mapOffset(r.end, edits, 'before');
  // Replacement text entirely inside the range is counted by the mapping above; when an edit strictly inside
  // the range inserts text, it belongs to the range.
  if (end < start) end = start;
  const collapsed = survivors <= 0 && insertedInside(r, edits) === 0;
  return { start, end: collapsed ? start : end, touched, collapsed };
}

function insertedInside(r: Range, edits: readonly TextEdit[]): number {
  let n = 0;
  for (const e of edits) {
    if (e.start > r.start && e.end < r.end) n += e.newText.length;
  }
  return n;
}

/** Applies edits (all against the same text, non-overlapping) to the text: for tests and for the CLI. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}
