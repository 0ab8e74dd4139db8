/**
 * Sortable, screen-reader friendly tables: a caption, column headers that are buttons (aria-sort says the
 * order), numbers right-aligned, and a button in the first cell of a row that lists its statements.
 */
import { h } from './dom';

export interface Column<T> {
  readonly key: string;
  readonly label: string;
  readonly value: (row: T) => string | number;
  readonly numeric?: boolean;
}

export interface SortState {
  readonly key: string;
  readonly desc: boolean;
}

export interface TableOptions<T> {
  readonly caption: string;
  readonly columns: readonly Column<T>[];
  readonly rows: readonly T[];
  readonly sort: SortState;
  readonly onSort: (sort: SortState) => void;
  /** Makes the first cell a button (Enter or click lists the row's statements). */
  readonly onActivate?: (row: T) => void;
  readonly activateLabel?: (row: T) => string;
  readonly isSelected?: (row: T) => boolean;
}

/**
 * Rows drawn at first in a long table (thousands of speakers at 10,000 articles): building every row on each
 * filter change was most of a repaint. The rest come with the "Show all" button at the end of the table.
 */
export const FIRST_ROWS = 100;
const expanded = new Set<string>();

export function sortRows<T>(rows: readonly T[], columns: readonly Column<T>[], sort: SortState): T[] {
  const col = columns.find((c) => c.key === sort.key) ?? columns[0]!;
  const dir = sort.desc ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = col.value(a);
    const y = col.value(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c * dir;
  });
}

export function sortableTable<T>(o: TableOptions<T>): HTMLTableElement {
  const head = h(
    'tr',
    {},
    o.columns.map((c) => {
      const active = c.key === o.sort.key;
      return h(
        'th',
        { scope: 'col', class: c.numeric ? 'num' : null, 'aria-sort': active ? (o.sort.desc ? 'descending' : 'ascending') : 'none' },
        h(
          'button',
          {
            type: 'button',
            class: 'sort',
            title: `Sort by ${c.label}`,
            onclick: () => o.onSort({ key: c.key, desc: active ? !o.sort.desc : c.numeric === true }),
          },
          c.label,
          active ? (o.sort.desc ? ' ▾' : ' ▴') : '',
        ),
      );
    }),
  );
  const sorted = sortRows(o.rows, o.columns, o.sort);
  const all = expanded.has(o.caption) || sorted.length <= FIRST_ROWS;
  const shown = all ? sorted : sorted.slice(0, FIRST_ROWS);
  const row = (r: T) =>
    h(
      'tr',
      { class: o.isSelected?.(r) ? 'selected' : null },
      o.columns.map((c, i) => {
        const v = c.value(r);
        const text = typeof v === 'number' ? v.toLocaleString('en') : v;
        if (i === 0 && o.onActivate) {
          return h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', title: o.activateLabel?.(r) ?? `List the statements of ${text}`, onclick: () => o.onActivate!(r) }, text));
        }
        return h(i === 0 ? 'th' : 'td', { class: c.numeric ? 'num' : null, scope: i === 0 ? 'row' : null }, text);
      }),
    );
  const body = h('tbody', {}, shown.map(row));
  if (!all) {
    const more = h(
      'tr',
      { class: 'more' },
      h(
        'td',
        { colspan: o.columns.length },
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            onclick: () => {
              expanded.add(o.caption);
              more.replaceWith(...sorted.slice(FIRST_ROWS).map(row));
            },
          },
          `Show all ${sorted.length.toLocaleString('en')} rows (${(sorted.length - FIRST_ROWS).toLocaleString('en')} more)`,
        ),
      ),
    );
    body.append(more);
  }
  return h('table', { class: 'data' }, h('caption', {}, o.caption), h('thead', {}, head), body);
}
