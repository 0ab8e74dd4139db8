/**
 * User corrections to statements' speakers, kept per folder beside the entity corrections, in
 * `.news-annotator/speakers.yaml` (same rules: the user's comments are kept by the editor in
 * speakerCorrectionsEdit.ts, and a broken file is refused with its reason, never half-applied):
 *
 *   statements:
 *     - text: the talks had been quite constructive   # the statement's words (quotation or reported clause)
 *       cue: said                                      # optional: the cue words, to tell apart two like statements
 *       speaker: Rex Tillerson                         # the speaker to show; null clears it ("nobody named")
 *     - text: a man of the people
 *       notAStatement: true                            # a scare quote or a title, not something someone said
 *
 * A correction is keyed by the normalised text (case, punctuation, quotation marks and spacing ignored) and the
 * cue, so it survives re-analysis and edits elsewhere in the article; when the words changed a little (a typo
 * fixed, a word added), it still applies if at least 80% of the words are the same (the closest statement
 * wins). Applied inside analyzeArticle, so every view sees the corrected speaker.
 */
import { parse } from 'yaml';
import { CorrectionsError } from './corrections';
import type { Quote } from './types';

export const SPEAKER_CORRECTIONS_FILE = '.news-annotator/speakers.yaml';

export interface SpeakerCorrection {
  /** The statement's words, as written (matched normalised). */
  readonly text: string;
  /** The cue words, when given (matched normalised). */
  readonly cue?: string;
  /** The speaker to show (null: no speaker); absent with notAStatement. */
  readonly speaker?: string | null;
  /** The passage is not a statement: it is left out of the statements. */
  readonly notAStatement?: boolean;
}

export interface SpeakerCorrections {
  readonly statements: readonly SpeakerCorrection[];
}

export const NO_SPEAKER_CORRECTIONS: SpeakerCorrections = { statements: [] };

/** Lower case, letters and digits only, single spaces: the key a statement's text is matched by. */
export function normStatementText(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Parses the speaker corrections file; throws CorrectionsError (with the reason) when it is not valid. */
export function parseSpeakerCorrections(source: string): SpeakerCorrections {
  let doc: unknown;
  try {
    doc = parse(source);
  } catch (err) {
    throw new CorrectionsError(`speaker corrections: invalid YAML: ${(err as Error).message}`);
  }
  if (doc === null || doc === undefined) return NO_SPEAKER_CORRECTIONS;
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new CorrectionsError('speaker corrections: expected a mapping with "statements"');
  const d = doc as Record<string, unknown>;
  for (const k of Object.keys(d)) if (k !== 'statements' && k !== 'version') throw new CorrectionsError(`speaker corrections: unknown key "${k}" (expected statements)`);
  const raw = d['statements'] ?? [];
  if (!Array.isArray(raw)) throw new CorrectionsError('speaker corrections: "statements" must be a list');
  const statements: SpeakerCorrection[] = [];
  raw.forEach((x: unknown, i) => {
    const where = `speaker corrections: statements[${i}]`;
    if (!x || typeof x !== 'object' || Array.isArray(x)) throw new CorrectionsError(`${where}: expected a mapping with text and speaker (or notAStatement)`);
    const o = x as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!['text', 'cue', 'speaker', 'notAStatement'].includes(k)) throw new CorrectionsError(`${where}: unknown key "${k}" (expected text, cue, speaker, notAStatement)`);
    const text = o['text'];
    if (typeof text !== 'string' || !normStatementText(text)) throw new CorrectionsError(`${where}: "text" is required (the statement's words)`);
    const cue = o['cue'];
    if (cue !== undefined && cue !== null && typeof cue !== 'string') throw new CorrectionsError(`${where}: "cue" must be text`);
    const not = o['notAStatement'];
    if (not !== undefined && typeof not !== 'boolean') throw new CorrectionsError(`${where}: "notAStatement" must be true or false`);
    const speaker = o['speaker'];
    if (speaker !== undefined && speaker !== null && typeof speaker !== 'string') throw new CorrectionsError(`${where}: "speaker" must be a name or null`);
    if (!not && !('speaker' in o)) throw new CorrectionsError(`${where}: give "speaker" (a name, or null for none) or "notAStatement: true"`);
    statements.push({
      text,
      ...(typeof cue === 'string' && cue.trim() ? { cue: cue.trim() } : {}),
      ...(not ? { notAStatement: true } : { speaker: typeof speaker === 'string' && speaker.trim() ? speaker.trim() : null }),
    });
  });
  return { statements };
}

function words(s: string): Set<string> {
  return new Set(s.split(' ').filter(Boolean));
}

/** Share of words two normalised texts have in common (Jaccard on word sets). */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const wa = words(a);
  const wb = words(b);
  let both = 0;
  for (const w of wa) if (wb.has(w)) both++;
  return both / (wa.size + wb.size - both || 1);
}

/** Least word overlap for a correction to follow a statement whose words changed. */
export const FUZZY_MIN = 0.8;

/**
 * Applies the corrections to an article's statements: the speaker set, changed or cleared (`corrected: true`),
 * or the statement left out. Each correction goes to the one statement it matches best (exact normalised text and
 * cue first, then the closest text with at least FUZZY_MIN of its words). `partOf` indices are renumbered.
 */
export function applySpeakerCorrections(quotes: readonly Quote[], corrections: SpeakerCorrections, idOf: (name: string) => string | null = () => null): Quote[] {
  if (corrections.statements.length === 0 || quotes.length === 0) return quotes as Quote[];
  const keys = quotes.map((q) => normStatementText(q.text));
  const cues = quotes.map((q) => (q.cue ? normStatementText(q.cue) : ''));
  const action = new Map<number, SpeakerCorrection>();
  for (const c of corrections.statements) {
    const k = normStatementText(c.text);
    const cue = c.cue ? normStatementText(c.cue) : '';
    let best = -1;
    let bestScore = 0;
    for (let i = 0; i < quotes.length; i++) {
      if (action.has(i) || (cue && cues[i] !== cue)) continue;
      const s = keys[i] === k ? 2 : similarity(keys[i]!, k);
      if (s > bestScore && (s >= FUZZY_MIN || s === 2)) {
        best = i;
        bestScore = s;
      }
    }
    if (best >= 0) action.set(best, c);
  }
  if (action.size === 0) return quotes as Quote[];
  const newIndex = new Map<number, number>();
  const kept: Quote[] = [];
  quotes.forEach((q, i) => {
    const c = action.get(i);
    if (c?.notAStatement) return;
    newIndex.set(i, kept.length);
    kept.push(c ? { ...q, speaker: c.speaker ?? null, speakerId: c.speaker ? idOf(c.speaker) : null, corrected: true } : q);
  });
  return kept.map((q) => {
    if (q.partOf === undefined) return q;
    const at = newIndex.get(q.partOf);
    if (at !== undefined) return at === q.partOf ? q : { ...q, partOf: at };
    const { partOf: _gone, ...rest } = q;
    void _gone;
    return rest;
  });
}
