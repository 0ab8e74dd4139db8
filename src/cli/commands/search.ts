/**
 * `news-annotator search [--json] "<query>" <folder...>`: fuzzy search over headlines, quotations, speakers,
 * entities, tags and notes of the articles under the folders, with `tag:`, `speaker:`, `outlet:`, `entity:`
 * `type:` and `said:` filters.
 */
import type { Command } from 'commander';
import { parseQuery, QueryError, type ParsedQuery } from '../../core/corpus';
import { CliError } from '../cliError';
import { lineCol, loadCorpus, oneLine, parseLimit } from './related';

interface SearchOpts {
  json?: boolean;
  limit: string;
  cache?: string;
}

export function register(program: Command): void {
  program
    .command('search')
    .description('Fuzzy search across articles: every word of the body text, headlines, statements (quotations and reported speech), speakers, entities, tags and notes. Filters: tag:, speaker:, outlet:, entity: (fuzzy values), type: (headline, quote, speaker, entity, person, organization, place, tag, note), said: (direct, reported, mixed).')
    .argument('<query>', 'e.g. "nuclear speaker:putin" or \'tag:"human rights" outlet:ft\'')
    .argument('<folders...>', 'files or folders to search (walked recursively)')
    .option('--limit <n>', 'maximum number of results', '50')
    .option('--cache <file>', 'reuse and update an index cache file (makes repeated runs fast)')
    .option('--json', 'print JSON: {"results": [{"path", "start", "end", "text", "kind", "score", ...}]}')
    .action(async (query: string, folders: string[], opts: SearchOpts) => {
      let parsed: ParsedQuery;
      try {
        parsed = parseQuery(query);
      } catch (err) {
        if (err instanceof QueryError) throw new CliError(err.message, 2);
        throw err;
      }
      const limit = parseLimit(opts.limit);
      const { index, warnings } = await loadCorpus(folders, opts.cache);
      for (const w of warnings) process.stderr.write(`news-annotator: ${w}\n`);
      const results = index.search(parsed, { limit });
      if (opts.json) {
        const out = {
          query: parsed,
          results: results.map((r) => ({ path: r.path, start: r.start, end: r.end, text: r.text, kind: r.kind, score: r.score, detail: r.detail, matches: r.matches })),
        };
        process.stdout.write(JSON.stringify(out, null, 2) + '\n');
        return;
      }
      if (results.length === 0) {
        process.stdout.write(`No results for ${JSON.stringify(query)} in ${index.size} article${index.size === 1 ? '' : 's'}.\n`);
        return;
      }
      for (const r of results) {
        const text = index.textOf(r.path)!;
        process.stdout.write(`${r.score.toFixed(2)}  ${r.kind.padEnd(8)} ${r.path}:${lineCol(text, r.start)}  ${oneLine(r.text, 90)}${r.detail ? `  (${oneLine(r.detail, 60)})` : ''}\n`);
      }
    });
}
