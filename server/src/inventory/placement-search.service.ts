import { EntityManager, type FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { PlacementCandidate, PlacementQuery, PlacementResult } from '@vigie/shared';
import { Rack } from './rack.entity.js';
import { rackLoad } from './rack-capacity.js';
import { RackLoadRepository } from './rack-load.repository.js';

/** Where N units drawing W watts can go: racks with a free block and the power headroom, best first. */
@Injectable()
export class PlacementSearchService {
  constructor(
    private readonly em: EntityManager,
    private readonly loads: RackLoadRepository,
  ) {}

  async search(query: PlacementQuery): Promise<PlacementResult> {
    const where: FilterQuery<Rack>[] = [
      { status: { $in: ['active', 'reserved'] } },
      // A tenant's equipment goes in its own racks or in shared ones; without a tenant, shared only.
      query.tenantId ? { $or: [{ tenant: query.tenantId }, { tenant: null }] } : { tenant: null },
    ];
    if (query.roomId) where.push({ room: query.roomId });
    if (query.siteId) where.push({ room: { site: query.siteId } });
    const racks = await this.em
      .fork()
      .find(Rack, { $and: where }, { populate: ['room'], orderBy: { id: 'asc' } });
    if (racks.length === 0) return { items: [] };

    const types = this.loads.typeLoads();
    // Power first, from counts per type: most racks are ruled out before their positions are read.
    const counts = this.loads.typeCountsIn(racks.map((rack) => rack.id));
    const powered = racks.filter((rack) => {
      const allocated = (counts.get(rack.id) ?? []).reduce(
        (total, row) => total + (types.get(row.deviceTypeId)?.drawW ?? 0) * row.count,
        0,
      );
      return rack.powerBudgetKw * 1000 - allocated >= query.watts;
    });
    const devices = this.loads.devicesIn(powered.map((rack) => rack.id));

    const candidates: PlacementCandidate[] = [];
    for (const rack of powered) {
      const load = rackLoad(rack, devices.get(rack.id) ?? [], types);
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
        roomId: rack.room.id,
        roomName: rack.room.name,
        rowLabel: rack.rowLabel,
        tenantId: rack.tenant?.id ?? null,
        position: best.position,
        face: query.face,
        blockUnits: best.blockUnits,
        freeUnits: load.uTotal - load.uUsed,
        powerBudgetW: load.powerBudgetW,
        powerAllocatedW: load.powerAllocatedW,
        powerHeadroomW: load.powerBudgetW - load.powerAllocatedW - query.watts,
      });
    }
    const own = (candidate: PlacementCandidate) =>
      query.tenantId && candidate.tenantId === query.tenantId ? 0 : 1;
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
