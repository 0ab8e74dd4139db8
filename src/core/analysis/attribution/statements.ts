/**
 * One list of statements: the direct quotations and the reported statements, in document order. A reported
 * statement whose clause holds a quotation becomes `mixed`, and each quotation inside it keeps its `direct` item
 * with `partOf` set to the mixed item's index. A fragment takes the mixed statement's speaker when it has one,
 * and a mixed statement with no speaker the fragment's.
 */
import type { Quote } from '../types';
import type { ReportedStatement } from './reported';

/** The gap between two parts of one quotation interrupted by its attribution: `,” Mr X said. “` / `,” said X, “`. */
const SPLIT_GAP = /^(?:,\s*[”"’']|[”"’']\s*,|[”"’']\s)\s*[^“”"‘.!?;\n]{2,120}?\s*[.,:—–-]\s*[“"]$/;

/**
 * "“A,” X said. “B.”": one statement in two quotations (the attribution between them). Returned as extra
 * reported-like statements spanning both parts, which the merge below turns into `mixed` items.
 */
export function splitQuotations(text: string, direct: readonly Quote[], cueWords: ReadonlySet<string>): ReportedStatement[] {
  const out: ReportedStatement[] = [];
  for (let k = 0; k + 1 < direct.length; k++) {
    const q1 = direct[k]!;
    const q2 = direct[k + 1]!;
    if (q1.passage !== q2.passage || !q1.speaker || (q2.speaker && q2.speaker !== q1.speaker) || q2.start - q1.end > 130) continue;
    // honorifics and initials keep their periods ("Ms. Moore said")
    const gap = text.slice(q1.end, q2.start).replace(/\b(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|St|Jr|Sr|[A-Z])\./g, '$1 ');
    if (!SPLIT_GAP.test(gap)) continue;
    // "“A.” He added: “B.”" is a second statement; "“A.” she said. “B.”" one statement
    if (!/^[,\s]*[”"’']?\s*,/.test(gap) && (q1.unclosed || /\badd(?:s|ed)?\b|:/.test(gap))) continue;
    const m = /[A-Za-z]+/g;
    let cue: RegExpExecArray | null = null;
    for (let w = m.exec(gap); w; w = m.exec(gap)) {
      if (cueWords.has(w[0].toLowerCase())) {
        cue = w;
        break;
      }
    }
    if (!cue) continue;
    const cs = q1.end + cue.index;
    out.push({ start: q1.start, end: q2.end, cueStart: cs, cueEnd: cs + cue[0].length, cue: cue[0], speaker: q1.speaker, speakerId: q1.speakerId, entity: null });
  }
  return out;
}

export function mergeStatements(text: string, direct: readonly Quote[], reported: readonly ReportedStatement[], passageAt: (pos: number) => number): Quote[] {
  if (reported.length === 0) return direct.map((q) => (q.kind ? q : { ...q, kind: 'direct', cueStart: q.cueStart ?? null, cueEnd: q.cueEnd ?? null }));
  const items: Quote[] = [];
  const fragOf: number[] = []; // for each direct item (by its index in `direct`), the reported index holding it, or -1
  let ri = 0;
  for (const q of direct) {
    while (ri < reported.length && reported[ri]!.end < q.end) ri++;
    let holder = -1;
    for (let k = Math.max(0, ri - 3); k < reported.length && reported[k]!.start <= q.start + 1; k++) {
      const r = reported[k]!;
      if (r.start <= q.start + 1 && q.end <= r.end + 1 && (holder < 0 || r.end - r.start < reported[holder]!.end - reported[holder]!.start)) holder = k;
    }
    fragOf.push(holder);
  }
  const mixed = new Set(fragOf.filter((k) => k >= 0));
  const entries: { pos: number; order: number; q: Quote; src: 'd' | 'r'; idx: number }[] = [];
  reported.forEach((r, k) => {
    let speaker = r.speaker;
    let speakerId = r.speakerId;
    if (!speaker && mixed.has(k)) {
      const d = direct.find((q, i) => fragOf[i] === k && q.speaker);
      if (d) {
        speaker = d.speaker;
        speakerId = d.speakerId;
      }
    }
    const q: Quote = {
      start: r.start,
      end: r.end,
      text: text.slice(r.start, r.end),
      speaker,
      speakerId,
      cue: r.cue,
      passage: passageAt(r.start),
      kind: mixed.has(k) ? 'mixed' : 'reported',
      cueStart: r.cueStart,
      cueEnd: r.cueEnd,
    };
    entries.push({ pos: r.start, order: 0, q, src: 'r', idx: k });
  });
  direct.forEach((q, i) => entries.push({ pos: q.start, order: 1, q, src: 'd', idx: i }));
  entries.sort((a, b) => a.pos - b.pos || a.order - b.order || a.idx - b.idx);
  const indexOfReported = new Map<number, number>();
  entries.forEach((en, at) => {
    if (en.src === 'r') indexOfReported.set(en.idx, at);
  });
  for (const en of entries) {
    if (en.src === 'r') {
      items.push(en.q);
      continue;
    }
    const holder = fragOf[en.idx]!;
    const base: Quote = { ...en.q, kind: 'direct', cueStart: en.q.cueStart ?? null, cueEnd: en.q.cueEnd ?? null };
    if (holder < 0) {
      items.push(base);
      continue;
    }
    const m = reported[holder]!;
    // the words quoted inside a reported clause are its source's: "Mr Trump's aides … to ensure “peace through strength”"
    const own = m.speaker ? { speaker: m.speaker, speakerId: m.speakerId, cue: m.cue, cueStart: m.cueStart, cueEnd: m.cueEnd } : {};
    items.push({ ...base, partOf: indexOfReported.get(holder)!, ...own });
  }
  return items;
}
