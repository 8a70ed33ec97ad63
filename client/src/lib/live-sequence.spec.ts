import { describe, expect, it } from 'vitest';
import { LiveSequence } from './live-sequence';

describe('LiveSequence', () => {
  it('accepts increasing seqs and drops duplicates and old replays', () => {
    const sequence = new LiveSequence();
    expect(sequence.onReady({ seq: 10, resync: false })).toBe('refetch-all');
    expect(sequence.accept(11)).toBe(true);
    expect(sequence.accept(11)).toBe(false);
    expect(sequence.accept(9)).toBe(false);
    expect(sequence.accept(13)).toBe(true);
    expect(sequence.lastSeq).toBe(13);
  });

  it('accepts a lower seq not seen yet: two commits may be emitted out of order', () => {
    const sequence = new LiveSequence();
    sequence.onReady({ seq: 10, resync: false });
    expect(sequence.accept(12)).toBe(true);
    expect(sequence.accept(11)).toBe(true);
    expect(sequence.accept(11)).toBe(false);
    expect(sequence.lastSeq).toBe(12);
  });

  it('waits for the replay after a reconnect, keeping the last seq for the handshake', () => {
    const sequence = new LiveSequence();
    sequence.onReady({ seq: 5, resync: false });
    sequence.accept(6);
    expect(sequence.onReady({ seq: 9, resync: false })).toBe('await-replay');
    expect(sequence.lastSeq).toBe(6);
    expect(sequence.accept(7)).toBe(true);
  });

  it('refetches when the server asks for it or its stream went backwards', () => {
    const sequence = new LiveSequence();
    sequence.onReady({ seq: 5, resync: false });
    sequence.accept(6);
    expect(sequence.onReady({ seq: 40, resync: true })).toBe('refetch-all');
    expect(sequence.lastSeq).toBe(40);
    expect(sequence.onReady({ seq: 2, resync: false })).toBe('refetch-all');
    expect(sequence.lastSeq).toBe(2);
  });
});
