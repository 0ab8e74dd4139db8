/**
 * One-step edits of the speaker corrections file (`.news-annotator/speakers.yaml`, see speakerCorrections.ts):
 * set, change or clear a statement's speaker, mark it "not a statement", or drop the correction. Works on the YAML
 * text with the `yaml` Document API, so the user's comments and other entries stay as written; a file that does
 * not parse as speaker corrections is refused (CorrectionsError) and nothing should then be written.
 * Pure: the caller reads and writes the file.
 */
import { isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { CorrectionsError } from './corrections';
import { normStatementText, parseSpeakerCorrections } from './speakerCorrections';
import type { Quote } from './types';

/** Which statement a correction is about: its words and (optionally) its cue, as the analysis gave them. */
export interface StatementKey {
  readonly text: string;
  readonly cue?: string;
}

export type SpeakerCorrectionEdit =
  /** Set or change the speaker (a name), or clear it (null: "nobody named"). */
  | { readonly kind: 'speaker'; readonly statement: StatementKey; readonly speaker: string | null }
  /** The passage is not a statement (a scare quote, a title): left out of the statements. */
  | { readonly kind: 'notAStatement'; readonly statement: StatementKey }
  /** Forget the correction of this statement (the analysis's own speaker comes back). */
  | { readonly kind: 'remove'; readonly statement: StatementKey };

const HEADER = '# Speaker corrections for News Annotator: one entry per statement (its words, its cue, and the speaker to show,\n# or notAStatement: true). Edited by hand or with "Correct Speaker…" in the editor.\n';

/** The key of an analysed statement, for an edit. */
export function statementKey(q: Pick<Quote, 'text' | 'cue'>): StatementKey {
  return q.cue ? { text: q.text, cue: q.cue } : { text: q.text };
}

function sameStatement(item: unknown, k: StatementKey): boolean {
  if (!isMap(item)) return false;
  const t = item.get('text');
  const c = item.get('cue');
  if (typeof t !== 'string' || normStatementText(t) !== normStatementText(k.text)) return false;
  return normStatementText(typeof c === 'string' ? c : '') === normStatementText(k.cue ?? '');
}

/** Applies one edit to the file's text (undefined or empty: no file yet) and returns the new text. */
export function applySpeakerCorrectionEdit(sourceText: string | undefined, edit: SpeakerCorrectionEdit): string {
  if (!normStatementText(edit.statement.text)) throw new CorrectionsError('speaker corrections: the statement has no words');
  if (edit.kind === 'speaker' && edit.speaker !== null && !edit.speaker.trim()) throw new CorrectionsError('speaker corrections: the speaker is empty (use null to clear it)');
  const source = sourceText ?? '';
  parseSpeakerCorrections(source); // refuses a broken file with its reason
  const fresh = source.trim() === '';
  let doc = parseDocument(fresh ? HEADER + 'statements: []\n' : source);
  if (!isMap(doc.contents)) doc = parseDocument(source.replace(/\s*$/, '\n') + 'statements: []\n');
  const root = doc.contents as YAMLMap;
  let seq = root.get('statements') as YAMLSeq | undefined;
  if (!isSeq(seq)) {
    root.set('statements', doc.createNode([]));
    seq = root.get('statements') as YAMLSeq;
  }
  seq.flow = false;
  const at = seq.items.findIndex((it) => sameStatement(it, edit.statement));
  if (edit.kind === 'remove') {
    if (at < 0) return source;
    seq.items.splice(at, 1);
  } else {
    const entry: Record<string, unknown> = { text: edit.statement.text.replace(/\s+/g, ' ').trim() };
    if (edit.statement.cue) entry['cue'] = edit.statement.cue;
    if (edit.kind === 'speaker') entry['speaker'] = edit.speaker === null ? null : edit.speaker.trim();
    else entry['notAStatement'] = true;
    const node = doc.createNode(entry);
    if (at >= 0) seq.items[at] = node;
    else seq.items.push(node);
  }
  const out = doc.toString({ lineWidth: 0 });
  parseSpeakerCorrections(out); // what we write must read back
  return out;
}
