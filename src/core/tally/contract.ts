/**
 * The CLI's contract for `news-annotator tally` (issue 16): `--json` prints
 * `{"articles", "statements", "unattributed", "rows": [{"key", "type", "statements", "direct", "mixed", "reported",
 * "articles", "outlets"}]}` with rows sorted by statements, descending; `--csv` the same rows, one per line. The
 * dashboard's CSV export uses the same functions.
 */
import { csvRecord } from '../export/csv';
import { rowsBy } from './tally';
import type { TallyBy, TallyResult, TallyRow } from './types';

export interface TallyJson {
  readonly articles: number;
  readonly statements: number;
  readonly unattributed: number;
  readonly rows: readonly {
    readonly key: string;
    readonly type: TallyRow['type'];
    readonly statements: number;
    readonly direct: number;
    readonly mixed: number;
    readonly reported: number;
    readonly articles: number;
    readonly outlets: Readonly<Record<string, number>>;
  }[];
}

export function contractRow(r: TallyRow): TallyJson['rows'][number] {
  return { key: r.key, type: r.type, statements: r.statements, direct: r.direct, mixed: r.mixed, reported: r.reported, articles: r.articles, outlets: r.outlets };
}

export function tallyJson(result: TallyResult, by: TallyBy = 'speaker'): TallyJson {
  return { articles: result.articles, statements: result.statements, unattributed: result.unattributed, rows: rowsBy(result, by).map(contractRow) };
}

export const TALLY_CSV_COLUMNS = ['key', 'type', 'statements', 'direct', 'mixed', 'reported', 'articles', 'outlets'] as const;

/** RFC 4180 (CRLF), a header row, then one row per line; `outlets` as `Outlet: n; Other: m`. */
export function tallyCsv(rows: readonly TallyRow[]): string {
  let out = csvRecord(TALLY_CSV_COLUMNS);
  for (const r of rows) {
    const outlets = Object.entries(r.outlets)
      .map(([k, n]) => `${k}: ${n}`)
      .join('; ');
    out += csvRecord([r.key, r.type, r.statements, r.direct, r.mixed, r.reported, r.articles, outlets]);
  }
  return out;
}
