/**
 * `news-annotator`: the command-line interface over the same pure core as the extension.
 * Commands live in src/cli/commands; this file only builds the program and maps errors to exit codes.
 */
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index';
import { CliError } from './cliError';
import { setWorkerLimit } from './pool';

declare const __VERSION__: string;

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('news-annotator')
    .description('Batch extraction, annotation and search over news articles kept as text files.')
    .version(typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev', '-V, --version')
    .showHelpAfterError('(run news-annotator --help for usage)')
    .showSuggestionAfterError(true)
    .option('--workers <n>', 'analyse on at most n worker threads (default: one per core but one, at least one)', parseWorkers)
    .hook('preAction', (cmd) => setWorkerLimit((cmd.opts() as { workers?: number }).workers))
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`--workers must be a positive whole number, not ${JSON.stringify(value)}`, 2);
  return n;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit with 0; unknown commands and options with 2 (commander already printed why).
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof CliError) {
      process.stderr.write(`news-annotator: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`news-annotator: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(String(err) + '\n');
      process.exitCode = 1;
    },
  );
}
