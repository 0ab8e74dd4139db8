/**
 * Every CLI command registers itself here. To add one: write `src/cli/commands/<name>.ts` exporting a
 * `register(program)` function, and add it to this list.
 */
import type { Command } from 'commander';
import { register as annotate } from './annotate';
import { register as annotations } from './annotations';
import { register as exportCmd } from './export';
import { register as extract } from './extract';
import { register as importCmd } from './import';
import { register as note } from './note';
import { register as related } from './related';
import { register as search } from './search';
import { register as tag } from './tag';
import { register as tags } from './tags';
import { register as tallyCmd } from './tally';

export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [extract, annotate, annotations, tag, note, related, search, exportCmd, tags, importCmd, tallyCmd];
