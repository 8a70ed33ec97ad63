import type { InventorySearchResult } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { movedIndex, searchGroups } from './search-options';

const site = {
  id: 1,
  code: 'PAR1',
  name: 'Paris 1',
  address: '',
  timeZone: 'Europe/Paris',
  countryCode: 'FR',
  pueTarget: null,
  version: 1,
};
const rack = (id: number) => ({
  id,
  roomId: 1,
  name: `R${id}`,
  rowLabel: 'A',
  gridX: 0,
  gridY: 0,
  uHeight: 42,
  powerBudgetKw: 8,
  maxWeightKg: 1000,
  status: 'active' as const,
  tenantId: null,
  version: 1,
});
const device = {
  id: 9,
  name: 'srv-9',
  deviceTypeId: 1,
  rackId: 1,
  position: 1,
  face: 'front' as const,
  status: 'active' as const,
  tenantId: null,
  serial: 'SN9',
  assetTag: null,
  version: 1,
};

describe('inventory search options', () => {
  it('groups sites, racks and devices in that order, leaving empty kinds out', () => {
    const result: InventorySearchResult = { sites: [site], racks: [], devices: [device] };
    const groups = searchGroups(result, 'x', 6);
    expect(groups.map((group) => group.kind)).toEqual(['sites', 'devices']);
    expect(groups[0]!.options[0]).toMatchObject({
      href: '/inventory/sites/1',
      title: 'Paris 1',
      details: { code: 'PAR1' },
    });
    expect(groups[1]!.options[0]).toMatchObject({ href: '/inventory/devices/9', details: { serial: 'SN9' } });
    expect(groups[1]!.options[0]!.details).not.toHaveProperty('assetTag');
  });

  it('ends a full group with a link to its list filtered by the same text', () => {
    const result: InventorySearchResult = { sites: [], racks: [rack(1), rack(2)], devices: [] };
    const [racks] = searchGroups(result, 'r 1&2', 2);
    expect(racks!.options.map((option) => option.href)).toEqual([
      '/inventory/racks/1',
      '/inventory/racks/2',
      '/inventory/racks?q=r%201%262',
    ]);
    expect(racks!.options.at(-1)!.more).toBe(true);
    expect(searchGroups(result, 'r', 3)[0]!.options.some((option) => option.more)).toBe(false);
  });

  it('moves the active option with the arrows, wrapping round', () => {
    expect([movedIndex(-1, 3, 1), movedIndex(0, 3, 1), movedIndex(2, 3, 1)]).toEqual([0, 1, 0]);
    expect([movedIndex(-1, 3, -1), movedIndex(0, 3, -1), movedIndex(2, 3, -1)]).toEqual([2, 2, 1]);
    expect(movedIndex(0, 0, 1)).toBe(-1);
  });
});
