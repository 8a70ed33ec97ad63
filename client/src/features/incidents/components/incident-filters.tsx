import { priorities, type Me, type UserRef } from '@vigie/shared';
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useAllRooms } from '../../inventory/api/get-rooms';
import { FilterBar, FilterSelect } from '../../inventory/components/list-controls';
import { hasFilters, readEnumParam, readIdParam, withFilter } from '../../inventory/lib/list-filters';
import { useSites } from '../../sites/api/get-sites';
import { useTenants } from '../../tenants/api/get-tenants';
import { useAssignees } from '../api/get-assignees';
import type { IncidentsQuery } from '../api/get-incidents';

/** The filters the board and the list share, all in the URL so a view can be bookmarked and shared. */
export const incidentFilterKeys = ['siteId', 'roomId', 'tenantId', 'priority', 'assigneeId', 'mine'] as const;

export function readIncidentFilters(params: URLSearchParams): IncidentsQuery {
  const priority = readEnumParam(params, 'priority', priorities);
  return {
    siteId: readIdParam(params, 'siteId'),
    roomId: readIdParam(params, 'roomId'),
    tenantId: readIdParam(params, 'tenantId'),
    priority: priority ? [priority] : undefined,
    assigneeId: readIdParam(params, 'assigneeId'),
    mine: params.get('mine') === '1' ? true : undefined,
  };
}

/** People to filter on: me first, then everyone seen on the incidents loaded, by name. */
export function peopleOf(me: Me, seen: readonly (UserRef | null)[]): UserRef[] {
  const byId = new Map<number, UserRef>();
  for (const person of seen) if (person && person.id !== me.user.id) byId.set(person.id, person);
  return [
    { id: me.user.id, displayName: me.user.displayName },
    ...[...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName)),
  ];
}

export function IncidentFilters({
  me,
  people,
  extraKeys = [],
  children,
}: {
  me: Me;
  people: readonly UserRef[];
  /** Filters the page adds (status…), cleared with the others. */
  extraKeys?: readonly string[];
  children?: React.ReactNode;
}) {
  const t = useT();
  const mineId = useId();
  const [params, setParams] = useSearchParams();
  const sites = useSites();
  const rooms = useAllRooms();
  const tenants = useTenants();
  const siteId = readIdParam(params, 'siteId');
  const roomItems = (rooms.data?.items ?? []).filter((room) => !siteId || room.siteId === siteId);
  const assignees = useAssignees(me.permissions.includes('incident.triage'));
  const assigneeOptions = peopleOf(me, [...people, ...(assignees.data?.items ?? [])]);
  const tenantScoped = me.user.role === 'client_viewer';
  const staff = me.user.role !== 'client_viewer';
  const setFilter = (key: string, value: string) =>
    setParams(withFilter(params, key, value), { replace: true });
  const keys = [...incidentFilterKeys, ...extraKeys];

  return (
    <FilterBar
      canClear={hasFilters(params, keys)}
      onClear={() => {
        const next = new URLSearchParams(params);
        for (const key of keys) next.delete(key);
        setParams(next, { replace: true });
      }}
    >
      <FilterSelect
        label={t('incidents.site')}
        value={params.get('siteId') ?? ''}
        onChange={(value) => setFilter('siteId', value)}
        allLabel={t('inventory.all')}
        options={(sites.data?.items ?? []).map((site) => ({ value: String(site.id), label: site.code }))}
      />
      <FilterSelect
        label={t('incidents.room')}
        value={params.get('roomId') ?? ''}
        onChange={(value) => setFilter('roomId', value)}
        allLabel={t('inventory.allFeminine')}
        options={roomItems.map((room) => ({ value: String(room.id), label: room.name }))}
      />
      {!tenantScoped && (
        <FilterSelect
          label={t('inventory.tenant')}
          value={params.get('tenantId') ?? ''}
          onChange={(value) => setFilter('tenantId', value)}
          allLabel={t('inventory.all')}
          options={(tenants.data?.items ?? []).map((tenant) => ({
            value: String(tenant.id),
            label: tenant.name,
          }))}
        />
      )}
      <FilterSelect
        label={t('incidents.priority')}
        value={params.get('priority') ?? ''}
        onChange={(value) => setFilter('priority', value)}
        allLabel={t('inventory.allFeminine')}
        options={priorities.map((priority) => ({
          value: priority,
          label: t(`incidents.priority.${priority}`),
        }))}
      />
      {staff && (
        <FilterSelect
          label={t('incidents.assignee')}
          value={params.get('assigneeId') ?? ''}
          onChange={(value) => setFilter('assigneeId', value)}
          allLabel={t('inventory.all')}
          options={assigneeOptions.map((person) => ({ value: String(person.id), label: person.displayName }))}
        />
      )}
      {children}
      {staff && (
        <div className="field filter filter--checkbox">
          <label className="checkbox" htmlFor={mineId}>
            <input
              id={mineId}
              type="checkbox"
              checked={params.get('mine') === '1'}
              onChange={(event) => setFilter('mine', event.target.checked ? '1' : '')}
            />
            {t('incidents.mine')}
          </label>
        </div>
      )}
    </FilterBar>
  );
}
