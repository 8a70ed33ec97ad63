import { describe, expect, it } from 'vitest';
import { rebaseValues } from './rebase-values';

describe('rebaseValues', () => {
  it('keeps what the user changed and takes the rest from the current state', () => {
    const loaded = { title: 'Fuite', impact: 2, racks: [{ id: 1, name: 'A01' }] };
    const values = { title: 'Fuite salle B', impact: 2, racks: [{ id: 1, name: 'A01' }] };
    const current = { title: 'Fuite (bâtiment B)', impact: 1, racks: [{ id: 2, name: 'A02' }] };
    expect(rebaseValues(values, loaded, current)).toEqual({
      title: 'Fuite salle B',
      impact: 1,
      racks: [{ id: 2, name: 'A02' }],
    });
  });
});
