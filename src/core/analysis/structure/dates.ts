/** Dates as articles write them: "March 4, 2025", "5 March 2025", "2025-03-05", "13-04-2017", with or without a weekday. */

export const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
export const MONTH_RE = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
export const WEEKDAY_RE = '(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?';

export const DATE_PATTERNS: RegExp[] = [
  /\b(\d{4})-(\d{2})-(\d{2})\b/,
  new RegExp(`\\b(?:${WEEKDAY_RE},?\\s*[/,]?\\s*)?(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b\\.?`, 'i'),
  new RegExp(`\\b(?:${WEEKDAY_RE},?\\s*[/,]?\\s*)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_RE})(?:,?\\s+(\\d{4}))?\\b\\.?`, 'i'),
  /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/,
];

export const WEEKDAY_DATE = new RegExp(`^${WEEKDAY_RE}\\s*[/,]?\\s*${MONTH_RE}\\s+\\d{1,2}\\.?(?:,?\\s+\\d{4})?$|^${WEEKDAY_RE}\\s*[/,]?\\s*\\d{1,2}\\s+${MONTH_RE}(?:,?\\s+\\d{4})?\\.?$`, 'i');

export interface FoundDate {
  readonly text: string;
  readonly iso: string | null;
  readonly index: number;
}

export function pad(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** Finds the first date in a short string; returns the text as written and ISO when the year is known. */
export function findDate(s: string): FoundDate | null {
  let best: FoundDate | null = null;
  for (let p = 0; p < DATE_PATTERNS.length; p++) {
    const m = DATE_PATTERNS[p]!.exec(s);
    if (!m) continue;
    let iso: string | null = null;
    if (p === 0) {
      const mo = Number(m[2]);
      const d = Number(m[3]);
      if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) iso = `${m[1]}-${m[2]}-${m[3]}`;
      else continue;
    } else if (p === 1 || p === 2) {
      const monthName = (p === 1 ? m[1] : m[2])!.replace('.', '').toLowerCase();
      const mo = MONTHS[monthName];
      const d = Number(p === 1 ? m[2] : m[1]);
      if (!mo || d < 1 || d > 31) continue;
      if (m[3]) iso = `${m[3]}-${pad(mo)}-${pad(d)}`;
    } else {
      const a = Number(m[1]);
      const b = Number(m[2]);
      // dd-mm-yyyy unless the first number cannot be a day of a month ≤ 12
      let d = a;
      let mo = b;
      if (b > 12 && a <= 12) {
        d = b;
        mo = a;
      }
      if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
      iso = `${m[3]}-${pad(mo)}-${pad(d)}`;
    }
    const found = { text: m[0].trim(), iso, index: m.index };
    if (!best || found.index < best.index) best = found;
  }
  return best;
}

/** A time after a date on its line: "Wednesday 5 March 2025 06.00 GMT", "March 4, 2025, 10:15 am". */
export const TIME_SUFFIX = /,?\s+(?:at\s+)?\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$/i;
