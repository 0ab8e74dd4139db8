/**
 * `news-annotator annotate <article> --quote "<exact text>" [--occurrence N] [--tag T]... [--note "..."]`:
 * adds an annotation on the Nth occurrence (default the first) of the text and prints its id.
 * Also the shared helpers of the annotation commands (annotations, tag, note).
 */
import * as path from 'node:path';
import * as os from 'node:os';
import type { Command } from 'commander';
import { ANNOTATION_KINDS, type AnnotationKind } from '../../core/annotations/types';
import { AnnotationNotFoundError, SidecarReadOnlyError, SidecarStore, type ArticleAnnotations } from '../../core/annotations/store';
import { FileNotFoundError } from '../../core/io/fileOps';
import { decodeArticleBytes } from '../../core/text/decode';
import { isSidecarPath, SIDECAR_SUFFIX } from '../../core/workspace/articleFiles';
import { CliError } from '../cliError';
import { nodeFileOps } from '../../node/nodeFileOps';
import { gitUserName } from '../../node/gitUserName';

/** The author recorded by the CLI: git's user.name for the article's folder (read from git's config), else the OS user name. */
export async function defaultAuthor(dir: string): Promise<string | undefined> {
  const name = await gitUserName(dir);
  if (name) return name;
  try {
    return os.userInfo().username || undefined;
  } catch {
    return undefined;
  }
}

/** Reads an article's text (UTF-8, BOM dropped) or throws a CliError saying why not. */
export async function readArticleText(articlePath: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await nodeFileOps.readFile(articlePath);
  } catch (err) {
    if (err instanceof FileNotFoundError) throw new CliError(`${articlePath}: no such article`);
    throw new CliError(`${articlePath}: cannot read (${err instanceof Error ? err.message : String(err)})`);
  }
  const d = decodeArticleBytes(bytes);
  if (!d.ok) throw new CliError(`${articlePath}: ${d.reason}`);
  return d.text;
}

/** A sidecar path given where an article is expected means its article. */
export function articlePathOf(p: string): string {
  return isSidecarPath(p) ? p.slice(0, -SIDECAR_SUFFIX.length) : p;
}

/** Opens an article's annotations for editing; a broken sidecar is a CliError naming file and line. */
export async function openForEdit(articleArg: string): Promise<{ handle: ArticleAnnotations; text: string }> {
  const articlePath = articlePathOf(articleArg);
  const text = await readArticleText(articlePath);
  const handle = await new SidecarStore({ fileOps: nodeFileOps }).load(articlePath, text);
  if (handle.error) {
    const e = handle.error;
    throw new CliError(`${e.path}${e.line !== null ? `:${e.line}` : ''}: ${e.message} (not changed; fix it first)`);
  }
  return { handle, text };
}

/** Maps core errors of an edit to CLI errors. */
export async function runEdit<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AnnotationNotFoundError || err instanceof SidecarReadOnlyError || err instanceof RangeError) throw new CliError(err.message);
    throw err;
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

interface AnnotateOpts {
  quote: string;
  occurrence: string;
  tag: string[];
  note?: string;
  kind?: string;
  speaker?: string;
  author?: string;
}

export function register(program: Command): void {
  program
    .command('annotate')
    .description('Annotate a passage of an article (tags and a note, saved in <article>.annotations.yaml beside it); prints the new id.')
    .argument('<article>', 'the article file')
    .requiredOption('--quote <text>', 'the exact text to annotate')
    .option('--occurrence <n>', 'which occurrence of the text (1 = first)', '1')
    .option('--tag <tag>', 'a tag (repeat for several)', collect, [])
    .option('--note <text>', 'a note')
    .option('--kind <kind>', `kind of annotation: ${ANNOTATION_KINDS.join(', ')} (default: quote when the text is inside quotation marks, else passage)`)
    .option('--speaker <name>', 'who said it (for a quote)')
    .option('--author <name>', 'author recorded on the annotation (default: git user.name, else your user name)')
    .action(async (article: string, opts: AnnotateOpts) => {
      const n = Number(opts.occurrence);
      if (!Number.isInteger(n) || n < 1) throw new CliError(`--occurrence must be a whole number ≥ 1, not ${JSON.stringify(opts.occurrence)}`, 2);
      if (opts.quote.length === 0) throw new CliError('--quote cannot be empty', 2);
      if (opts.kind !== undefined && !(ANNOTATION_KINDS as readonly string[]).includes(opts.kind)) {
        throw new CliError(`--kind must be one of ${ANNOTATION_KINDS.join(', ')}`, 2);
      }
      const { handle, text } = await openForEdit(article);
      let at = -1;
      let found = 0;
      for (let i = text.indexOf(opts.quote); i >= 0; i = text.indexOf(opts.quote, i + 1)) {
        found++;
        if (found === n) {
          at = i;
          break;
        }
      }
      if (at < 0) {
        throw new CliError(
          found === 0
            ? `${handle.articlePath}: the text ${JSON.stringify(opts.quote)} is not in the article`
            : `${handle.articlePath}: the text occurs ${found} time${found === 1 ? '' : 's'}, not ${n}`,
        );
      }
      const end = at + opts.quote.length;
      const kind = (opts.kind as AnnotationKind | undefined) ?? (insideQuotes(text, at, end) ? 'quote' : 'passage');
      const author = opts.author ?? (await defaultAuthor(path.dirname(handle.articlePath)));
      const r = await runEdit(() =>
        handle.add({
          start: at,
          end,
          kind,
          tags: opts.tag,
          ...(opts.note !== undefined ? { note: opts.note } : {}),
          ...(opts.speaker ? { speaker: opts.speaker } : {}),
          ...(author ? { author } : {}),
        }),
      );
      process.stdout.write(r.annotation.id + '\n');
    });
}

/** True when the range sits right inside quotation marks (straight or curly). */
function insideQuotes(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 3);
  return /["“«„]\s?$/.test(before) && /^[,.!?;:]?\s?["”»“]/.test(after);
}
