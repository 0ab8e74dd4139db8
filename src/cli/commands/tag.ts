/** `news-annotator tag <article> <id> --add T | --remove T`: adds or removes tags of one annotation. */
import type { Command } from 'commander';
import { CliError } from '../cliError';
import { openForEdit, runEdit } from './annotate';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function register(program: Command): void {
  program
    .command('tag')
    .description('Add or remove tags of one annotation (ids from `annotate` or `annotations`).')
    .argument('<article>', 'the article file')
    .argument('<id>', 'the annotation id')
    .option('--add <tag>', 'tag to add (repeatable)', collect, [])
    .option('--remove <tag>', 'tag to remove (repeatable)', collect, [])
    .action(async (article: string, id: string, opts: { add: string[]; remove: string[] }) => {
      if (opts.add.length === 0 && opts.remove.length === 0) throw new CliError('give --add <tag> or --remove <tag>', 2);
      if ([...opts.add, ...opts.remove].some((t) => t.trim() === '')) throw new CliError('a tag cannot be empty', 2);
      const { handle } = await openForEdit(article);
      const r = await runEdit(() => handle.update(id, { addTags: opts.add, removeTags: opts.remove }));
      process.stdout.write(`${r.annotation.id}: ${r.annotation.tags.length > 0 ? r.annotation.tags.join(', ') : '(no tags)'}\n`);
    });
}
