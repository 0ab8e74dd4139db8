/**
 * `news-annotator tags rename <old> <new> <file-or-folder>... [--dry-run]`: renames a tag in every sidecar of the
 * articles given (annotation tags and article tags). Where an annotation already has <new>, the two merge (no
 * duplicate). `--dry-run` prints what would change and writes nothing. A broken or foreign sidecar is never
 * written: it is reported on stderr and the exit status is 1.
 */
import type { Command } from 'commander';
import { checkTagRename, renameCounts, renameTag } from '../../core/annotations/renameTag';
import { SidecarStore, type ArticleAnnotations } from '../../core/annotations/store';
import { sidecarPathFor } from '../../core/workspace/articleFiles';
import { expandArticlePaths } from '../articlePaths';
import { CliError } from '../cliError';
import { nodeFileOps } from '../../node/nodeFileOps';
import { articlePathOf, readArticleText } from './annotate';

function clip(s: string, n = 60): string {
  const t = s.replace(/\s+/g, ' ');
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}

export async function runRename(
  fromArg: string,
  toArg: string,
  paths: readonly string[],
  dryRun: boolean,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  let names: { from: string; to: string };
  try {
    names = checkTagRename(fromArg, toArg);
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e), 2);
  }
  const { from, to } = names;
  const { files, errors: pathErrors } = await expandArticlePaths(paths.map(articlePathOf));
  if (pathErrors.length > 0) throw new CliError(pathErrors.map((p) => `${p.path}: ${p.message}`).join('; ') + ' (nothing changed)', 2);

  const store = new SidecarStore({ fileOps: nodeFileOps });
  const handles: ArticleAnnotations[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file)) continue;
    seen.add(file);
    if (!(await nodeFileOps.stat(sidecarPathFor(file)))) continue;
    let text: string;
    try {
      text = await readArticleText(file);
    } catch (e) {
      problems.push(`${e instanceof Error ? e.message : String(e)} (its sidecar was not changed)`);
      continue;
    }
    handles.push(await store.load(file, text));
  }
  const r = await renameTag(handles, from, to, { dryRun });
  for (const e of r.errors) problems.push(`${e.path}${e.line !== null ? `:${e.line}` : ''}: ${e.message} (not changed; fix it first)`);

  const { annotations, merged } = renameCounts(r);
  for (const s of r.renamed) {
    for (const c of s.changes) {
      const what = c.id === null ? 'article tags' : `${c.id} “${clip(c.quote)}”`;
      out(`${s.articlePath}  ${what}: [${c.before.join(', ')}] → [${c.after.join(', ')}]${c.merged ? '  (merged)' : ''}\n`);
    }
  }
  const sidecars = r.renamed.length;
  const verb = dryRun ? 'would rename' : 'renamed';
  if (sidecars === 0) out(`no annotation is tagged ${JSON.stringify(from)}; nothing ${dryRun ? 'would change' : 'changed'}\n`);
  else
    out(
      `${verb} ${JSON.stringify(from)} to ${JSON.stringify(to)} in ${annotations} annotation(s) of ${sidecars} sidecar(s)` +
        `${merged > 0 ? ` (${merged} merged with an existing ${JSON.stringify(to)})` : ''}${dryRun ? '; nothing written (--dry-run)' : ''}\n`,
    );
  for (const p of problems) err(`news-annotator: ${p}\n`);
  return problems.length > 0 ? 1 : 0;
}

export function register(program: Command): void {
  const tags = program.command('tags').description('Work on tags across many articles (see `tags rename --help`).');
  tags
    .command('rename')
    .description('Rename a tag in every sidecar of the articles given, or merge it into another tag (no duplicates).')
    .argument('<old>', 'the tag to rename')
    .argument('<new>', 'its new name (an existing tag: the two merge)')
    .argument('<file-or-folder...>', 'article files, or folders to walk for article files')
    .option('--dry-run', 'print what would change; write nothing')
    .action(async (from: string, to: string, paths: string[], opts: { dryRun?: boolean }) => {
      const code = await runRename(
        from,
        to,
        paths,
        !!opts.dryRun,
        (s) => process.stdout.write(s),
        (s) => process.stderr.write(s),
      );
      if (code !== 0) process.exitCode = code;
    });
}
