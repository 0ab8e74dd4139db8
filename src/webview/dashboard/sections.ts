/**
 * The dashboard's sections: each chart with its table beside it, export buttons and notes. Drawn again from the
 * data on every repaint; table orders are kept in the webview state.
 */
import type { DashboardData } from '../../extension/features/dashboard/protocol';
import type { SpeakerType, TallyBy, TallyRow } from '../../core/tally/types';
import { KINDS, outletsChart, pngDataUrl, readTheme, simpleBars, speakersChart, svgDocument, timelineChart, timelinePoints, type Theme } from './charts';
import { fmt, h, plural } from './dom';
import { post, save, select, uiState } from './state';
import { sortableTable, type Column, type SortState } from './tables';

export const SPEAKER_TYPES: readonly SpeakerType[] = ['person', 'organisation', 'unknown'];
export const TYPE_LABEL: Record<SpeakerType, string> = { person: 'People', organisation: 'Organisations', unknown: 'Type unknown' };
const TOP_CHART = 20;
const TOP_OUTLET_SPEAKERS = 10;

function sortOf(table: string, fallback: SortState): SortState {
  return uiState().sorts?.[table] ?? fallback;
}

let redraw: () => void = () => undefined;

function setSort(table: string, s: SortState): void {
  save({ sorts: { ...(uiState().sorts ?? {}), [table]: s } });
  redraw();
}

function exportButtons(name: string, figure: () => Element | null, csv?: TallyBy): HTMLElement {
  const image = async (format: 'svg' | 'png') => {
    const svg = figure()?.querySelector('svg');
    if (!svg) return;
    const theme = readTheme();
    const out = format === 'svg' ? svgDocument(svg, theme) : await pngDataUrl(svg, theme);
    post({ type: 'exportImage', format, name, data: out });
  };
  return h(
    'div',
    { class: 'export', role: 'group', 'aria-label': `Export ${name}` },
    csv ? h('button', { type: 'button', onclick: () => post({ type: 'exportCsv', by: csv }) }, 'CSV') : '',
    h('button', { type: 'button', onclick: () => void image('svg') }, 'SVG'),
    h('button', { type: 'button', onclick: () => void image('png') }, 'PNG'),
  );
}

function panel(id: string, title: string, note: string, chart: Element, table: Element, exporter: HTMLElement): HTMLElement {
  return h(
    'section',
    { class: 'panel', id, 'aria-labelledby': `${id}-title` },
    h('div', { class: 'panel-head' }, h('h2', { id: `${id}-title` }, title), exporter),
    note ? h('p', { class: 'note' }, note) : '',
    h('div', { class: 'pair' }, h('figure', { class: 'chart', id: `${id}-chart` }, chart), h('div', { class: 'table-wrap', tabindex: 0, 'aria-label': `${title}: table` }, table)),
  );
}

function legend(items: readonly [string, string][]): HTMLElement {
  return h(
    'ul',
    { class: 'legend', 'aria-hidden': 'true' },
    items.map(([label, colour]) => {
      const sw = h('span', { class: 'swatch' });
      sw.style.background = colour; // CSSOM, allowed by the CSP (inline style attributes are not)
      return h('li', {}, sw, label);
    }),
  );
}

const numeric = (key: keyof TallyRow & ('statements' | 'direct' | 'mixed' | 'reported' | 'articles'), label: string): Column<TallyRow> => ({ key, label, value: (r) => r[key], numeric: true });

/** Every section for this data; `width` is the page's, `rerender` draws the page again (a table re-sorted). */
export function charts(d: DashboardData, theme: Theme, pageWidth: number, rerender: () => void): HTMLElement[] {
  redraw = rerender;
  const t = d.tally;
  const width = Math.max(320, Math.min(900, Math.floor((pageWidth || 900) * 0.52)));
  const speakerCols: Column<TallyRow>[] = [
    { key: 'key', label: 'Speaker', value: (r) => r.key },
    { key: 'type', label: 'Type', value: (r) => r.type },
    numeric('statements', 'Statements'),
    numeric('direct', 'Direct'),
    numeric('mixed', 'Mixed'),
    numeric('reported', 'Reported'),
    numeric('articles', 'Articles'),
  ];
  const selected = uiState().selection;
  const isSel = (by: TallyBy) => (r: TallyRow) => !!selected && selected.by === by && selected.id === r.id && !selected.kind && !selected.outlet && selected.month === undefined;
  const top = t.speakers.slice(0, TOP_CHART);
  const out: HTMLElement[] = [];

  const speakersFig = h('div', {}, legend(KINDS.map((k) => [k, theme.kinds[k]])), top.length > 0 ? speakersChart(top, width, theme, (x) => select({ by: 'speaker', id: x.row.id, kind: x.kind }, `${x.row.key}: ${x.kind} statements`)) : h('p', { class: 'empty' }, 'No attributed statements in this view.'));
  out.push(
    panel(
      'speakers',
      'Speakers ranked by statements',
      `Top ${Math.min(TOP_CHART, t.speakers.length)} of ${fmt(d.speakerCount)} speakers in the chart${d.speakerCount > t.speakers.length ? `; the table lists the first ${fmt(t.speakers.length)} (CSV: all)` : ''}. Click a bar or a name to list the statements.`,
      speakersFig,
      sortableTable({
        caption: 'Statements by speaker',
        columns: speakerCols,
        rows: t.speakers,
        sort: sortOf('speakers', { key: 'statements', desc: true }),
        onSort: (s) => setSort('speakers', s),
        onActivate: (r) => select({ by: 'speaker', id: r.id }, r.key),
        isSelected: isSel('speaker'),
      }),
      exportButtons('speakers', () => document.getElementById('speakers-chart'), 'speaker'),
    ),
  );

  const topSpeakers = t.speakers.slice(0, TOP_OUTLET_SPEAKERS);
  const outletNames = t.outlets.map((o) => o.key).slice(0, 12);
  const outletCols: Column<TallyRow>[] = [{ key: 'key', label: 'Speaker', value: (r) => r.key }, ...outletNames.map((o) => ({ key: `o:${o}`, label: o, value: (r: TallyRow) => r.outlets[o] ?? 0, numeric: true }))];
  out.push(
    panel(
      'outlets',
      'Which outlets quote whom',
      `Statements of the top ${topSpeakers.length} speakers in each outlet${t.outlets.length > outletNames.length ? ` (the ${outletNames.length} outlets with most statements)` : ''}; ${plural(t.unknownOutlet, 'statement')} ${t.unknownOutlet === 1 ? 'comes' : 'come'} from articles with no known outlet.`,
      topSpeakers.length > 0 && outletNames.length > 0
        ? outletsChart(topSpeakers, outletNames, width, theme, (c) => select({ by: 'speaker', id: c.row.id, outlet: c.outlet }, `${c.row.key} in ${c.outlet}`))
        : h('p', { class: 'empty' }, 'No outlet is known for these statements.'),
      h(
        'div',
        {},
        sortableTable({
          caption: 'Statements per outlet for the top speakers',
          columns: outletCols,
          rows: topSpeakers,
          sort: sortOf('outlets', { key: outletCols[1]?.key ?? 'key', desc: true }),
          onSort: (s) => setSort('outlets', s),
          onActivate: (r) => select({ by: 'speaker', id: r.id }, r.key),
        }),
        sortableTable({
          caption: 'Statements by outlet',
          columns: [{ key: 'key', label: 'Outlet', value: (r) => r.key }, numeric('statements', 'Statements'), numeric('direct', 'Direct'), numeric('mixed', 'Mixed'), numeric('reported', 'Reported'), numeric('articles', 'Articles')],
          rows: t.outlets,
          sort: sortOf('outletTotals', { key: 'statements', desc: true }),
          onSort: (s) => setSort('outletTotals', s),
          onActivate: (r) => select({ by: 'outlet', id: r.id }, `Quoted by ${r.key}`),
          isSelected: isSel('outlet'),
        }),
      ),
      exportButtons('outlets', () => document.getElementById('outlets-chart'), 'outlet'),
    ),
  );

  const points = timelinePoints(t.timeline);
  const months = [...new Set(points.map((p) => p.month))];
  const timelineRows = months.map((m) => ({ month: m, counts: t.timeline.map((s) => s.months[m] ?? 0), total: t.months.find((r) => r.key === m)?.statements ?? 0, id: m }));
  type TRow = (typeof timelineRows)[number];
  const timelineCols: Column<TRow>[] = [
    { key: 'month', label: 'Month', value: (r) => r.month },
    numeric2('total', 'All speakers', (r) => r.total),
    ...t.timeline.map((s, i) => numeric2(`s${i}`, s.key, (r: TRow) => r.counts[i] ?? 0)),
  ];
  out.push(
    panel(
      'timeline',
      'Statements over time',
      `By article date, for the top ${t.timeline.length} speakers. ${plural(t.undated, 'statement')} ${t.undated === 1 ? 'is' : 'are'} in articles without a readable date (counted apart${t.timeline.some((s) => s.undated > 0) ? `: ${t.timeline.filter((s) => s.undated > 0).map((s) => `${s.key} ${s.undated}`).join(', ')}` : ''}).`,
      points.length > 0
        ? h('div', {}, legend(t.timeline.map((s, i) => [s.key, theme.series[i % theme.series.length]!])), timelineChart(t.timeline, width, theme, (p) => select({ by: 'speaker', id: p.id, month: p.month }, `${p.key} in ${p.month}`)))
        : h('p', { class: 'empty' }, 'No dated statements by the top speakers.'),
      sortableTable({
        caption: 'Statements per month',
        columns: timelineCols,
        rows: timelineRows,
        sort: sortOf('timeline', { key: 'month', desc: false }),
        onSort: (s) => setSort('timeline', s),
        onActivate: (r) => select({ by: 'month', id: r.id }, `Statements in ${r.month}`),
      }),
      exportButtons('timeline', () => document.getElementById('timeline-chart'), 'month'),
    ),
  );

  const typeRows = [
    ...SPEAKER_TYPES.map((k) => ({ label: TYPE_LABEL[k], n: t.speakerTypes[k].statements, speakers: t.speakerTypes[k].speakers })),
    { label: 'No identified speaker', n: t.unattributed, speakers: 0 },
  ];
  type YRow = (typeof typeRows)[number];
  const typeCols: Column<YRow>[] = [{ key: 'label', label: 'Source', value: (r) => r.label }, numeric2('n', 'Statements', (r) => r.n), numeric2('speakers', 'Speakers', (r) => r.speakers)];
  const genderBlock: HTMLElement[] = [];
  if (t.gender) {
    const g = t.gender;
    const gRows = (['female', 'male', 'unknown'] as const).map((k) => ({ label: k, n: g.statements[k], speakers: g.speakers[k] }));
    genderBlock.push(
      h('h3', {}, 'People by estimated gender'),
      h('p', { class: 'note' }, `An estimate, not a fact: ${g.method}.`),
      h(
        'div',
        { class: 'pair' },
        h('figure', { class: 'chart', id: 'gender-chart' }, simpleBars(gRows, width, theme.series, 'People by estimated gender')),
        h('div', { class: 'table-wrap' }, sortableTable({ caption: 'People by estimated gender', columns: typeCols, rows: gRows, sort: sortOf('gender', { key: 'n', desc: true }), onSort: (s) => setSort('gender', s) })),
      ),
    );
  }
  const typesPanel = panel(
    'types',
    'People and organisations as sources',
    'Statements by the type of their speaker (a place speaking, "Russia said", counts as an organisation).',
    simpleBars(typeRows, width, theme.types, 'Statements by type of source'),
    sortableTable({ caption: 'Statements by type of source', columns: typeCols, rows: typeRows, sort: sortOf('types', { key: 'n', desc: true }), onSort: (s) => setSort('types', s) }),
    exportButtons('sources', () => document.getElementById('types-chart')),
  );
  typesPanel.append(...genderBlock);
  out.push(typesPanel);
  return out;
}

function numeric2<T>(key: string, label: string, value: (r: T) => number): Column<T> {
  return { key, label, value, numeric: true };
}
