/**
 * Walking a chain of related passages with next/previous: the editor keeps one RelatedWalk per chain, opens
 * `current()` and moves with `next()` / `previous()`. The chain is the ranked list from `related()`, with the
 * source first; it wraps around at both ends.
 */
import type { RelatedResult, RelatedSource } from '../types';

export type WalkStop = RelatedSource | RelatedResult;

export class RelatedWalk {
  private position = 0;
  private readonly stops: readonly WalkStop[];

  constructor(source: RelatedSource, related: readonly RelatedResult[]) {
    this.stops = [source, ...related];
  }

  get length(): number {
    return this.stops.length;
  }

  /** 0 is the source; 1.. the related results in rank order. */
  get index(): number {
    return this.position;
  }

  current(): WalkStop {
    return this.stops[this.position]!;
  }

  next(): WalkStop {
    this.position = (this.position + 1) % this.stops.length;
    return this.current();
  }

  previous(): WalkStop {
    this.position = (this.position - 1 + this.stops.length) % this.stops.length;
    return this.current();
  }

  /** Moves to a stop by index (clamped). */
  goTo(index: number): WalkStop {
    this.position = Math.max(0, Math.min(this.stops.length - 1, Math.trunc(index)));
    return this.current();
  }
}
