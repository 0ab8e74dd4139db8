/** The statements behind the selected bar or row: each opens its article at the passage; tag them all. */
import type { StatementsMessage } from '../../extension/features/dashboard/protocol';
import { fmt, h, plural } from './dom';
import { post } from './state';

export function renderStatements(statements: StatementsMessage | undefined, readOnly: boolean): void {
  const host = document.getElementById('statements');
  if (!host) return;
  if (!statements) {
    host.replaceChildren(h('p', { class: 'note' }, 'Click a bar, a cell, a point or a name to list its statements here.'));
    return;
  }
  const s = statements;
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
