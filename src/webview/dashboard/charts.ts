/**
 * The dashboard's charts, drawn with Observable Plot as SVG: speakers stacked by kind, speakers × outlets,
 * a timeline per top speaker, people vs organisations (and the optional gender estimate). Colours come from the
 * theme's CSS variables (read when drawing, so light, dark and high-contrast themes each get theirs); every bar,
 * cell and dot is focusable and activates with Enter or Space as with a click.
 */
import * as Plot from '@observablehq/plot';
import type { StatementKind, TallyResult, TallyRow } from '../../core/tally/types';

export const KINDS: readonly StatementKind[] = ['direct', 'mixed', 'reported'];

export interface Theme {
  readonly fg: string;
  readonly muted: string;
  readonly bg: string;
  readonly grid: string;
  readonly kinds: Readonly<Record<StatementKind, string>>;
  readonly series: readonly string[];
  readonly types: readonly string[];
}

export function readTheme(): Theme {
  const cs = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  const blue = v('--vscode-charts-blue', '#1a85ff');
  const orange = v('--vscode-charts-orange', '#d18616');
  const green = v('--vscode-charts-green', '#388a34');
  const purple = v('--vscode-charts-purple', '#652d90');
  const red = v('--vscode-charts-red', '#e51400');
  const yellow = v('--vscode-charts-yellow', '#bf8803');
  const fg = v('--vscode-foreground', '#616161');
  return {
    fg,
    muted: v('--vscode-descriptionForeground', fg),
    bg: v('--vscode-editor-background', '#ffffff'),
    grid: v('--vscode-charts-lines', fg),
    kinds: { direct: blue, mixed: purple, reported: orange },
    series: [blue, orange, green, purple, red, yellow],
    types: [green, yellow, v('--vscode-charts-lines', fg), red],
  };
}

/** What a chart reports when a mark is activated. */
export type Activate<T> = (datum: T) => void;

/** Plot's `render` transform that makes each drawn element of a mark focusable and clickable. */
function interactive<T>(data: readonly T[], label: (d: T) => string, onActivate: Activate<T>) {
  return (index: number[], scales: Plot.ScaleFunctions, values: Plot.ChannelValues, dimensions: Plot.Dimensions, context: Plot.Context, next?: Plot.RenderFunction) => {
    const g = next?.(index, scales, values, dimensions, context) ?? null;
    if (!g) return null;
    const els = [...g.querySelectorAll('rect, circle, path')].filter((e) => e.parentNode === g || e.parentNode?.parentNode === g);
    els.forEach((el, i) => {
      const d = data[index[i]!];
      if (d === undefined) return;
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'button');
      el.setAttribute('aria-label', label(d));
      el.classList.add('mark');
      el.addEventListener('click', () => onActivate(d));
      el.addEventListener('keydown', (e) => {
        const k = (e as KeyboardEvent).key;
        if (k === 'Enter' || k === ' ') {
          e.preventDefault();
          onActivate(d);
        }
      });
    });
    return g;
  };
}

/** Plot appends a <style> element to the SVG: our stylesheet has its rules, and the CSP would refuse it. */
function clean(svg: SVGSVGElement | HTMLElement): SVGSVGElement | HTMLElement {
  svg.querySelectorAll('style').forEach((s) => s.remove());
  return svg;
}

/** Whole-number ticks: every integer up to a small maximum (so 0..3 is never labelled 0, 0, 1, 1...), else about 8. */
function countTicks(max: number): number[] | number {
  if (max <= 10) return Array.from({ length: Math.max(1, Math.ceil(max)) + 1 }, (_, i) => i);
  return 8;
}

function marginFor(labels: readonly string[]): number {
  return Math.min(220, 12 + 6.5 * Math.max(4, ...labels.map((l) => l.length)));
}

export interface KindDatum {
  readonly row: TallyRow;
  readonly kind: StatementKind;
  readonly n: number;
}

export function speakersChart(rows: readonly TallyRow[], width: number, t: Theme, onActivate: Activate<KindDatum>): SVGSVGElement | HTMLElement {
  const data: KindDatum[] = rows.flatMap((row) => KINDS.filter((k) => row[k] > 0).map((kind) => ({ row, kind, n: row[kind] })));
  return clean(
    Plot.plot({
      className: 'na-plot',
      width,
      height: 36 + 22 * Math.max(1, rows.length),
      marginLeft: marginFor(rows.map((r) => r.key)),
      x: { label: 'statements', grid: true, tickFormat: 'd', ticks: countTicks(Math.max(0, ...rows.map((r) => r.statements))) },
      y: { domain: rows.map((r) => r.key), label: null },
      color: { domain: [...KINDS], range: KINDS.map((k) => t.kinds[k]) },
      style: { color: t.fg, background: 'transparent' },
      ariaLabel: 'Speakers ranked by statements, stacked by kind',
      marks: [
        Plot.barX(data, {
          y: (d: KindDatum) => d.row.key,
          x: 'n',
          fill: 'kind',
          title: (d: KindDatum) => `${d.row.key}: ${d.n} ${d.kind}`,
          render: interactive(data, (d) => `${d.row.key}: ${d.n} ${d.kind} statement${d.n === 1 ? '' : 's'}, list them`, onActivate),
        }),
        Plot.ruleX([0], { stroke: t.grid }),
      ],
    }),
  );
}

export interface CellDatum {
  readonly row: TallyRow;
  readonly outlet: string;
  readonly n: number;
}

export function outletsChart(rows: readonly TallyRow[], outlets: readonly string[], width: number, t: Theme, onActivate: Activate<CellDatum>): SVGSVGElement | HTMLElement {
  const data: CellDatum[] = rows.flatMap((row) => outlets.filter((o) => (row.outlets[o] ?? 0) > 0).map((outlet) => ({ row, outlet, n: row.outlets[outlet]! })));
  const rotate = outlets.length > 4;
  return clean(
    Plot.plot({
      className: 'na-plot',
      width,
      height: 40 + 26 * Math.max(1, rows.length) + (rotate ? 70 : 0),
      marginLeft: marginFor(rows.map((r) => r.key)),
      marginBottom: rotate ? 90 : 30,
      x: { domain: [...outlets], label: null, tickRotate: rotate ? -35 : 0 },
      y: { domain: rows.map((r) => r.key), label: null },
      color: { type: 'linear', range: [t.bg, t.kinds.direct], domain: [0, Math.max(1, ...data.map((d) => d.n))] },
      style: { color: t.fg, background: 'transparent' },
      ariaLabel: 'Statements per outlet for the top speakers',
      marks: [
        Plot.cell(data, {
          x: 'outlet',
          y: (d: CellDatum) => d.row.key,
          fill: 'n',
          inset: 1,
          title: (d: CellDatum) => `${d.row.key} in ${d.outlet}: ${d.n}`,
          render: interactive(data, (d) => `${d.row.key} quoted by ${d.outlet}: ${d.n}, list them`, onActivate),
        }),
        Plot.text(data, { x: 'outlet', y: (d: CellDatum) => d.row.key, text: 'n', fill: t.fg, stroke: t.bg, strokeWidth: 3, paintOrder: 'stroke' }),
      ],
    }),
  );
}

export interface PointDatum {
  readonly id: string;
  readonly key: string;
  readonly month: string;
  readonly date: Date;
  readonly n: number;
}

/** Every month from the first to the last that any of the top speakers has (zeros included). */
export function timelinePoints(timeline: TallyResult['timeline']): PointDatum[] {
  const months = timeline.flatMap((s) => Object.keys(s.months)).sort();
  if (months.length === 0) return [];
  const all: string[] = [];
  let [y, m] = months[0]!.split('-').map(Number) as [number, number];
  const last = months.at(-1)!;
  for (let guard = 0; guard < 1200; guard++) {
    const k = `${y}-${String(m).padStart(2, '0')}`;
    all.push(k);
    if (k >= last) break;
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return timeline.flatMap((s) => all.map((month) => ({ id: s.id, key: s.key, month, date: new Date(`${month}-01T00:00:00Z`), n: s.months[month] ?? 0 })));
}

export function timelineChart(timeline: TallyResult['timeline'], width: number, t: Theme, onActivate: Activate<PointDatum>): SVGSVGElement | HTMLElement {
  const data = timelinePoints(timeline);
  const keys = timeline.map((s) => s.key);
  const hits = data.filter((d) => d.n > 0);
  return clean(
    Plot.plot({
      className: 'na-plot',
      width,
      height: 260,
      marginLeft: 44,
      x: { type: 'utc', label: 'month', tickFormat: '%b %Y', ticks: Math.min(8, Math.max(2, new Set(data.map((d) => d.month)).size)) },
      y: { label: 'statements', grid: true, tickFormat: 'd', zero: true, ticks: countTicks(Math.max(0, ...data.map((d) => d.n))) },
      color: { domain: keys, range: t.series.slice(0, Math.max(1, keys.length)) },
      style: { color: t.fg, background: 'transparent' },
      ariaLabel: 'Statements per month for the top speakers',
      marks: [
        Plot.lineY(data, { x: 'date', y: 'n', stroke: 'key', z: 'key', strokeWidth: 2 }),
        Plot.dot(hits, {
          x: 'date',
          y: 'n',
          fill: 'key',
          r: 4,
          title: (d: PointDatum) => `${d.key}, ${d.month}: ${d.n}`,
          render: interactive(hits, (d) => `${d.key} in ${d.month}: ${d.n}, list them`, onActivate),
        }),
      ],
    }),
  );
}

export interface BarDatum {
  readonly label: string;
  readonly n: number;
}

export function simpleBars(data: readonly BarDatum[], width: number, colours: readonly string[], ariaLabel: string, onActivate?: Activate<BarDatum>): SVGSVGElement | HTMLElement {
  const shown = [...data];
  return clean(
    Plot.plot({
      className: 'na-plot',
      width,
      height: 36 + 26 * shown.length,
      marginLeft: marginFor(shown.map((d) => d.label)),
      x: { label: 'statements', grid: true, tickFormat: 'd', ticks: countTicks(Math.max(0, ...shown.map((d) => d.n))) },
      y: { domain: shown.map((d) => d.label), label: null },
      color: { domain: shown.map((d) => d.label), range: colours.slice(0, shown.length) },
      ariaLabel,
      marks: [
        Plot.barX(shown, {
          y: 'label',
          x: 'n',
          fill: 'label',
          title: (d: BarDatum) => `${d.label}: ${d.n}`,
          ...(onActivate ? { render: interactive(shown, (d) => `${d.label}: ${d.n}, list them`, onActivate) } : {}),
        }),
        Plot.ruleX([0]),
      ],
    }),
  );
}

/** A standalone SVG document of a chart, its theme colours written in (for export). */
export function svgDocument(svg: SVGSVGElement, t: Theme): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('color', t.fg);
  copy.setAttribute('fill', t.fg);
  copy.querySelectorAll('[tabindex]').forEach((e) => e.removeAttribute('tabindex'));
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', t.bg);
  copy.insertBefore(bg, copy.firstChild);
  // currentColor resolves against the color attribute above once the SVG is on its own.
  return new XMLSerializer().serializeToString(copy);
}

/** The chart as a PNG data URL, drawn at twice its size. */
export async function pngDataUrl(svg: SVGSVGElement, t: Theme): Promise<string> {
  const text = svgDocument(svg, t);
  const w = Number(svg.getAttribute('width')) || svg.clientWidth;
  const hgt = Number(svg.getAttribute('height')) || svg.clientHeight;
  const img = new Image();
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(text);
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = w * 2;
  canvas.height = hgt * 2;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2D canvas');
  g.scale(2, 2);
  g.drawImage(img, 0, 0, w, hgt);
  return canvas.toDataURL('image/png');
}
