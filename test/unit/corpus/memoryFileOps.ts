import { FileNotFoundError, type FileOps } from '../../../src/core/io/fileOps';

/** FileOps over a Map, with an mtime clock, so the tests control stamps. */
export class MemoryFileOps implements FileOps {
  readonly files = new Map<string, { data: Uint8Array; mtimeMs: number }>();
  reads = 0;
  private clock = 1000;
  put(p: string, text: string | Uint8Array): void {
    this.files.set(p, { data: typeof text === 'string' ? new TextEncoder().encode(text) : text, mtimeMs: this.clock++ });
  }
  async readFile(p: string): Promise<Uint8Array> {
    this.reads++;
    const f = this.files.get(p);
    if (!f) throw new FileNotFoundError(p);
    return f.data;
  }
  async writeFile(p: string, data: Uint8Array): Promise<void> {
    this.put(p, data.slice());
  }
  async rename(from: string, to: string): Promise<void> {
    const f = this.files.get(from);
    if (!f) throw new FileNotFoundError(from);
    this.files.delete(from);
    this.files.set(to, f);
  }
  async delete(p: string): Promise<void> {
    this.files.delete(p);
  }
  async stat(p: string) {
    const f = this.files.get(p);
    return f ? { size: f.data.length, mtimeMs: f.mtimeMs } : undefined;
  }
  dirname = (p: string) => p.slice(0, p.lastIndexOf('/'));
  basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  join = (d: string, n: string) => `${d}/${n}`;
}
