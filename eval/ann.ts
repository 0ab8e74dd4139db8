/** brat standoff (.ann) files as PolNeAR writes them: T lines (type, spans, text) and E lines (role:id). */
export interface Ann {
  type: string;
  spans: [number, number][];
  text: string;
}

export function parseAnn(src: string): { t: Map<string, Ann>; e: Map<string, string>[] } {
  const t = new Map<string, Ann>();
  const e: Map<string, string>[] = [];
  for (const line of src.split('\n')) {
    if (line.startsWith('T')) {
      const [id, mid, text] = line.split('\t');
      if (!id || !mid) continue;
      const sp = mid.indexOf(' ');
      const type = mid.slice(0, sp);
      const spans = mid
        .slice(sp + 1)
        .split(';')
        .map((p) => p.trim().split(' ').map(Number) as [number, number]);
      t.set(id, { type, spans, text: text ?? '' });
    } else if (line.startsWith('E')) {
      const [, rest] = line.split('\t');
      const m = new Map<string, string>();
      for (const part of (rest ?? '').split(' ')) {
        const [k, v] = part.split(':');
        if (k && v) m.set(k, v);
      }
      e.push(m);
    }
  }
  return { t, e };
}

const OPEN = new Set(['“', '"', '«']);
const CLOSE = new Set(['”', '"', '»']);

/** Quoted segments (inside the marks) overlapping [s, e) of `text`, the marks possibly just outside it (PolNeAR direct quotations). */
export function quotedSegments(text: string, s: number, e: number): [number, number][] {
  const out: [number, number][] = [];
  const from = Math.max(0, s - 2);
  const to = Math.min(text.length, e + 2);
  let open = -1;
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (open < 0 && OPEN.has(c) && (c !== '"' || i === 0 || /[\s([—–-]/.test(text[i - 1]!) || i === from)) {
      if (c === '"' && i + 1 < to && /\s/.test(text[i + 1]!)) continue;
      open = i + 1;
    } else if (open >= 0 && CLOSE.has(c)) {
      let a = open;
      let b = i;
      while (a < b && /\s/.test(text[a]!)) a++;
      while (b > a && /\s/.test(text[b - 1]!)) b--;
      if (b > a && a < e && b > s && /[\p{L}\p{N}]/u.test(text.slice(a, b))) out.push([a, b]);
      open = -1;
    }
  }
  return out;
}
