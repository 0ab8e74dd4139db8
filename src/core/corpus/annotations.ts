/**
 * From the sidecar store's annotations (src/core/annotations) to what the corpus index keeps of them.
 */
import type { ResolvedAnnotation } from '../annotations/types';
import type { IndexedAnnotation } from './types';

/**
 * The annotations of one article as the index takes them: orphans (not found in the current text) are left
 * out; `quote` is the annotated text as it is now (`text.slice(start, end)` when `text` is given, else the
 * quote stored in the sidecar).
 */
export function toIndexedAnnotations(resolved: readonly ResolvedAnnotation[], text?: string): IndexedAnnotation[] {
  const out: IndexedAnnotation[] = [];
  for (const r of resolved) {
    if (r.status === 'orphaned' || r.start < 0 || r.end < r.start || (text !== undefined && r.end > text.length)) continue;
    const a = r.annotation;
    out.push({
      id: a.id,
      start: r.start,
      end: r.end,
      quote: text !== undefined ? text.slice(r.start, r.end) : a.target.exact,
      tags: [...a.tags],
      ...(a.note !== undefined && a.note !== '' ? { note: a.note } : {}),
      kind: a.kind,
    });
  }
  return out;
}
