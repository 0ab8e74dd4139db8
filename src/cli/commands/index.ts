/**
 * Every CLI command registers itself here. To add one: write `src/cli/commands/<name>.ts` exporting a
 * `register(program)` function, and add it to this list.
 */
import type { Command } from 'commander';
import { register as related } from './related';
import { register as search } from './search';

export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [related, search];
