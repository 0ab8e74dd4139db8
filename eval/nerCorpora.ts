/**
 * Readers for the named-entity gold sets in ../shared/corpora, shared by the trainer (scripts/train-ner.ts)
 * and the evaluation (eval/ner.ts) so both see the same documents, tags and hold-out split.
 *
 *  - CoNLL-2003: `word POS chunk NER`, IOB1, `-DOCSTART-` between documents;
 *  - WikiGold: `index<TAB>token<TAB>tag`, IOB2, `-DOCSTART-` lines between its 145 articles;
 *  - CrossNER politics: `token<TAB>tag`, IOB2 with fine types mapped to PER/ORG/LOC/MISC (election, event and
 *    misc become MISC: other proper names, not scored), no document boundaries (sentences are grouped in
 *    runs of ten, in file order, so document-level evidence stays local).
 *
 * Every reader returns documents of sentences of (word, tag) with tags in IOB2 over PER/ORG/LOC/MISC.
 */
import { readFileSync } from 'node:fs';

export interface GoldSentence {
  words: string[];
  tags: string[];
}
export type GoldDoc = GoldSentence[];

const CROSSNER_TYPE: Record<string, string> = {
  politician: 'PER', person: 'PER',
  politicalparty: 'ORG', organisation: 'ORG',
  country: 'LOC', location: 'LOC',
  election: 'MISC', event: 'MISC', misc: 'MISC',
};

/** IOB1 or IOB2 tags → IOB2 with the type mapped (unknown types → MISC). */
function toIob2(tags: readonly string[], mapType: (t: string) => string): string[] {
  const out: string[] = [];
  let prev = 'O';
  for (const t of tags) {
    if (t === 'O') {
      out.push('O');
      prev = 'O';
      continue;
    }
    const type = mapType(t.slice(2));
    const begins = t.startsWith('B-') || prev === 'O' || prev !== type;
    out.push((begins ? 'B-' : 'I-') + type);
    prev = type;
  }
  return out;
}

function readColumns(file: string, wordCol: (parts: string[]) => string, sep: string | RegExp, docMark: (parts: string[]) => boolean): GoldDoc[] {
  const docs: GoldDoc[] = [];
  let doc: GoldDoc = [];
  let cur: GoldSentence = { words: [], tags: [] };
  const flush = () => {
    if (cur.words.length) doc.push(cur);
    cur = { words: [], tags: [] };
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const t = line.trim();
    if (!t) {
      flush();
      continue;
    }
    const parts = t.split(sep);
    if (docMark(parts)) {
      flush();
      if (doc.length) docs.push(doc);
      doc = [];
      continue;
    }
    cur.words.push(wordCol(parts));
    cur.tags.push(parts[parts.length - 1]!);
  }
  flush();
  if (doc.length) docs.push(doc);
  return docs;
}

function mapped(docs: GoldDoc[], mapType: (t: string) => string): GoldDoc[] {
  return docs.map((d) => d.map((s) => ({ words: s.words, tags: toIob2(s.tags, mapType) })));
}

export function readConll(file: string): GoldDoc[] {
  return mapped(readColumns(file, (p) => p[0]!, ' ', (p) => p[0] === '-DOCSTART-'), (t) => t);
}

export function readWikigold(file: string): GoldDoc[] {
  return mapped(readColumns(file, (p) => p[1]!, '\t', (p) => p[1] === '-DOCSTART-'), (t) => t);
}

export function readCrossner(file: string): GoldDoc[] {
  const [all] = readColumns(file, (p) => p[0]!, '\t', () => false);
  const docs: GoldDoc[] = [];
  for (let i = 0; i < (all?.length ?? 0); i += 10) docs.push(all!.slice(i, i + 10));
  return mapped(docs, (t) => CROSSNER_TYPE[t] ?? 'MISC');
}

/**
 * WikiGold's hold-out: every fifth article (index 4, 9, …) is never trained on; `npm run eval` scores the
 * shipped model on those 29 articles only. The trainer takes the other 116.
 */
export function isWikigoldHeldOut(docIndex: number): boolean {
  return docIndex % 5 === 4;
}
