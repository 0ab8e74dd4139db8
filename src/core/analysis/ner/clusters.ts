/**
 * Word classes learned from unlabeled modern news (./clusters.json, built by `npm run train-ner` with the
 * exchange algorithm: scripts/ner/clusters.ts). Words used alike share a class, so what the recogniser learned
 * about "Microsoft" carries over to a company it never saw in training.
 */
import clusters from './clusters.json';

const classOf = new Map<string, string>();

/** Tools only (the trainer, right after it rebuilt clusters.json): use these classes instead of the bundled ones. */
export function useClusters(classes: readonly (readonly string[])[]): void {
  classOf.clear();
  classes.forEach((words, k) => {
    const id = String(k);
    for (const w of words) classOf.set(w, id);
  });
}
useClusters((clusters as { classes: string[][] }).classes);

/** The word's class id, "u" for a word without one; "<s>" / "</s>" for the sentence edges. */
export function clusterOf(w: string): string {
  if (w === '<s>' || w === '</s>') return w;
  return classOf.get(w) ?? 'u';
}
