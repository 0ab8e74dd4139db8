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

