import { rolePermissions } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { visibleAreas } from './navigation';

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
      'reports',
      'admin',
    ]);
    expect(areasOf('coordinator')).toEqual([
      'board',
      'inventory',
      'incidents',
      'procedures',
      'tasks',
      'reports',
    ]);
    expect(areasOf('technician')).toEqual(['board', 'inventory', 'incidents', 'procedures', 'tasks']);
    expect(areasOf('manager')).toEqual(['board', 'inventory', 'incidents', 'procedures', 'tasks', 'reports']);
    expect(areasOf('client_viewer')).toEqual(['board', 'inventory', 'incidents', 'reports']);
  });
});
