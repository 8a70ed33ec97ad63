import { describe, expect, it } from 'vitest';
import { containsPattern, encodeCursor } from './keyset-page.js';

describe('containsPattern', () => {
  it('wraps the text to match anywhere', () => {
    expect(containsPattern('R750')).toBe('%R750%');
  });

  it('turns LIKE wildcards in the text into single-character matches, never into "anything"', () => {
    expect(containsPattern('a_b%c')).toBe('%a_b_c%');
    expect(containsPattern('C:\\path')).toBe('%C:\\path%');
  });
});

describe('encodeCursor', () => {
  it('is opaque and URL-safe', () => {
    expect(encodeCursor(12345)).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
