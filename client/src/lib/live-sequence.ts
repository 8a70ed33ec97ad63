import type { LiveReady } from '@vigie/shared';

export type ReadyDecision = 'refetch-all' | 'await-replay';

/** How many recent seqs are remembered to recognise duplicates. */
const seenWindow = 2048;

/**
 * Tracks the `seq`s received on the live channel: drops duplicates and replays already seen,
 * and decides what a `ready` answer means for the views on screen. Two commits can be emitted in
 * the opposite order of their seqs, so a lower seq not seen yet is still new.
 */
export class LiveSequence {
  private last: number | undefined;
  /** Everything at or below the floor counts as seen (the stream position at the last `ready`). */
  private floor: number | undefined;
  private readonly seen = new Set<number>();

  get lastSeq(): number | undefined {
    return this.last;
  }

  /** True when the envelope is new (and records it); false for a duplicate or an old replay. */
  accept(seq: number): boolean {
    if ((this.floor !== undefined && seq <= this.floor) || this.seen.has(seq)) return false;
    this.seen.add(seq);
    if (this.seen.size > seenWindow) {
      const oldest = Math.min(...this.seen);
      this.seen.delete(oldest);
      this.floor = Math.max(this.floor ?? oldest, oldest);
    }
    if (this.last === undefined || seq > this.last) this.last = seq;
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
      this.floor = ready.seq;
      this.seen.clear();
      return 'refetch-all';
    }
    return 'await-replay';
  }

  reset(): void {
    this.last = undefined;
    this.floor = undefined;
    this.seen.clear();
  }
}
