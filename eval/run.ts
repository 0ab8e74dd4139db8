/**
 * `npm run eval`: measures the article analysis against
 *  - the 5 seed articles (gold written by us in eval/seeds-gold.json: offsets, speakers, entity names; and the
 *    reported and mixed statements with their speakers in eval/seeds-statements.json);
 *  - PolNeAR dev: who said what, as ../shared/docs/attribution-metric.md defines it (eval/attribution.ts);
 *  - PolNeAR dev: recall of direct quotations (Content spans in quotation marks) and speaker attribution
 *    for those whose gold Source names someone;
 *  - named entities, PER/ORG/LOC exact-span per type (eval/ner.ts): CoNLL-2003 testa, WikiGold's held-out fifth
 *    (articles the shipped model was not trained on) and CrossNER politics dev.
 * Every figure is printed; corpora that are absent (a user's clone without ../shared) are skipped.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { evalSeeds } from './seeds';
import { evalPolnear } from './polnear';
import { printNer } from './ner';
import { isWikigoldHeldOut, readConll, readCrossner, readWikigold } from './nerCorpora';
import { evalAttribution } from './attribution';
import { evalSeedStatements } from './seedStatements';

const shared = path.resolve(__dirname, '..', '..', 'shared');
const verbose = process.argv.includes('--verbose');
/** `npm run eval -- --only ner` (or seeds, polnear): one part only. */
const only = (() => {
  const i = process.argv.indexOf('--only');
  return i >= 0 ? process.argv[i + 1] : undefined;
})();
const part = (name: string) => !only || only === name;

function main(): void {
  if (!existsSync(shared)) {
    console.log('eval: ../shared not found; skipping (the corpora live beside the checkout in CI and on developer machines)');
    return;
  }
  const t0 = Date.now();
  if (part('seeds')) {
    evalSeeds(path.join(shared, 'seeds'), path.join(__dirname, 'seeds-gold.json'), verbose);
    evalSeedStatements(path.join(shared, 'seeds'), path.join(__dirname, 'seeds-statements.json'), path.join(__dirname, 'seeds-gold.json'), verbose);
  }
  if (part('polnear')) {
    evalPolnear(path.join(shared, 'corpora', 'polnear', 'dev'), verbose);
    evalAttribution(path.join(shared, 'corpora', 'polnear', 'dev'), verbose);
  }
  if (part('ner')) {
    const conll = path.join(shared, 'corpora', 'conll2003', 'eng.testa.txt');
    printNer('CoNLL-2003 testa', conll, () => readConll(conll), verbose, 'target ≥ 0.90');
    const wiki = path.join(shared, 'corpora', 'wikigold', 'wikigold.conllu');
    printNer('WikiGold, held-out fifth (never trained on)', wiki, () => readWikigold(wiki).filter((_, i) => isWikigoldHeldOut(i)), verbose, 'target ≥ 0.80, ORG ≥ 0.70');
    const cross = path.join(shared, 'corpora', 'crossner-politics', 'dev.txt');
    printNer('CrossNER politics dev', cross, () => readCrossner(cross), verbose, 'target ≥ 0.75');
  }
  console.log(`\neval: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main();
