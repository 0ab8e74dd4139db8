/** A tiny DOM builder for the dashboard webview (no framework; no inline styles: the CSP allows none). */
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, '').toLowerCase(), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? String(c) : c);
  }
  return el;
}

export function fmt(n: number): string {
  return n.toLocaleString('en');
}

export function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${fmt(n)} ${n === 1 ? word : many}`;
}
