import type { LiveReady } from '@vigie/shared';

export type ReadyDecision = 'refetch-all' | 'await-replay';

/**
 * Tracks the last `seq` received on the live channel: drops duplicates and replays already seen,
 * and decides what a `ready` answer means for the views on screen.
 */
export class LiveSequence {
  private last: number | undefined;

  get lastSeq(): number | undefined {
    return this.last;
  }

  /** True when the envelope is new (and records it); false for a duplicate or an old replay. */
  accept(seq: number): boolean {
    if (this.last !== undefined && seq <= this.last) return false;
    this.last = seq;
    return true;
  }

  /**
   * After each handshake. Without a previous seq the views were loaded before the socket was up,
   * so they may have missed something; a server that asks for resync, or whose stream went
   * backwards (a reset database), also means refetching. Otherwise the missed events are replayed.
   */
  onReady(ready: LiveReady): ReadyDecision {
    if (this.last === undefined || ready.resync || ready.seq < this.last) {
      this.last = ready.seq;
      return 'refetch-all';
    }
    return 'await-replay';
  }

  reset(): void {
    this.last = undefined;
  }
}
