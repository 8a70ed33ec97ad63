import { describe, expect, it } from 'vitest';
import { truncateWords } from './truncate-words';

describe('truncateWords', () => {
  it('keeps a text that fits', () => {
    expect(truncateWords('A01', 6)).toBe('A01');
    expect(truncateWords('ABCDEF', 6)).toBe('ABCDEF');
  });

  it('ends on a whole word rather than cutting one', () => {
    expect(truncateWords('E2E-PLAN-ABC12', 6)).toBe('E2E-…');
    expect(truncateWords('Dell PowerEdge R750', 16)).toBe('Dell PowerEdge…');
  });

  it('cuts a single long word when there is no word boundary to end on', () => {
    expect(truncateWords('SUPERCALIFRAGILISTIC', 6)).toBe('SUPER…');
  });

  it('drops the space before the ellipsis', () => {
    expect(truncateWords('Dell PowerEdge R750', 6)).toBe('Dell…');
  });
});
