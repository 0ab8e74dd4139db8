/**
 * The Quote Dashboard webview: filters, charts with a table beside each, and the statements behind a bar or
 * row. It computes nothing itself: the extension sends the core's tally (`data`) and the statements of a
 * selection (`statements`); the webview draws them and sends back what the user asks for. Its state (scope,
 * filters, selection, sort orders) is kept with setState, so it survives being hidden and a window reload.
 */
import type { DashboardData, FromWebview, ScopeRef, StatementsMessage, ToWebview } from '../../extension/features/dashboard/protocol';
import type { SpeakerType, StatementKind, TallyFilters } from '../../core/tally/types';
import { KINDS, readTheme } from './charts';
import { fmt, h, pct, plural } from './dom';
import { charts, SPEAKER_TYPES, TYPE_LABEL } from './sections';
import { post, save, select, uiState } from './state';
import { renderStatements } from './statementsView';

let data: DashboardData | undefined;
let statements: StatementsMessage | undefined;

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
    renderStatements(statements, data?.readOnly ?? true);
    // A new selection: bring its list into view and move the focus to its heading (keyboard users land there).
    if (fresh) {
      const title = document.getElementById('statements-title');
      title?.scrollIntoView({ block: 'start' });
      title?.focus({ preventScroll: true });
    }
  } else if (msg.type === 'selectionCleared') {
    statements = undefined;
    save({ selection: undefined, selectionLabel: undefined });
    renderStatements(statements, data?.readOnly ?? true);
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

post({ type: 'ready', state: uiState() });

// ---- Layout ---------------------------------------------------------------------------------------------

function render(): void {
  if (!data) return;
  lastWidth = app.clientWidth;
  const theme = readTheme();
  const focused = document.activeElement?.id;
  app.replaceChildren(header(data), filters(data), summary(data), ...charts(data, theme, app.clientWidth, render), h('section', { id: 'statements', 'aria-live': 'polite' }));
  renderStatements(statements, data.readOnly);
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
