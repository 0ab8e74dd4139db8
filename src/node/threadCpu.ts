/**
 * CPU time of the calling thread, for the figures (`npm run bench`): on Linux from /proc/thread-self/stat (user +
 * system, in clock ticks of 10 ms); undefined elsewhere. process.cpuUsage() counts every thread of the process
 * (workers, the compiler's and the garbage collector's threads); this counts one.
 */
import { readFileSync } from 'node:fs';

export function threadCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
