/** `news-annotator note <article> <id> --set "..."` (or `--clear`): sets the note of one annotation. */
import type { Command } from 'commander';
import { CliError } from '../cliError';
import { openForEdit, runEdit } from './annotate';

export function register(program: Command): void {
  program
    .command('note')
    .description('Set (or clear) the note of one annotation.')
    .argument('<article>', 'the article file')
    .argument('<id>', 'the annotation id')
    .option('--set <text>', 'the new note (line breaks inside the quotes make a multi-line note)')
    .option('--clear', 'remove the note')
    .action(async (article: string, id: string, opts: { set?: string; clear?: boolean }) => {
      if ((opts.set === undefined) === !opts.clear) throw new CliError('give exactly one of --set "<text>" or --clear', 2);
      const { handle } = await openForEdit(article);
      const note = opts.clear ? null : opts.set!;
      const r = await runEdit(() => handle.update(id, { note: note === '' ? null : note }));
      process.stdout.write(`${r.annotation.id}: ${r.annotation.note === undefined ? '(no note)' : 'note saved'}\n`);
    });
}
