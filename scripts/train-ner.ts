/**
 * Trains the named-entity recogniser and writes src/core/analysis/ner/model.json and its place gazetteer
 * ner/gazetteer.json (`npm run train-ner`; the gazetteer is built first, since the model's features use it).
 *
 *   npx tsx scripts/train-ner.ts [--epochs N] [--sources conll,wikigold,crossner] [--ablation]
 *
 * Training data, all from ../shared/corpora (see docs/analysis.md for what each contributes):
 *  - conll:    CoNLL-2003 English train (Reuters 1996);
 *  - wikigold: WikiGold, its 116 articles outside the held-out fifth (eval/nerCorpora.ts isWikigoldHeldOut);
 *  - crossner: CrossNER politics train (fine types mapped; election/event/misc learned as MISC).
 * Deterministic: the same corpora give the same file byte for byte. `--ablation` trains CoNLL alone and
 * each addition in turn, scores each through the whole analysis (eval/ner.ts), prints the table, and then
 * writes the shipped model as usual. `--cv` adds a five-fold cross-validation over all of WikiGold.
 */
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { isWikigoldHeldOut, readConll, readCrossner, readWikigold, type GoldDoc } from '../eval/nerCorpora';
import { prf, scoreNer, sumCounts, type Count } from '../eval/ner';
import { useModel } from '../src/core/analysis/ner/perceptron';
import { toSentences, trainModel } from './ner/trainer';
import { writeGazetteer } from './ner/gazetteer';
import { writeClusters } from './ner/clusters';

const corpora = path.resolve(__dirname, '..', '..', 'shared', 'corpora');
const FILES = {
  conll: path.join(corpora, 'conll2003', 'eng.train.txt'),
  wikigold: path.join(corpora, 'wikigold', 'wikigold.conllu'),
  crossner: path.join(corpora, 'crossner-politics', 'train.txt'),
};
type Source = keyof typeof FILES;
const ALL: Source[] = ['conll', 'wikigold', 'crossner'];
/** Word classes learned from the unlabeled news (scripts/ner/clusters.ts): coarse and fine. */
const CLUSTERS = 256;
const FINE_CLUSTERS = 1024;

function docsOf(source: Source): GoldDoc[] {
  const file = FILES[source];
  if (!existsSync(file)) {
    console.error(`train-ner: ${file} not found (the training corpora live in ../shared/corpora)`);
    process.exit(2);
  }
  if (source === 'conll') return readConll(file);
  if (source === 'wikigold') return readWikigold(file).filter((_, i) => !isWikigoldHeldOut(i));
  return readCrossner(file);
}

function train(sources: readonly Source[], epochs: number, log?: (l: string) => void) {
  return trainModel(toSentences(sources.flatMap(docsOf)), epochs, log);
}

function ablation(epochs: number): void {
  const sets = {
    'CoNLL testa': readConll(path.join(corpora, 'conll2003', 'eng.testa.txt')),
    'WikiGold held-out': readWikigold(FILES.wikigold).filter((_, i) => isWikigoldHeldOut(i)),
    'CrossNER dev': readCrossner(path.join(corpora, 'crossner-politics', 'dev.txt')),
  };
  const configs: Source[][] = [['conll'], ['conll', 'wikigold'], ['conll', 'crossner'], ALL];
  console.log(`| training data | ${Object.keys(sets).join(' | ')} |`);
  console.log(`|---|${Object.keys(sets).map(() => '---').join('|')}|`);
  for (const c of configs) {
    useModel(train(c, epochs));
    const cells = Object.values(sets).map((docs) => {
      const s = scoreNer(docs, false);
      return `${s.f1.toFixed(3)} (ORG ${prf(s.perType.ORG!).f.toFixed(3)})`;
    });
    console.log(`| ${c.join(' + ')} | ${cells.join(' | ')} |`);
  }
  useModel(null);
}

/**
 * Five-fold cross-validation over all 145 WikiGold articles (fold k = articles with index % 5 === k), each
 * fold's model trained on the other sources plus the other four folds, scored through the whole analysis.
 */
function crossValidate(sources: readonly Source[], epochs: number): void {
  const wiki = readWikigold(FILES.wikigold);
  const others = sources.filter((s) => s !== 'wikigold').flatMap(docsOf);
  const total: Record<string, Count> = { PER: { tp: 0, p: 0, g: 0 }, ORG: { tp: 0, p: 0, g: 0 }, LOC: { tp: 0, p: 0, g: 0 } };
  for (let k = 0; k < 5; k++) {
    const train = sources.includes('wikigold') ? wiki.filter((_, i) => i % 5 !== k) : [];
    useModel(trainModel(toSentences([...others, ...train]), epochs));
    const s = scoreNer(wiki.filter((_, i) => i % 5 === k), false);
    for (const t of Object.keys(total)) for (const f of ['tp', 'p', 'g'] as const) total[t]![f] += s.perType[t]![f];
  }
  useModel(null);
  const line = Object.entries(total).map(([t, x]) => {
    const r = prf(x);
    return `${t} ${r.f.toFixed(3)} (P ${r.pr.toFixed(3)} R ${r.rc.toFixed(3)})`;
  });
  console.log(`WikiGold 5-fold cross-validation (${sources.join(' + ')}): F1 ${prf(sumCounts(Object.values(total))).f.toFixed(3)}; ${line.join(', ')}`);
}

function main(): void {
  const args = process.argv.slice(2);
  const ei = args.indexOf('--epochs');
  const epochs = ei >= 0 ? Number(args[ei + 1]) : 8;
  const si = args.indexOf('--sources');
  const sources = si >= 0 ? (args[si + 1]!.split(',') as Source[]) : ALL;
  for (const s of sources) if (!(s in FILES)) throw new Error(`train-ner: unknown source ${s} (known: ${ALL.join(', ')})`);
  console.log(writeGazetteer());
  if (!args.includes('--keep-clusters')) writeClusters([path.join(corpora, 'bbc'), path.join(corpora, 'polnear', 'train', 'text')], CLUSTERS, FINE_CLUSTERS, 6, (l) => console.log(l));
  if (args.includes('--ablation')) ablation(epochs);
  if (args.includes('--cv')) crossValidate(sources, epochs);
  const model = train(sources, epochs, (l) => console.log(l));
  const file = path.resolve(__dirname, '..', 'src', 'core', 'analysis', 'ner', 'model.json');
  writeFileSync(file, JSON.stringify(model));
  console.log(`train-ner: wrote ${Object.keys(model.features).length} features (${sources.join(' + ')}) to ${path.relative(process.cwd(), file)}`);
}

main();
