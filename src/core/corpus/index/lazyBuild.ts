import type { LiveArticle } from './slots';

/**
 * A table built over the articles on first use rather than when each is added (that keeps reopening from the
 * cache fast), then kept up to date article by article. Articles are processed in slot order.
 */
export class LazyBuild {
  /** Slots built so far (-1: not started). */
  cursor = -1;

  /** `caughtUp`: called whenever the table has just taken the last article (after a build, and after each one added). */
  constructor(
    private readonly build: (live: LiveArticle) => void,
    private readonly caughtUp?: () => void,
  ) {}

  /** True when the article in `slot` is built into the table. */
  covers(slot: number): boolean {
    return slot < this.cursor;
  }

  /** Builds up to `n` more articles; true when all are built. */
  step(bySlot: readonly (LiveArticle | undefined)[], n: number): boolean {
    if (this.cursor < 0) this.cursor = 0;
    for (; n > 0 && this.cursor < bySlot.length; n--, this.cursor++) {
      const live = bySlot[this.cursor];
      if (live) this.build(live);
    }
    const done = this.cursor >= bySlot.length;
    if (done) this.caughtUp?.();
    return done;
  }

  /** Once started and caught up, the table takes every new article as it comes. */
  added(live: LiveArticle): void {
    if (this.cursor === live.slot) {
      this.build(live);
      this.cursor++;
      this.caughtUp?.();
    }
  }
}
