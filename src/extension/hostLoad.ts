/**
 * The extension host's load, for the figures (`npm run bench -- vscode`): its event-loop delay
 * (perf_hooks.monitorEventLoopDelay, a histogram, nearly free), its heap, and the CPU time of its thread and of the
 * whole process (the workers, the compiler's and the garbage collector's threads, and any other extension's work).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { threadCpuMs } from '../node/threadCpu';

export interface HostLoadFigures {
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly heapUsed: number;
  /** this thread's CPU time (Linux only) */
  readonly threadCpuMs: number | undefined;
  readonly processCpuMs: number;
}

export class HostLoad {
  private readonly loop = monitorEventLoopDelay({ resolution: 10 });
  private from = HostLoad.cpuNow();

  constructor() {
    this.loop.enable();
  }

  private static cpuNow(): { thread: number | undefined; process: number } {
    const c = process.cpuUsage();
    return { thread: threadCpuMs(), process: c.user + c.system };
  }

  /** The figures since the start or the last reset; `reset` starts a new measurement. */
  read(reset = false): HostLoadFigures {
    const now = HostLoad.cpuNow();
    const r = {
      p99Ms: this.loop.percentile(99) / 1e6,
      maxMs: this.loop.max / 1e6,
      heapUsed: process.memoryUsage().heapUsed,
      threadCpuMs: now.thread === undefined || this.from.thread === undefined ? undefined : now.thread - this.from.thread,
      processCpuMs: (now.process - this.from.process) / 1000,
    };
    if (reset) {
      this.loop.reset();
      this.from = now;
    }
    return r;
  }

  dispose(): void {
    this.loop.disable();
  }
}
