import { describe, expect, it } from 'vitest';
import { defaultPriorityMatrix, priorityFor, type PriorityMatrix } from './incident-priority.js';

describe('priorityFor', () => {
  it('reads the default ITIL matrix by impact row and urgency column', () => {
    expect(priorityFor(1, 1)).toBe('P1');
    expect(priorityFor(1, 3)).toBe('P3');
    expect(priorityFor(3, 1)).toBe('P3');
    expect(priorityFor(3, 3)).toBe('P4');
    expect(priorityFor(2, 2, null)).toBe(defaultPriorityMatrix[1][1]);
  });

  it('uses a contract matrix when given, and P0 whenever the incident is major', () => {
    const strict: PriorityMatrix = [
      ['P1', 'P1', 'P1'],
      ['P1', 'P2', 'P2'],
      ['P2', 'P3', 'P3'],
    ];
    expect(priorityFor(3, 3, strict)).toBe('P3');
    expect(priorityFor(3, 3, strict, true)).toBe('P0');
    expect(priorityFor(3, 3, undefined, true)).toBe('P0');
  });
});
