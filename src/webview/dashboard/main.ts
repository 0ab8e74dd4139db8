/**
 * The Quote Dashboard webview: filters, charts with a table beside each, and the statements behind a bar or
 * row. It computes nothing itself: the extension sends the core's tally (`data`) and the statements of a
 * selection (`statements`); the webview draws them and sends back what the user asks for. Its state (scope,
 * filters, selection, sort orders) is kept with setState, so it survives being hidden and a window reload.
 */
import type { DashboardData, DashboardState, FromWebview, ScopeRef, StatementsMessage, ToWebview } from '../../extension/features/dashboard/protocol';
import type { SpeakerType, StatementKind, StatementSelection, TallyBy, TallyFilters, TallyRow } from '../../core/tally/types';
import { KINDS, outletsChart, pngDataUrl, readTheme, simpleBars, speakersChart, svgDocument, timelineChart, timelinePoints, type Theme } from './charts';
import { fmt, h, pct, plural } from './dom';
import { sortableTable, type Column, type SortState } from './tables';

interface VsCodeApi {
  postMessage(msg: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const SPEAKER_TYPES: readonly SpeakerType[] = ['person', 'organisation', 'unknown'];
const TYPE_LABEL: Record<SpeakerType, string> = { person: 'People', organisation: 'Organisations', unknown: 'Type unknown' };
const TOP_CHART = 20;
const TOP_OUTLET_SPEAKERS = 10;

interface UiState extends DashboardState {
  readonly sorts?: Record<string, SortState>;
}

let ui: UiState = (vscode.getState() as UiState | undefined) ?? {};
let data: DashboardData | undefined;
let statements: StatementsMessage | undefined;

function save(patch: Partial<UiState>): void {
  ui = { ...ui, ...patch };
  vscode.setState(ui);
}

function post(msg: FromWebview): void {
  vscode.postMessage(msg);
}

const app = document.getElementById('app')!;

window.addEventListener('message', (e: MessageEvent<ToWebview>) => {
  const msg = e.data;
  if (msg.type === 'data') {
    const t0 = performance.now();
    data = msg;
    save({ scope: msg.scope, filters: msg.filters, gender: msg.gender });
    render();
    // After the frame is drawn: from receiving the data to the charts on screen.
    requestAnimationFrame(() => setTimeout(() => post({ type: 'painted', seq: msg.seq, ms: performance.now() - t0 }), 0));
  } else if (msg.type === 'statements') {
    const fresh = JSON.stringify(msg.selection) !== JSON.stringify(statements?.selection);
    statements = msg;
    save({ selection: msg.selection, selectionLabel: msg.label });
    renderStatements();
    // A new selection: bring its list into view and move the focus to its heading (keyboard users land there).
    if (fresh) {
      const title = document.getElementById('statements-title');
      title?.scrollIntoView({ block: 'start' });
      title?.focus({ preventScroll: true });
    }
  } else if (msg.type === 'selectionCleared') {
    statements = undefined;
    save({ selection: undefined, selectionLabel: undefined });
    renderStatements();
  }
});

// Redraw with the new theme's colours (VS Code changes the body's class) and when the panel is resized.
new MutationObserver(() => data && render()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
let lastWidth = 0;
new ResizeObserver(() => {
  if (Math.abs(app.clientWidth - lastWidth) < 8) return;
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => data && render(), 150);
}).observe(app);

post({ type: 'ready', state: ui });

// ---- Layout ---------------------------------------------------------------------------------------------

function render(): void {
  if (!data) return;
  lastWidth = app.clientWidth;
  const theme = readTheme();
  const focused = document.activeElement?.id;
  app.replaceChildren(header(data), filters(data), summary(data), ...charts(data, theme), h('section', { id: 'statements', 'aria-live': 'polite' }));
  renderStatements();
  if (focused) document.getElementById(focused)?.focus();
}

function header(d: DashboardData): HTMLElement {
  const t = d.tally;
  return h(
    'header',
    {},
    h('h1', {}, 'Who is quoted'),
    h(
      'label',
      { class: 'scope' },
      'Scope ',
      h(
        'select',
        {
          id: 'scope',
          onchange: (e: Event) => {
            const i = Number((e.target as HTMLSelectElement).value);
            const scope = d.scopes[i];
            if (scope) request({ type: 'setScope', scope });
          },
        },
        d.scopes.map((s, i) => h('option', { value: i, selected: sameScope(s, d.scope) }, s.label)),
      ),
    ),
    h(
      'p',
      { id: 'coverage', class: 'coverage' },
      `${plural(t.articles, 'article')} and ${plural(t.statements, 'statement')} in this view`,
      d.scopeArticles !== d.workspaceArticles || t.articles !== d.scopeArticles ? ` (scope: ${plural(d.scopeArticles, 'article')}; workspace: ${fmt(d.workspaceArticles)})` : '',
      d.loading ? ' — still reading the workspace, the numbers will grow' : '',
      d.readOnly ? ' — restricted mode: read-only, tagging is off' : '',
    ),
  );
}

function sameScope(a: ScopeRef, b: ScopeRef): boolean {
  return a.kind === b.kind && (a.value ?? '') === (b.value ?? '');
}

function request(msg: FromWebview): void {
  post(msg);
}

function filters(d: DashboardData): HTMLElement {
  const f = d.filters;
  const set = (patch: Partial<TallyFilters>) => request({ type: 'setFilters', filters: { ...f, ...patch } });
  /** The list after ticking or unticking `v` ([] means all); undefined when nothing would be left (refused). */
  const toggle = <T extends string>(list: readonly T[] | undefined, all: readonly T[], v: T, on: boolean): T[] | undefined => {
    const cur = new Set(list && list.length > 0 ? list : all);
    if (on) cur.add(v);
    else cur.delete(v);
    if (cur.size === 0) return undefined;
    return cur.size === all.length ? [] : all.filter((x) => cur.has(x));
  };
  const checks = <T extends string>(legend: string, all: readonly T[], chosen: readonly T[] | undefined, label: (v: T) => string, key: 'kinds' | 'speakerTypes') =>
    h(
      'fieldset',
      {},
      h('legend', {}, legend),
      all.map((v) =>
        h(
          'label',
          {},
          h('input', {
            type: 'checkbox',
            id: `${key}-${v}`,
            checked: !chosen || chosen.length === 0 || chosen.includes(v),
            title: 'At least one stays ticked',
            onchange: (e: Event) => {
              const next = toggle(chosen, all, v, (e.target as HTMLInputElement).checked);
              if (next) set({ [key]: next });
              else (e.target as HTMLInputElement).checked = true;
            },
          }),
          ' ',
          label(v),
        ),
      ),
    );
  return h(
    'form',
    { class: 'filters', onsubmit: (e: Event) => e.preventDefault(), 'aria-label': 'Filters' },
    h(
      'fieldset',
      {},
      h('legend', {}, 'Date'),
      h('label', {}, 'From ', h('input', { type: 'date', id: 'from', value: f.from ?? '', min: d.minDate ?? undefined, max: d.maxDate ?? undefined, onchange: (e: Event) => set({ from: (e.target as HTMLInputElement).value || undefined }) })),
      h('label', {}, ' to ', h('input', { type: 'date', id: 'to', value: f.to ?? '', min: d.minDate ?? undefined, max: d.maxDate ?? undefined, onchange: (e: Event) => set({ to: (e.target as HTMLInputElement).value || undefined }) })),
    ),
    h(
      'label',
      { class: 'outlet' },
      'Outlet ',
      h(
        'select',
        { id: 'outlet', onchange: (e: Event) => set({ outlets: (e.target as HTMLSelectElement).value ? [(e.target as HTMLSelectElement).value] : [] }) },
        h('option', { value: '' }, 'All outlets'),
        d.outlets.map((o) => h('option', { value: o, selected: f.outlets?.[0] === o }, o)),
      ),
    ),
    checks<StatementKind>('Kind', KINDS, f.kinds, (k) => k, 'kinds'),
    checks<SpeakerType>('Speaker', SPEAKER_TYPES, f.speakerTypes, (t) => TYPE_LABEL[t].toLowerCase(), 'speakerTypes'),
    h(
      'label',
      { class: 'gender', title: 'People by gender estimated from first names and titles: an estimate, "unknown" where unsure' },
      h('input', { type: 'checkbox', id: 'gender', checked: d.gender, onchange: (e: Event) => request({ type: 'setGender', on: (e.target as HTMLInputElement).checked }) }),
      ' Gender estimate',
    ),
    h('button', { type: 'button', id: 'reset', onclick: () => request({ type: 'setFilters', filters: {} }) }, 'Clear filters'),
  );
}

function summary(d: DashboardData): HTMLElement {
  const t = d.tally;
  const card = (label: string, value: string, extra?: Node | string) => h('div', { class: 'card' }, h('div', { class: 'value' }, value), h('div', { class: 'label' }, label), extra ?? '');
  return h(
    'section',
    { class: 'summary', 'aria-label': 'Summary' },
    card('statements', fmt(t.statements), `direct ${fmt(t.byKind.direct)} · mixed ${fmt(t.byKind.mixed)} · reported ${fmt(t.byKind.reported)}`),
    card('speakers', fmt(d.speakerCount)),
    card('held by the top 5 speakers', pct(t.top5Share), `top 10: ${pct(t.top10Share)}`),
    card(
      'with no identified speaker',
      fmt(t.unattributed),
      t.unattributed > 0 ? h('button', { type: 'button', class: 'link', id: 'list-unattributed', onclick: () => select({ by: 'speaker', id: '' }, 'Statements with no identified speaker') }, 'list them') : '',
    ),
    card('in undated articles', fmt(t.undated), t.unknownOutlet > 0 ? `${fmt(t.unknownOutlet)} with no known outlet` : ''),
  );
}

function select(selection: StatementSelection, label: string): void {
  post({ type: 'select', selection, label });
}

function sortOf(table: string, fallback: SortState): SortState {
  return ui.sorts?.[table] ?? fallback;
}

function setSort(table: string, s: SortState): void {
  save({ sorts: { ...(ui.sorts ?? {}), [table]: s } });
  render();
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

function charts(d: DashboardData, theme: Theme): HTMLElement[] {
  const t = d.tally;
  const width = Math.max(320, Math.min(900, Math.floor((app.clientWidth || 900) * 0.52)));
  const speakerCols: Column<TallyRow>[] = [
    { key: 'key', label: 'Speaker', value: (r) => r.key },
    { key: 'type', label: 'Type', value: (r) => r.type },
    numeric('statements', 'Statements'),
    numeric('direct', 'Direct'),
    numeric('mixed', 'Mixed'),
    numeric('reported', 'Reported'),
    numeric('articles', 'Articles'),
  ];
  const selected = ui.selection;
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

// ---- The statements behind a selection ------------------------------------------------------------------

function renderStatements(): void {
  const host = document.getElementById('statements');
  if (!host) return;
  if (!statements) {
    host.replaceChildren(h('p', { class: 'note' }, 'Click a bar, a cell, a point or a name to list its statements here.'));
    return;
  }
  const s = statements;
  const readOnly = data?.readOnly ?? true;
  const tagInput = h('input', { type: 'text', id: 'tag-input', placeholder: 'tag, other-tag', 'aria-label': 'Tags to add to every listed statement' });
  host.replaceChildren(
    h('h2', { id: 'statements-title', tabindex: -1 }, `${s.label} — ${plural(s.total, 'statement')}`),
    s.total > s.items.length ? h('p', { class: 'note' }, `The first ${fmt(s.items.length)} are listed.`) : '',
    readOnly
      ? h('p', { class: 'note' }, 'Restricted mode: tagging is off.')
      : h(
          'form',
          {
            class: 'tag-all',
            onsubmit: (e: Event) => {
              e.preventDefault();
              const tags = tagInput.value.split(',').map((x) => x.trim()).filter(Boolean);
              if (tags.length > 0) post({ type: 'tagAll', tags });
            },
          },
          h('label', {}, 'Tag all listed statements ', tagInput),
          h('button', { type: 'submit', id: 'tag-all' }, `Tag ${plural(s.total, 'statement')}…`),
        ),
    h(
      'table',
      { class: 'data statements' },
      h('caption', {}, `Statements: ${s.label}`),
      h('thead', {}, h('tr', {}, ['Statement', 'Speaker', 'Article', 'Outlet', 'Date', 'Kind'].map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        {},
        s.items.map((it, i) =>
          h(
            'tr',
            {},
            h('td', {}, h('button', { type: 'button', class: 'link quote', id: `st-${i}`, title: 'Open the article at this statement', onclick: () => post({ type: 'open', uri: it.uri, start: it.start, end: it.end }) }, `“${it.text.length > 220 ? it.text.slice(0, 219) + '…' : it.text}”`)),
            h('td', {}, it.speaker ?? '—'),
            h('td', {}, it.title),
            h('td', {}, it.outlet ?? '—'),
            h('td', {}, it.date ?? '—'),
            h('td', {}, it.kind),
          ),
        ),
      ),
    ),
  );
}
