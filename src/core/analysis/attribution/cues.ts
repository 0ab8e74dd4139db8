/**
 * The cue lexicon: words that introduce what someone said. Two layers:
 *  - CUES / WEAK_CUES: the hand-kept list the direct-quote rules use next to quotation marks (it includes
 *    verbs of thinking and reacting, which are fine right beside a quotation);
 *  - the speech lexicon learnt from PolNeAR train (cueLexicon.json, `npm run build-cues`): word forms of verbs of
 *    saying and writing with their cue rate, and recurring phrasal forms; reported speech (no quotation marks)
 *    is only looked for after these.
 */
import lexicon from './cueLexicon.json';

export const CUE_WORDS = [
  'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling', 'add', 'adds', 'added', 'adding', 'write', 'writes', 'wrote', 'writing',
  'tweet', 'tweets', 'tweeted', 'tweeting', 'post', 'posted', 'state', 'states', 'stated', 'stating', 'note', 'notes', 'noted', 'noting',
  'elaborate', 'elaborated', 'explain', 'explains', 'explained', 'explaining', 'claim', 'claims', 'claimed', 'claiming', 'argue', 'argues', 'argued', 'arguing',
  'insist', 'insists', 'insisted', 'insisting', 'warn', 'warns', 'warned', 'warning', 'ask', 'asks', 'asked', 'asking', 'reply', 'replies', 'replied',
  'respond', 'responds', 'responded', 'recall', 'recalls', 'recalled', 'continue', 'continues', 'continued', 'declare', 'declares', 'declared',
  'announce', 'announces', 'announced', 'acknowledge', 'acknowledges', 'acknowledged', 'admit', 'admits', 'admitted', 'suggest', 'suggests', 'suggested',
  'describe', 'describes', 'described', 'describing', 'call', 'calls', 'called', 'calling', 'comment', 'commented', 'remark', 'remarked', 'predict', 'predicts', 'predicted',
  'conclude', 'concluded', 'urge', 'urges', 'urged', 'urging', 'stress', 'stresses', 'stressed', 'emphasise', 'emphasised', 'emphasize', 'emphasized',
  'maintain', 'maintains', 'maintained', 'promise', 'promised', 'vow', 'vows', 'vowed', 'concede', 'conceded', 'complain', 'complained', 'joke', 'joked',
  'quip', 'quipped', 'recount', 'recounted', 'testify', 'testified', 'report', 'reports', 'reported', 'announce', 'boast', 'boasted', 'charge', 'charged',
  'contend', 'contended', 'counter', 'countered', 'deny', 'denied', 'denies', 'exclaim', 'exclaimed', 'insist', 'observe', 'observed', 'point', 'pointed',
  'reiterate', 'reiterated', 'retort', 'retorted', 'shout', 'shouted', 'whisper', 'whispered', 'wonder', 'wondered', 'confirm', 'confirmed', 'confirms',
  'believe', 'believes', 'believed', 'think', 'thinks', 'thought', 'hope', 'hopes', 'hoped', 'accuse', 'accused', 'accuses', 'criticise', 'criticised', 'criticized',
  'blame', 'blamed', 'praise', 'praised', 'dismiss', 'dismissed', 'pledge', 'pledged', 'tout', 'touted', 'agree', 'agreed', 'agrees', 'lament', 'lamented',
  'mused', 'muse', 'sigh', 'sighed', 'read', 'reads', 'demand', 'demanded', 'demands', 'snapped', 'cautioned', 'echoed', 'opined', 'texted', 'emailed',
  'chimed', 'scoffed', 'yelled', 'screamed', 'cried', 'chanted', 'interjected', 'interrupted', 'objected', 'protested', 'pleaded', 'begged', 'bragged',
  'grumbled', 'groused', 'sniffed', 'marveled', 'marvelled', 'speculated', 'reckoned', 'confided', 'revealed', 'disclosed', 'confessed', 'threatened',
  'assured', 'advised', 'recommended', 'implored', 'cautions', 'warns', 'insists', 'explains', 'recalls', 'concedes', 'acknowledges', 'wrote', 'remarks', 'begin', 'began', 'went', 'goes', 'put', 'recalls', 'proclaim', 'proclaimed', 'assert', 'asserted', 'asserts', 'allege', 'alleged',
];
export const CUES = new Set(CUE_WORDS);
/** Cues weak enough that we only accept them right next to a quote. */
export const WEAK_CUES = new Set(['comment', 'remark', 'claim', 'reply', 'promise', 'charge', 'counter', 'vow', 'stress', 'read', 'reads', 'went', 'goes', 'put', 'call', 'calls', 'called', 'calling', 'believe', 'believes', 'believed', 'think', 'thinks', 'thought', 'hope', 'hopes', 'hoped', 'begin', 'began', 'continue', 'continues', 'continued', 'point', 'pointed', 'post', 'state', 'states', 'report', 'reports', 'agree', 'agreed', 'agrees', 'describe', 'describes', 'described', 'describing', 'praise', 'praised', 'blame', 'blamed', 'accuse', 'accused', 'accuses', 'dismiss', 'dismissed', 'warning', 'calling']);

interface LexEntry {
  readonly lemma: string;
  readonly rate: number;
  readonly cues: number;
}

const FORMS = new Map<string, LexEntry>(Object.entries((lexicon as { forms: Record<string, LexEntry> }).forms));
// British spellings of the (American) training forms: "criticised" as "criticized", "signalled" as "signaled"
for (const [w, e] of [...FORMS]) {
  const variants = [w.replace(/iz(e|es|ed|ing)$/, 'is$1'), w.replace(/([^l])l(ed|ing)$/, '$1ll$2')];
  for (const v of variants) if (v !== w && !FORMS.has(v)) FORMS.set(v, e);
}

/** A speech cue found in the tokens: token range [start, end), the verb family and how reliable the form is. */
export interface SpeechCue {
  readonly start: number;
  readonly end: number;
  readonly lemma: string;
  /** Share of this form's occurrences that annotators marked as a cue in PolNeAR train. */
  readonly rate: number;
}

/** Forms below this cue rate are taken only in the tightest patterns ("X said that …", "…, X said."). */
export const STRONG_RATE = 0.5;
/** Forms below this rate are never cues of reported speech. */
const MIN_RATE = 0.2;

/** Verb families that take an addressee before what is said ("told reporters that …", "warned Congress …"). */
export const ADDRESSEE_LEMMAS = new Set(['tell', 'assure', 'warn', 'urge', 'ask', 'remind', 'inform', 'caution', 'advise', 'promise', 'email', 'text']);
/** Verb families whose content is no clause of speech in the usual sense, only kept after a particle. */
const PARTICLE: Record<string, string[]> = { point: ['out'], call: ['for', 'on'], go: ['on'], rule: ['out'], make: ['clear', 'it'] };
/** Words before a cue form that make it a noun or a passive, not a speech verb ("the report", "was told"). */
const NOT_BEFORE = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'to', 'was', 'were', 'been', 'being', 'be', 'is', 'are', 'am', 'no', 'any', 'some', 'of', "'s"]);

const PROGRESSIVE = new Set(['is', 'was', 'were', 'are', 'been', 'be', 'am', 'being']);

/** The speech cue starting at token i, if any (`according to`, `said`, `pointed out`, `told`, …). */
export function speechCueAt(toks: readonly { text: string }[], i: number): SpeechCue | null {
  const w = toks[i]!.text.toLowerCase();
  if (w === 'according') {
    if (toks[i + 1]?.text.toLowerCase() === 'to') return { start: i, end: i + 2, lemma: 'according', rate: 1 };
    return null;
  }
  const e = FORMS.get(w);
  if (!e || e.rate < MIN_RATE) return null;
  const before = i > 0 ? toks[i - 1]!.text.toLowerCase() : '';
  // "the report", "was told", "is said to": nouns and passives are no cues; "has said" and "is saying" are
  if (NOT_BEFORE.has(before) && !(PROGRESSIVE.has(before) && w.endsWith('ing'))) return null;
  return withParticle(toks, i, e);
}

/** The cue of entry e at token i, taking its particle ("pointed out", "made it clear"); null when a needed particle is missing. */
function withParticle(toks: readonly { text: string }[], i: number, e: LexEntry): SpeechCue | null {
  const particles = PARTICLE[e.lemma];
  if (particles) {
    const next = toks[i + 1]?.text.toLowerCase() ?? '';
    if (!particles.includes(next)) return null;
    if (e.lemma === 'make') {
      // "made clear that …", "made it clear that …"
      if (next === 'clear') return { start: i, end: i + 2, lemma: 'make', rate: Math.max(e.rate, 0.6) };
      if (toks[i + 2]?.text.toLowerCase() === 'clear') return { start: i, end: i + 3, lemma: 'make', rate: Math.max(e.rate, 0.6) };
      return null;
    }
    if (e.lemma === 'go') {
      // "went on to say that …": the cue is the whole phrase
      const t2 = toks[i + 2]?.text.toLowerCase();
      const t3 = toks[i + 3]?.text.toLowerCase() ?? '';
      if (t2 === 'to' && FORMS.has(t3)) return { start: i, end: i + 4, lemma: FORMS.get(t3)!.lemma, rate: 0.9 };
      return null;
    }
    return { start: i, end: i + 2, lemma: e.lemma, rate: Math.max(e.rate, 0.6) };
  }
  return { start: i, end: i + 1, lemma: e.lemma, rate: e.rate };
}

/** Verbs whose object is the one who would speak ("urged X to say", "asked her to confirm"): no statement is made. */
const OBJECT_CONTROL = new Set(['ask', 'asked', 'asks', 'asking', 'urge', 'urged', 'urges', 'urging', 'want', 'wanted', 'wants', 'allow', 'allowed', 'force', 'forced', 'persuade', 'persuaded', 'invite', 'invited', 'encourage', 'encouraged', 'press', 'pressed', 'pressure', 'pressured', 'order', 'ordered', 'challenge', 'challenged', 'dare', 'dared', 'call', 'called', 'calling', 'calls', 'prompt', 'prompted', 'lead', 'led', 'get', 'got', 'expect', 'expects', 'expected', 'need', 'needed', 'tell', 'told', 'require', 'required', 'instruct', 'instructed', 'compel', 'compelled', 'prod', 'prodded', 'help', 'helped', 'let']);
const OBJECT_STARTS = new Set(['him', 'her', 'them', 'us', 'me', 'you', 'the', 'a', 'an', 'his', 'their', 'its', 'our', 'my', 'your', 'this', 'that', 'those', 'these', 'everyone', 'people', 'others']);
/** Verbs before "to CUE" that make the speech unreal or refused ("refused to say", "declined to confirm", "failed to mention"). */
const NOT_SAID = new Set(['refused', 'refuses', 'refuse', 'declined', 'declines', 'decline', 'failed', 'fails', 'fail', 'hesitate', 'hesitated', 'afraid', 'reluctant', 'unwilling', 'unable', 'able', 'wants', 'want', 'wanted', 'wanting', 'hope', 'hopes', 'hoped', 'plan', 'plans', 'planned', 'planning', 'try', 'tried', 'tries', 'trying', 'likely', 'unlikely', 'ready', 'prepared', 'preparing', 'going', 'forced', 'how', 'what', 'where', 'when', 'whether', 'whom', 'who', 'nothing', 'something', 'anything', 'chance', 'opportunity', 'time', 'right', 'need', 'needs', 'needed', 'must', 'have', 'has', 'had', 'would', 'should']);

/**
 * A speech cue in a to-infinitive whose subject did speak: "used his press conference to suggest that …",
 * "emerged to tell reporters that …", "is expected to announce that …" (token i is the verb after "to"). Not when
 * the governing verb puts the words in someone else's mouth ("urged X to say") or denies they were said
 * ("refused to say", "declined to confirm", "wants to tell").
 */
export function infinitiveCueAt(toks: readonly { text: string }[], i: number): SpeechCue | null {
  if (toks[i - 1]?.text.toLowerCase() !== 'to') return null;
  const w = toks[i]!.text.toLowerCase();
  const e = FORMS.get(w);
  // the bare form only ("to say", "to suggest"), and a strong family
  if (!e || e.rate < MIN_RATE || (/(?:s|ed|ing)$/.test(w) && w !== e.lemma)) return null;
  const before = toks[i - 2]?.text.toLowerCase() ?? '';
  if (NOT_SAID.has(before)) return null;
  // "urged Mr X to say", "asked them to confirm", "was asked to say": the verb, then nothing or an object
  for (let k = i - 2; k >= 0 && k >= i - 6; k--) {
    const l = toks[k]!.text.toLowerCase();
    if (l === ',' || l === '.' || l === ';') break;
    if (!OBJECT_CONTROL.has(l)) continue;
    const o = toks[k + 1]!.text;
    if (k + 1 === i - 1 || OBJECT_STARTS.has(o.toLowerCase()) || /^\p{Lu}/u.test(o)) return null;
  }
  return withParticle(toks, i, e);
}
