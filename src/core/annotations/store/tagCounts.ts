/** Tag counts over sidecars: the one place tags are counted. */
import type { FileOps } from '../../io/fileOps';
import { sidecarPathFor } from '../../workspace/articleFiles';
import type { SidecarData, SidecarProblem } from '../types';
import { DEFAULT_LIMITS, SidecarError, type SidecarLimits } from '../yaml';
import { problemOf, readSidecarFile } from './readSidecar';

export interface TagCount {
  readonly tag: string;
  readonly count: number;
}

/** Counts tags over sidecars (annotation tags and article tags), most used first, then by name. */
export function countTags(sidecars: Iterable<SidecarData>): TagCount[] {
  return tallyTags(tagListsOf(sidecars));
}

/**
 * Counts tags over lists of tags (one list per annotation or article), most used first, then by name: what
 * `countTags` counts, for callers that hold the tags in another shape (e.g. resolved annotations).
 */
export function tallyTags(lists: Iterable<readonly string[]>): TagCount[] {
  const counts = new Map<string, number>();
  for (const tags of lists) for (const t of tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}

function* tagListsOf(sidecars: Iterable<SidecarData>): Iterable<readonly string[]> {
  for (const d of sidecars) {
    yield d.tags;
    for (const a of d.annotations) yield a.tags;
  }
}

/** Reads the sidecars of `articlePaths` (those that exist) and counts their tags; unusable sidecars are listed. */
export async function readTagCounts(
  fileOps: FileOps,
  articlePaths: readonly string[],
  limits: SidecarLimits = DEFAULT_LIMITS,
): Promise<{ tags: TagCount[]; errors: SidecarProblem[] }> {
  const datas: SidecarData[] = [];
  const errors: SidecarProblem[] = [];
  for (const p of articlePaths) {
    const sp = sidecarPathFor(p);
    try {
      const d = await readSidecarFile(fileOps, sp, limits);
      if (d.data) datas.push(d.data);
    } catch (err) {
      if (!(err instanceof SidecarError)) throw err;
      errors.push(problemOf(err, sp));
    }
  }
  return { tags: countTags(datas), errors };
}
