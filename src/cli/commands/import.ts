/**
 * `news-annotator import <url-or-html-file>... --out <folder> [--json]`: each web page (fetched) or saved HTML
 * file becomes a clean, dated article file in `--out`, its original kept under `--out/.news-annotator/originals/`.
 * A URL already imported into `--out` (same canonical URL) is skipped and reported with `existing: true`.
 * `--json` prints exactly `{"imported": [{"source", "path", "title", "publisher", "author", "date", "url",
 * "existing"}], "errors": [{"source", "message"}]}`; the exit status is 1 when any source failed.
 * Proxies: HTTPS_PROXY / HTTP_PROXY / NO_PROXY.
 */
import { promises as fsp } from 'node:fs';
import type { Command } from 'commander';
import { parseArticleHeader } from '../../core/import/articleFormat';
import { importedIndex, importOne, type ImportFileOps } from '../../core/import/importer';
import type { PageFetcher } from '../../core/import/types';
import { decodeArticleBytes } from '../../core/text/decode';
import { HttpFetcher, proxyFromEnv } from '../../node/httpFetcher';
import { expandArticlePaths } from '../articlePaths';
import { CliError } from '../cliError';
import { nodeFileOps } from '../../node/nodeFileOps';

export interface ImportedEntry {
  source: string;
  path: string;
  title: string | null;
  publisher: string | null;
  author: string | null;
  date: string | null;
  url: string | null;
  existing: boolean;
}

export interface ImportErrorEntry {
  source: string;
  message: string;
}

export const importFileOps: ImportFileOps = {
  ...nodeFileOps,
  async createDirectory(p: string): Promise<void> {
    await fsp.mkdir(p, { recursive: true });
  },
};

async function readText(p: string): Promise<string | null> {
  try {
    const d = decodeArticleBytes(await fsp.readFile(p));
    return d.ok ? d.text : null;
  } catch {
    return null;
  }
}

/** The article files already in `out` that were imported, by URL key. */
async function existingImports(out: string): Promise<Map<string, string>> {
  const { files } = await expandArticlePaths([out]);
  const texts: { path: string; text: string }[] = [];
  for (const f of files) {
    const text = await readText(f);
    if (text !== null) texts.push({ path: f, text });
  }
  return importedIndex(texts);
}

export async function importPages(
  sources: readonly string[],
  out: string,
  fetcher: PageFetcher,
  write: { out: (s: string) => void; err: (s: string) => void; json: boolean },
): Promise<number> {
  try {
    await fsp.mkdir(out, { recursive: true });
  } catch (e) {
    throw new CliError(`cannot create the folder ${out}: ${(e as Error).message}`);
  }
  if (!(await fsp.stat(out)).isDirectory()) throw new CliError(`--out ${out} is not a folder`);
  const dest = { dir: out, root: out, imported: await existingImports(out) };
  const imported: ImportedEntry[] = [];
  const errors: ImportErrorEntry[] = [];
  for (const source of sources) {
    const r = await importOne(source, dest, { fs: importFileOps, fetcher });
    if (!r.ok) {
      errors.push({ source, message: r.message });
      write.err(`news-annotator: ${source}: ${r.message}\n`);
      continue;
    }
    // What the article file says (for an existing article, what it said when it was imported).
    const h = parseArticleHeader((await readText(r.path)) ?? '');
    imported.push({
      source,
      path: r.path,
      title: h?.title ?? r.article?.title ?? null,
      publisher: h ? h.publisher : (r.article?.publisher ?? null),
      author: h ? h.author : r.article && r.article.authors.length > 0 ? r.article.authors.join(', ') : null,
      date: h ? h.date : r.date,
      url: h ? h.url : (r.article?.url ?? null),
      existing: r.existing,
    });
    if (!write.json) write.out(r.existing ? `already imported: ${r.path}  (${source})\n` : `imported: ${r.path}  ${h?.title ?? ''}\n`);
  }
  if (write.json) write.out(JSON.stringify({ imported, errors }, null, 2) + '\n');
  else write.out(`${imported.filter((i) => !i.existing).length} imported, ${imported.filter((i) => i.existing).length} already there${errors.length ? `, ${errors.length} failed` : ''}\n`);
  return errors.length > 0 ? 1 : 0;
}

export function register(program: Command): void {
  program
    .command('import')
    .description('Import web pages (URLs) or saved HTML files as clean, dated article files with their provenance')
    .argument('<url-or-html-file...>', 'http(s) URLs or .html/.htm files')
    .requiredOption('--out <folder>', 'folder the article files are written to (created if missing)')
    .option('--json', 'print one JSON object {imported, errors}')
    .action(async (sources: string[], opts: { out: string; json?: boolean }) => {
      const env = proxyFromEnv();
      const fetcher = new HttpFetcher({ proxy: { ...(env.http ? { http: env.http } : {}), ...(env.https ? { https: env.https } : {}) }, ...(env.noProxy ? { noProxy: env.noProxy } : {}) });
      const code = await importPages(sources, opts.out, fetcher, { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), json: !!opts.json });
      if (code !== 0) process.exitCode = code;
    });
}
