import type { Permission } from '@vigie/shared';
import type { PlainMessageKey } from '../lib/i18n/translate';

export type AreaId =
  'board' | 'inventory' | 'incidents' | 'procedures' | 'tasks' | 'shift' | 'reports' | 'admin';

export interface Area {
  id: AreaId;
  path: string;
  label: PlainMessageKey;
  /** The permission (DESIGN.md §4, `rolePermissions` in shared) that shows the area. */
  permission: Permission;
  /** Other path prefixes that belong to the area (its link shows as current there too). */
  alsoCovers?: readonly string[];
}

/** The areas of the console, in navigation order. */
export const areas: readonly Area[] = [
  { id: 'board', path: '/', label: 'nav.board', permission: 'incident.read' },
  { id: 'inventory', path: '/inventory', label: 'nav.inventory', permission: 'inventory.read' },
  { id: 'incidents', path: '/incidents', label: 'nav.incidents', permission: 'incident.read' },
  {
    id: 'procedures',
    path: '/procedures',
    label: 'nav.procedures',
    permission: 'run.read',
    alsoCovers: ['/runs'],
  },
  { id: 'tasks', path: '/tasks', label: 'nav.tasks', permission: 'task.read' },
  { id: 'shift', path: '/shift', label: 'nav.shift', permission: 'shift.read' },
  { id: 'reports', path: '/reports', label: 'nav.reports', permission: 'report.read' },
  { id: 'admin', path: '/admin', label: 'nav.admin', permission: 'user.manage' },
];

export function visibleAreas(permissions: readonly Permission[]): Area[] {
  return areas.filter((area) => permissions.includes(area.permission));
}

/** Whether a location belongs to the area: its own path, or one of the prefixes it also covers. */
export function areaCovers(area: Area, pathname: string): boolean {
  const within = (prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);
  if (area.path === '/') return pathname === '/';
  return within(area.path) || (area.alsoCovers ?? []).some(within);
}

export function areaById(id: AreaId): Area {
  const area = areas.find((candidate) => candidate.id === id);
  if (!area) throw new Error(`Unknown area ${id}`);
  return area;
}
