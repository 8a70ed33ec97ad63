import { Injectable } from '@nestjs/common';
import type { PlacementCandidate, PlacementQuery, PlacementResult } from '@vigie/shared';
import { scopedTenantId } from '../common/tenant-scope.js';
import { rackLoad } from './rack-capacity.js';
import { RackLoadRepository } from './rack-load.repository.js';

/** Where N units drawing W watts can go: racks with a free block and the power headroom, best first. */
@Injectable()
export class PlacementSearchService {
  constructor(private readonly loads: RackLoadRepository) {}

  search(query: PlacementQuery): PlacementResult {
    const types = this.loads.typeLoads();
    const scoped = scopedTenantId();
    // A client viewer can only be placing their own tenant's equipment.
    const tenantId = query.tenantId ?? (scoped !== null && scoped > 0 ? scoped : undefined);
    // Power first, summed in SQL: most racks are ruled out before their positions are read.
    const racks = this.loads.placementRacks(
      { tenantId, siteId: query.siteId, roomId: query.roomId, scopedTenantId: scoped },
      types,
    );
    const powered = racks.filter((rack) => rack.power_budget_kw * 1000 - rack.power_w >= query.watts);
    const devices = this.loads.devicesIn(powered.map((rack) => rack.id));

    const candidates: PlacementCandidate[] = [];
    for (const rack of powered) {
      const limits = {
        uHeight: rack.u_height,
        powerBudgetKw: rack.power_budget_kw,
        maxWeightKg: rack.max_weight_kg,
      };
      const load = rackLoad(limits, devices.get(rack.id) ?? [], types);
      let best: { position: number; blockUnits: number } | null = null;
      for (const block of load.occupancy.freeRanges(query.face, query.fullDepth)) {
        if (block.units < query.units || (best && block.units >= best.blockUnits)) continue;
        const position = load.occupancy.lowestFree(
          query.units,
          query.face,
          query.fullDepth,
          block.from,
          block.from + block.units - 1,
        );
        if (position !== null) best = { position, blockUnits: block.units };
      }
      if (!best) continue;
      candidates.push({
        rackId: rack.id,
        rackName: rack.name,
        roomId: rack.room_id,
        roomName: rack.room_name,
        rowLabel: rack.row_label,
        tenantId: rack.tenant_id,
        position: best.position,
        face: query.face,
        blockUnits: best.blockUnits,
        freeUnits: load.uTotal - load.uUsed,
        powerBudgetW: load.powerBudgetW,
        powerAllocatedW: load.powerAllocatedW,
        powerHeadroomW: load.powerBudgetW - load.powerAllocatedW - query.watts,
      });
    }
    const own = (candidate: PlacementCandidate) => (tenantId && candidate.tenantId === tenantId ? 0 : 1);
    candidates.sort(
      (a, b) =>
        own(a) - own(b) ||
        a.blockUnits - b.blockUnits ||
        b.powerHeadroomW - a.powerHeadroomW ||
        a.rackId - b.rackId,
    );
    return { items: candidates.slice(0, query.limit) };
  }
}
