/**
 * The cue lexicon: words that introduce what someone said. Two layers:
 *  - CUES / WEAK_CUES: the hand-kept list the direct-quote rules use next to quotation marks (it includes
 *    verbs of thinking and reacting, which are fine right beside a quotation);
 *  - the speech lexicon learnt from PolNeAR train (cueLexicon.json, `npm run build-cues`): word forms of verbs of
 *    saying and writing with their cue rate, and recurring phrasal forms; reported speech (no quotation marks)
 *    is only looked for after these.
 */

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
