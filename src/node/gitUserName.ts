/**
 * git's user.name, read from git's own config files, as `git config user.name` answers it in a folder: the
 * repository's config (`.git/config`, or the one a worktree's `.git` file points to), then the user's
 * (`~/.gitconfig`, else `$XDG_CONFIG_HOME/git/config`), then the system's (`/etc/gitconfig`). No process is
 * started: starting git from the extension host held its thread about 70 ms (forking a large process).
 * `[include]` files are not followed.
 */
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The last `name` of a `[user]` section in a git config file's text, unquoted; undefined when none. */
export function parseGitUserName(text: string): string | undefined {
  let inUser = false;
  let name: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"[^"]*")?\s*\]\s*(.*)$/.exec(line);
    if (section) {
      inUser = section[1]!.toLowerCase() === 'user' && !/"/.test(line.slice(0, line.indexOf(']')));
      if (!section[2]) continue;
    }
    const kv = /^(?:\[[^\]]*\]\s*)?([A-Za-z][A-Za-z0-9-]*)\s*=\s*(.*)$/.exec(line);
    if (inUser && kv && kv[1]!.toLowerCase() === 'name') name = unquote(kv[2]!);
  }
  return name || undefined;
}

/** A config value: quotes removed, escapes (\" \\ \t \n) read, an unquoted trailing comment dropped. */
function unquote(v: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (c === '"') quoted = !quoted;
    else if (c === '\\' && i + 1 < v.length) {
      const n = v[++i]!;
      out += n === 't' ? '\t' : n === 'n' ? '\n' : n;
    } else if (!quoted && (c === '#' || c === ';')) break;
    else out += c;
  }
  return out.trim();
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await fsp.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The repository config that governs `dir`: walks up to a `.git` folder or worktree file. */
async function repoConfig(dir: string): Promise<string | undefined> {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const dotGit = path.join(d, '.git');
    const stat = await fsp.stat(dotGit).catch(() => undefined);
    if (stat?.isDirectory()) return path.join(dotGit, 'config');
    if (stat?.isFile()) {
      const gitdir = /^gitdir:\s*(.+)$/m.exec((await readText(dotGit)) ?? '')?.[1]?.trim();
      if (!gitdir) return undefined;
      const abs = path.resolve(d, gitdir);
      const common = (await readText(path.join(abs, 'commondir')))?.trim();
      return path.join(common ? path.resolve(abs, common) : abs, 'config');
    }
    if (path.dirname(d) === d) return undefined;
  }
}

/** git's user.name for work in `dir` (or the user's and the system's alone without one); undefined when unset. */
export async function gitUserName(dir: string | undefined): Promise<string | undefined> {
  const home = os.homedir();
  const xdg = process.env.XDG_CONFIG_HOME || path.join(home, '.config');
  const files = [dir ? await repoConfig(dir) : undefined, path.join(home, '.gitconfig'), path.join(xdg, 'git', 'config'), '/etc/gitconfig'];
  for (const f of files) {
    if (!f) continue;
    const text = await readText(f);
    const name = text === undefined ? undefined : parseGitUserName(text);
    if (name) return name;
  }
  return undefined;
}
