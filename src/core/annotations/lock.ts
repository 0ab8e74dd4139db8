/**
 * A short-lived lock file beside a sidecar (`<sidecar>.lock`), held only while one save re-reads, merges, writes
 * and verifies the sidecar, so two processes saving the same sidecar at the same instant take turns instead of
 * renaming over each other.
 *
 * - Taken with `FileOps.createExclusive` (O_EXCL on the CLI's file system). The lock holds the holder's pid (when
 *   there is one), the time it was taken and a random token.
 * - A lock older than `staleMs` (by the time written in it, or its modification time when unreadable) is stale:
 *   a holder killed mid-save never blocks anyone for longer than that. It is broken by deleting it.
 * - Released by deleting it, only if it still holds our token (a holder that ran past `staleMs` and was broken
 *   does not delete the next holder's lock).
 * - Without `createExclusive` (a FileOps that lacks it), there is no lock: saves still re-read before writing and
 *   verify after, as before.
 */
import type { FileOps } from '../io/fileOps';

export interface LockOptions {
  /** A lock older than this is considered left behind by a crashed holder and broken. */
  readonly staleMs: number;
  /** Give up (throw) after waiting this long for a lock that keeps being renewed. */
  readonly timeoutMs: number;
}

export const DEFAULT_LOCK_STALE_MS = 2000;

export class SidecarLockTimeoutError extends Error {
  constructor(readonly lockPath: string) {
    super(`${lockPath}: another process keeps the sidecar locked; could not save (delete the .lock file if no other window or tool is saving)`);
    this.name = 'SidecarLockTimeoutError';
  }
}

const enc = new TextEncoder();
const dec = new TextDecoder();

interface LockBody {
  readonly token: string;
  readonly at: number;
}

function parseBody(bytes: Uint8Array | null): LockBody | null {
  if (!bytes) return null;
  try {
    const o = JSON.parse(dec.decode(bytes)) as { token?: unknown; at?: unknown };
    if (typeof o.token === 'string' && typeof o.at === 'number') return { token: o.token, at: o.at };
  } catch {
    // A torn or foreign lock file: judged by its modification time.
  }
  return null;
}

function pid(): number | null {
  const p = (globalThis as { process?: { pid?: unknown } }).process?.pid;
  return typeof p === 'number' ? p : null;
}

let counter = 0;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `fn` holding `<sidecarPath>.lock`. Waits (short random pauses) while another process holds it; breaks a
 * stale one.
 */
export async function withSidecarLock<T>(fileOps: FileOps, sidecarPath: string, options: LockOptions, fn: () => Promise<T>): Promise<T> {
  const create = fileOps.createExclusive?.bind(fileOps);
  if (!create) return fn();
  const lockPath = `${sidecarPath}.lock`;
  const token = `${(counter++).toString(36)}-${Math.floor(Math.random() * 2 ** 48).toString(36)}-${Date.now().toString(36)}`;
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    const body = enc.encode(JSON.stringify({ pid: pid(), at: Date.now(), token }) + '\n');
    if (await create(lockPath, body)) break;
    // Held by someone: stale?
    const held = parseBody(await fileOps.readFile(lockPath).catch(() => null));
    let takenAt = held?.at;
    if (takenAt === undefined) {
      const st = await fileOps.stat(lockPath).catch(() => undefined);
      if (!st) continue; // released meanwhile: try again at once
      takenAt = st.mtimeMs;
    }
    const now = Date.now();
    if (now - takenAt > options.staleMs) {
      // Left by a holder that died (or hung): break it, but only if it is still the one we judged stale.
      const again = parseBody(await fileOps.readFile(lockPath).catch(() => null));
      if (held === null || (again !== null && again.token === held.token)) await fileOps.delete(lockPath);
      continue;
    }
    if (now - started > options.timeoutMs) throw new SidecarLockTimeoutError(lockPath);
    await sleep(1 + Math.floor(Math.random() * Math.min(20, 2 + attempt)));
  }
  try {
    return await fn();
  } finally {
    const mine = parseBody(await fileOps.readFile(lockPath).catch(() => null));
    if (mine !== null && mine.token === token) await fileOps.delete(lockPath).catch(() => undefined);
  }
}
