/**
 * Renaming a tag everywhere, or merging it into another: every annotation (and the article-level tags) of the
 * given sidecars that carries `from` gets `to` in its place; where `to` is already there the two merge (no
 * duplicate). Writes go through the SidecarStore (atomic, locked, merged with changes made on disk meanwhile),
 * one change per annotation; a broken or foreign sidecar is never written: it is reported instead.
 */
import type { ArticleAnnotations } from './store';
import { normalizeTag, type SidecarData, type SidecarProblem } from './types';

/** The tags after renaming `from` to `to` (in place; dropped when `to` is already there), or null if unchanged. */
export function renamedTags(tags: readonly string[], from: string, to: string): string[] | null {
  if (!tags.includes(from)) return null;
  const out: string[] = [];
  for (const t of tags) {
    const n = t === from ? to : t;
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

export interface TagChange {
  /** Annotation id, or null for the article-level tags. */
  readonly id: string | null;
  /** The annotated text (empty for the article-level tags). */
  readonly quote: string;
  readonly before: readonly string[];
  readonly after: readonly string[];
  /** True when `to` was already there (the two tags merged). */
  readonly merged: boolean;
}

export interface SidecarTagRename {
  readonly articlePath: string;
  readonly sidecarPath: string;
  readonly changes: readonly TagChange[];
}

/** Checks and normalises the two names; throws RangeError for an empty name or the same name twice. */
export function checkTagRename(from: string, to: string): { from: string; to: string } {
  const f = normalizeTag(from);
  const t = normalizeTag(to);
  if (f === t) throw new RangeError(`the tag is already called ${JSON.stringify(t)}`);
  return { from: f, to: t };
}

/** What renaming would change in one sidecar's data (nothing is written). */
export function planTagRename(data: SidecarData, from: string, to: string): TagChange[] {
  const changes: TagChange[] = [];
  const art = renamedTags(data.tags, from, to);
  if (art) changes.push({ id: null, quote: '', before: [...data.tags], after: art, merged: data.tags.includes(to) });
  for (const a of data.annotations) {
    const next = renamedTags(a.tags, from, to);
    if (next) changes.push({ id: a.id, quote: a.target.exact, before: [...a.tags], after: next, merged: a.tags.includes(to) });
  }
  return changes;
}

export interface RenameOptions {
  /** Report what would change; write nothing. */
  readonly dryRun?: boolean;
}

export interface RenameOutcome {
  /** Sidecars changed (or that would change, in a dry run), with their changes. */
  readonly renamed: SidecarTagRename[];
  /** Sidecars that could not be read (left untouched), or whose save failed (`renamed` lists what was saved). */
  readonly errors: SidecarProblem[];
}

/**
 * Renames `from` to `to` in each handle's sidecar. A read-only handle (broken, foreign or newer sidecar) is
 * listed in `errors` and never written. A handle whose save fails is listed in `errors` with the reason; the
 * others are still done. Names are normalised as tags are (trimmed, inner white space collapsed).
 */
/** How much a rename changed: annotations renamed, sidecars written, and renames merged into an existing tag. */
export function renameCounts(o: RenameOutcome): { annotations: number; files: number; merged: number } {
  let annotations = 0;
  let merged = 0;
  for (const s of o.renamed) {
    for (const c of s.changes) {
      if (c.id !== null) annotations++;
      if (c.merged) merged++;
    }
  }
  return { annotations, files: o.renamed.length, merged };
}

export async function renameTag(handles: Iterable<ArticleAnnotations>, fromTag: string, toTag: string, options: RenameOptions = {}): Promise<RenameOutcome> {
  const { from, to } = checkTagRename(fromTag, toTag);
  const renamed: SidecarTagRename[] = [];
  const errors: SidecarProblem[] = [];
  for (const h of handles) {
    if (h.error) {
      errors.push(h.error);
      continue;
    }
    const changes = planTagRename(h.data, from, to);
    if (changes.length === 0) continue;
    if (options.dryRun) {
      renamed.push({ articlePath: h.articlePath, sidecarPath: h.sidecarPath, changes });
      continue;
    }
    // Each change is worked out again from the data as it is just before its save (a save merges in whatever
    // changed on disk meanwhile).
    const applied: TagChange[] = [];
    try {
      for (const c of changes) {
        const before = c.id === null ? h.data.tags : h.get(c.id)?.annotation.tags;
        const after = before ? renamedTags(before, from, to) : null;
        if (!before || !after) continue;
        if (c.id === null) await h.updateArticle({ setTags: after });
        else await h.update(c.id, { setTags: after });
        applied.push({ ...c, before: [...before], after, merged: before.includes(to) });
      }
    } catch (err) {
      errors.push(h.error ?? { path: h.sidecarPath, line: null, message: err instanceof Error ? err.message : String(err) });
    }
    if (applied.length > 0) renamed.push({ articlePath: h.articlePath, sidecarPath: h.sidecarPath, changes: applied });
  }
  return { renamed, errors };
}
