import { describe, expect, it } from 'vitest';
import { sortDirectionOf, toggledSort } from './list-sort';

describe('list sort', () => {
  it('reads the direction of a column from the sort parameter', () => {
    expect(sortDirectionOf('name', 'name')).toBe('ascending');
    expect(sortDirectionOf('-name', 'name')).toBe('descending');
    expect(sortDirectionOf('-status', 'name')).toBe('none');
    expect(sortDirectionOf(undefined, 'name')).toBe('none');
  });

  it('sorts a new column ascending, then flips it', () => {
    expect(toggledSort(undefined, 'name')).toBe('name');
    expect(toggledSort('status', 'name')).toBe('name');
    expect(toggledSort('name', 'name')).toBe('-name');
    expect(toggledSort('-name', 'name')).toBe('name');
  });
});
