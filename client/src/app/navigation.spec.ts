import { rolePermissions } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { areaById, areaCovers, visibleAreas } from './navigation';

const areasOf = (role: keyof typeof rolePermissions) =>
  visibleAreas(rolePermissions[role]).map((area) => area.id);

describe('visibleAreas', () => {
  it('follows the role table of DESIGN.md §4', () => {
    expect(areasOf('admin')).toEqual([
      'board',
      'inventory',
      'incidents',
      'procedures',
      'tasks',
      'shift',
      'reports',
      'admin',
    ]);
    expect(areasOf('coordinator')).toEqual([
      'board',
      'inventory',
      'incidents',
      'procedures',
      'tasks',
      'shift',
      'reports',
    ]);
    expect(areasOf('technician')).toEqual([
      'board',
      'inventory',
      'incidents',
      'procedures',
      'tasks',
      'shift',
    ]);
    expect(areasOf('manager')).toEqual([
      'board',
      'inventory',
      'incidents',
      'procedures',
      'tasks',
      'shift',
      'reports',
    ]);
    expect(areasOf('client_viewer')).toEqual(['board', 'inventory', 'incidents', 'reports']);
  });
});

describe('areaCovers', () => {
  it('marks an area current on its own pages and on the prefixes it also covers', () => {
    expect(areaCovers(areaById('procedures'), '/procedures/eop-crac-failure')).toBe(true);
    expect(areaCovers(areaById('procedures'), '/runs/12')).toBe(true);
    expect(areaCovers(areaById('procedures'), '/runsheet')).toBe(false);
    expect(areaCovers(areaById('board'), '/')).toBe(true);
    expect(areaCovers(areaById('board'), '/incidents')).toBe(false);
  });
});
