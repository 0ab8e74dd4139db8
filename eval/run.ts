/**
 * `npm run eval`: measures the article analysis against
 *  - the 5 seed articles (gold written by us in eval/seeds-gold.json: offsets, speakers, entity names; and the
 *    reported and mixed statements with their speakers in eval/seeds-statements.json);
 *  - PolNeAR dev: who said what, as ../shared/docs/attribution-metric.md defines it (eval/attribution.ts);
 *  - PolNeAR dev: recall of direct quotations (Content spans in quotation marks) and speaker attribution
 *    for those whose gold Source names someone;
 *  - CoNLL-2003 testa: PER/ORG/LOC exact-span F1 with documents rebuilt as plain text.
 * Every figure is printed; corpora that are absent (a user's clone without ../shared) are skipped.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { evalSeeds } from './seeds';
import { evalPolnear } from './polnear';
import { evalConll } from './conll';
import { evalAttribution } from './attribution';
import { evalSeedStatements } from './seedStatements';

const shared = path.resolve(__dirname, '..', '..', 'shared');
const verbose = process.argv.includes('--verbose');

function main(): void {
  if (!existsSync(shared)) {
    console.log('eval: ../shared not found; skipping (the corpora live beside the checkout in CI and on developer machines)');
    return;
  }
  const t0 = Date.now();
  evalSeeds(path.join(shared, 'seeds'), path.join(__dirname, 'seeds-gold.json'), verbose);
  evalSeedStatements(path.join(shared, 'seeds'), path.join(__dirname, 'seeds-statements.json'), path.join(__dirname, 'seeds-gold.json'), verbose);
  evalPolnear(path.join(shared, 'corpora', 'polnear', 'dev'), verbose);
  evalAttribution(path.join(shared, 'corpora', 'polnear', 'dev'), verbose);
  evalConll(path.join(shared, 'corpora', 'conll2003', 'eng.testa.txt'), verbose);
  console.log(`\neval: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main();
