/** In-memory FileOps for tests, with a log of operations and optional injected failures. */
import { FileNotFoundError, type FileOps, type FileStat } from '../../../src/core/io/fileOps';

export class MemFileOps implements FileOps {
  readonly files = new Map<string, Uint8Array>();
  readonly log: string[] = [];
  /** Called before each operation; throw from it to simulate a failure. */
  failBefore?: (op: string, path: string) => void;

  put(path: string, text: string): void {
    this.files.set(path, new TextEncoder().encode(text));
  }
  text(path: string): string | undefined {
    const b = this.files.get(path);
    return b === undefined ? undefined : new TextDecoder().decode(b);
  }
  private hook(op: string, path: string): void {
    this.log.push(`${op} ${path}`);
    this.failBefore?.(op, path);
  }
  async readFile(path: string): Promise<Uint8Array> {
    this.hook('read', path);
    const b = this.files.get(path);
    if (!b) throw new FileNotFoundError(path);
    return b.slice();
  }
  async writeFile(path: string, data: Uint8Array): Promise<void> {
    this.hook('write', path);
    this.files.set(path, data.slice());
  }
  async createExclusive(path: string, data: Uint8Array): Promise<boolean> {
    this.hook('create', path);
    if (this.files.has(path)) return false;
    this.files.set(path, data.slice());
    return true;
  }
  async rename(from: string, to: string): Promise<void> {
    this.hook('rename', `${from} -> ${to}`);
    const b = this.files.get(from);
    if (!b) throw new FileNotFoundError(from);
    this.files.set(to, b);
    this.files.delete(from);
  }
  async delete(path: string): Promise<void> {
    this.hook('delete', path);
    this.files.delete(path);
  }
  async stat(path: string): Promise<FileStat | undefined> {
    const b = this.files.get(path);
    return b ? { size: b.length, mtimeMs: 0 } : undefined;
  }
  dirname(p: string): string {
    const i = p.lastIndexOf('/');
    return i < 0 ? '.' : p.slice(0, i);
  }
  basename(p: string): string {
    return p.slice(p.lastIndexOf('/') + 1);
  }
  join(d: string, n: string): string {
    return `${d}/${n}`;
  }
}
