/**
 * `news-annotator annotations [--json] <file-or-folder>...`: re-attaches every article's annotations to its
 * current text and lists them. JSON: {"annotations": [{"path", "id", "kind", "quote", "start", "end", "status",
 * "tags", "note", "speaker"}], "errors": [{"path", "message"}]}. Exit status 1 when there are errors.
 * Nothing is written.
 */
import type { Command } from 'commander';
import { SidecarStore } from '../../core/annotations/store';
import { sidecarPathFor } from '../../core/workspace/articleFiles';
import { expandArticlePaths } from '../articlePaths';
import { CliError } from '../cliError';
import { nodeFileOps } from '../../node/nodeFileOps';
import { articlePathOf, readArticleText } from './annotate';

interface ListedAnnotation {
  path: string;
  id: string;
  kind: string;
  quote: string;
  start: number | null;
  end: number | null;
  status: string;
  tags: string[];
  note: string | null;
  speaker: string | null;
  similarity: number;
}

export function register(program: Command): void {
  program
    .command('annotations')
    .description('List annotations (re-attached to the current text: anchored, moved, fuzzy or orphaned) of articles and folders.')
    .argument('<paths...>', 'article files or folders (walked recursively)')
    .option('--json', 'print JSON: {"annotations": [{"path", "id", "kind", "quote", "start", "end", "status", "tags", "note", "speaker"}], "errors": [{"path", "message"}]}')
    .action(async (paths: string[], opts: { json?: boolean }) => {
      const { files, errors } = await expandArticlePaths(paths.map(articlePathOf));
      const out: ListedAnnotation[] = [];
      const store = new SidecarStore({ fileOps: nodeFileOps });
      const seen = new Set<string>();
      for (const file of files) {
        if (seen.has(file)) continue;
        seen.add(file);
        const sc = sidecarPathFor(file);
        if (!(await nodeFileOps.stat(sc))) continue;
        let text: string;
        try {
          text = await readArticleText(file);
        } catch (err) {
          errors.push({ path: file, message: err instanceof CliError ? err.message.replace(`${file}: `, '') : String(err) });
          continue;
        }
        const h = await store.load(file, text);
        store.forget(file);
        if (h.error) {
          errors.push({ path: h.error.path, message: `${h.error.line !== null ? `line ${h.error.line}: ` : ''}${h.error.message}` });
          continue;
        }
        for (const r of h.list()) {
          const a = r.annotation;
          out.push({
            path: file,
            id: a.id,
            kind: a.kind,
            quote: a.target.exact,
            start: r.status === 'orphaned' ? null : r.start,
            end: r.status === 'orphaned' ? null : r.end,
            status: r.status,
            tags: [...a.tags],
            note: a.note ?? null,
            speaker: a.speaker ?? null,
            similarity: r.similarity,
          });
        }
      }
      if (opts.json) {
        const annotations = out.map(({ similarity: _s, ...rest }) => rest);
        process.stdout.write(JSON.stringify({ annotations, errors }, null, 2) + '\n');
      } else {
        for (const a of out) {
          const where = a.start === null ? 'orphaned' : `${a.start}-${a.end}${a.status === 'anchored' ? '' : ` ${a.status}`}`;
          const sim = a.status === 'fuzzy' ? ` (${Math.round(a.similarity * 100)}% similar)` : '';
          const quote = a.quote.replace(/\s+/g, ' ');
          process.stdout.write(
            `${a.path}  ${a.id}  ${a.kind}  ${where}${sim}  "${quote.length > 70 ? quote.slice(0, 69) + '…' : quote}"` +
              `${a.speaker ? `  — ${a.speaker}` : ''}${a.tags.length ? `  [${a.tags.join(', ')}]` : ''}${a.note ? `  note: ${a.note.replace(/\s+/g, ' ').slice(0, 60)}` : ''}\n`,
          );
        }
        for (const e of errors) process.stderr.write(`news-annotator: ${e.path}: ${e.message}\n`);
      }
      if (errors.length > 0) process.exitCode = 1;
    });
}
