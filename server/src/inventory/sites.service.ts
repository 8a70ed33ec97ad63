import { Injectable } from '@nestjs/common';
import type { CreateSite, Site as SiteDto, UpdateSite } from '@vigie/shared';
import { notFound, staleVersion } from '../common/domain-error.js';
import { Writer } from '../database/writer.js';
import { assignDefined, everyoneRooms, taken } from './inventory-write-support.js';
import { toSiteDto } from './inventory.mappers.js';
import { removeIfUnused } from './inventory-delete.js';
import { Room } from './room.entity.js';
import { Site } from './site.entity.js';

@Injectable()
export class SitesService {
  constructor(private readonly writer: Writer) {}

  create(input: CreateSite): Promise<SiteDto> {
    return this.writer.run(async (tx) => {
      if (await tx.em.count(Site, { code: input.code })) throw taken('code', 'This site code');
      const site = tx.em.create(Site, input);
      await tx.em.flush();
      const after = toSiteDto(site);
      await tx.audit({ action: 'site.create', entityType: 'Site', entityId: site.id, after });
      tx.announce('site.created', after, everyoneRooms);
      return after;
    });
  }

  update(id: number, change: UpdateSite): Promise<SiteDto> {
    return this.writer.run(async (tx) => {
      const site = await tx.em.findOne(Site, { id });
      if (!site) throw notFound('Site');
      const before = toSiteDto(site);
      if (site.version !== change.version) throw staleVersion(before);
      if (change.code && change.code !== site.code && (await tx.em.count(Site, { code: change.code }))) {
        throw taken('code', 'This site code');
      }
      const { version: _version, ...fields } = change;
      assignDefined(site, fields);
      await tx.em.flush();
      const after = toSiteDto(site);
      await tx.audit({ action: 'site.update', entityType: 'Site', entityId: site.id, before, after });
      tx.announce('site.updated', after, everyoneRooms);
      return after;
    });
  }

  /** 409 while rooms stand in the site. */
  delete(id: number, version: number): Promise<void> {
    return this.writer.run(async (tx) => {
      await removeIfUnused(
        tx,
        {
          entity: Site,
          label: 'Site',
          action: 'site.delete',
          toDto: toSiteDto,
          uses: async (site) => ({ rooms: await tx.em.count(Room, { site }) }),
        },
        id,
        version,
      );
      tx.announce('site.deleted', { id }, everyoneRooms);
    });
  }
}
