import { Injectable } from '@nestjs/common';
import type { CreateRoom, Room as RoomDto, UpdateRoom } from '@vigie/shared';
import { notFound, staleVersion } from '../common/domain-error.js';
import { Writer } from '../database/writer.js';
import { removeIfUnused } from './inventory-delete.js';
import { assignDefined, everyoneRooms, referenced, ruleViolation, taken } from './inventory-write-support.js';
import { toRoomDto } from './inventory.mappers.js';
import { Rack } from './rack.entity.js';
import { Room } from './room.entity.js';
import { Site } from './site.entity.js';

@Injectable()
export class RoomsService {
  constructor(private readonly writer: Writer) {}

  create(input: CreateRoom): Promise<RoomDto> {
    return this.writer.run(async (tx) => {
      const site = await referenced(tx.em, Site, input.siteId, 'siteId', 'site');
      if (await tx.em.count(Room, { site, name: input.name })) throw taken('name', 'This room name');
      const { siteId: _siteId, ...fields } = input;
      const room = tx.em.create(Room, { ...fields, site });
      await tx.em.flush();
      const after = toRoomDto(room);
      await tx.audit({ action: 'room.create', entityType: 'Room', entityId: room.id, after });
      tx.announce('room.created', after, everyoneRooms);
      return after;
    });
  }

  update(id: number, change: UpdateRoom): Promise<RoomDto> {
    return this.writer.run(async (tx) => {
      const room = await tx.em.findOne(Room, { id });
      if (!room) throw notFound('Room');
      const before = toRoomDto(room);
      if (room.version !== change.version) throw staleVersion(before);
      if (
        change.name &&
        change.name !== room.name &&
        (await tx.em.count(Room, { site: room.site, name: change.name }))
      ) {
        throw taken('name', 'This room name');
      }
      // Shrinking the grid must not leave a rack off the floor plan.
      const columns = change.gridColumns ?? room.gridColumns;
      const rows = change.gridRows ?? room.gridRows;
      const outside = await tx.em.findOne(
        Rack,
        { room, $or: [{ gridX: { $gte: columns } }, { gridY: { $gte: rows } }] },
        { filters: false },
      );
      if (outside) {
        throw ruleViolation(
          change.gridColumns !== undefined ? 'gridColumns' : 'gridRows',
          `Rack ${outside.name} stands outside a ${columns} × ${rows} grid`,
        );
      }
      const { version: _version, ...fields } = change;
      assignDefined(room, fields);
      await tx.em.flush();
      const after = toRoomDto(room);
      await tx.audit({ action: 'room.update', entityType: 'Room', entityId: room.id, before, after });
      tx.announce('room.updated', after, everyoneRooms);
      return after;
    });
  }

  /** 409 while racks stand in the room. */
  delete(id: number, version: number): Promise<void> {
    return this.writer.run(async (tx) => {
      await removeIfUnused(
        tx,
        {
          entity: Room,
          label: 'Room',
          action: 'room.delete',
          toDto: toRoomDto,
          uses: async (room) => ({ racks: await tx.em.count(Rack, { room }, { filters: false }) }),
        },
        id,
        version,
      );
      tx.announce('room.deleted', { id }, everyoneRooms);
    });
  }
}
