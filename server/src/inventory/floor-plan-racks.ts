import { openIncidentStatuses } from '@vigie/shared';
import { rackColumns, type RackRow } from './inventory-rows.js';
import { visibleRackSql } from './rack-visibility.js';

/** A rack of a floor plan with the number of open incidents that affect it. */
export interface FloorPlanRackRow extends RackRow {
  open_incidents: number;
}

const openStatuses = openIncidentStatuses.map((status) => `'${status}'`).join(', ');

/**
 * The racks of a room (`@room`) in grid order, each with its open incidents: those naming the rack
 * or a device in it, an incident counted once per rack. The count starts from the open incidents
 * (few) rather than from the racks' devices (many). With `scoped`, only the racks the tenant `@tenant`
 * may see (its own, and shared racks holding its devices) and its own incidents count, as a client
 * viewer sees them; a shared rack's U and power stay the rack's physical totals.
 */
export function floorPlanRacksSql(scoped: boolean): string {
  const incidentOfTenant = scoped
    ? ' and exists (select 1 from incident_tenants t where t.incident_id = i.id and t.tenant_id = @tenant)'
    : '';
  return `with open_incident(id) as materialized (
      select i.id from incident i where i.status in (${openStatuses})${incidentOfTenant}
    ),
    hit(rack_id, incident_id) as (
      select ir.rack_id, ir.incident_id from open_incident o join incident_racks ir on ir.incident_id = o.id
      union
      select d.rack_id, idv.incident_id from open_incident o
        join incident_devices idv on idv.incident_id = o.id join device d on d.id = idv.device_id
      where d.rack_id is not null
    ),
    open_count(rack_id, n) as (select rack_id, count(*) from hit group by rack_id)
    select ${rackColumns('r')}, coalesce(c.n, 0) as open_incidents
    from rack r left join open_count c on c.rack_id = r.id
    where r.room_id = @room${scoped ? ` and ${visibleRackSql('r', '@tenant')}` : ''}
    order by r.grid_y, r.grid_x`;
}
