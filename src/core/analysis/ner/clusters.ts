/**
 * Word classes learned from unlabeled modern news (./clusters.json, built by `npm run train-ner` with the
 * exchange algorithm: scripts/ner/clusters.ts). Words used alike share a class, so what the recogniser learned
 * about "Microsoft" carries over to a company it never saw in training.
 *
 * Two clusterings of the same words: 256 coarse classes (`classes`), which also describe a word's neighbours,
 * and 1,024 fine ones (`fine`), a feature of the word itself: in the coarse classes companies, clubs and
 * countries share one class ("IBM" with "France"); the fine ones tell them apart (Ratinov & Roth's several
 * granularities of one word's cluster).
 */
import clusters from './clusters.json';

const classOf = new Map<string, string>();
const fineOf = new Map<string, string>();

export interface ClusterFile {
  format: string;
  classes: readonly (readonly string[])[];
  fine: readonly (readonly string[])[];
}

function fill(into: Map<string, string>, classes: readonly (readonly string[])[]): void {
  into.clear();
  classes.forEach((words, k) => {
    const id = String(k);
    for (const w of words) into.set(w, id);
  });
}

/** Tools only (the trainer, right after it rebuilt clusters.json): use these classes instead of the bundled ones. */
export function useClusters(file: ClusterFile): void {
  if (file.format !== 'news-annotator-clusters/2') throw new Error('NER word classes have an unexpected format');
  fill(classOf, file.classes);
  fill(fineOf, file.fine);
}
useClusters(clusters as ClusterFile);

/** The word's class id, "u" for a word without one; "<s>" / "</s>" for the sentence edges. */
export function clusterOf(w: string): string {
  if (w === '<s>' || w === '</s>') return w;
  return classOf.get(w) ?? 'u';
}

/** The word's fine class id, "u" for a word without one. */
export function fineClusterOf(w: string): string {
  return fineOf.get(w) ?? 'u';
}
