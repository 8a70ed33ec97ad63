import type { EntityManager } from '@mikro-orm/core';
import type { RackFace } from '@vigie/shared';
import { DomainError } from '../common/domain-error.js';
import type { DeviceType } from './device-type.entity.js';
import { Device } from './device.entity.js';
import { ruleViolation } from './inventory-write-support.js';
import type { Rack } from './rack.entity.js';
import type { Tenant } from './tenant.entity.js';
import { mountingProblem, RackOccupancy } from './rack-occupancy.js';

export interface Placement {
  deviceId: number | null;
  type: DeviceType;
  rack: Rack | null;
  position: number | null;
  face: RackFace | null;
}

const unitLabel = (position: number, height: number) =>
  height <= 1 ? `U${position}` : `U${position}–U${position + height - 1}`;

/**
 * Checks that a device can stand where asked: 422 when the place itself is impossible (outside
 * the rack, zero-U with a position, missing face), 409 naming the device already there.
 */
export async function checkPlacement(em: EntityManager, placement: Placement): Promise<void> {
  const { type, rack, position, face } = placement;
  if (!rack) {
    if (position !== null) throw ruleViolation('position', 'An unracked device has no position');
    if (face !== null) throw ruleViolation('face', 'An unracked device has no face');
    return;
  }
  const problem = mountingProblem(rack.uHeight, position, type.uHeight);
  switch (problem) {
    case 'zero_u_positioned':
      throw ruleViolation(
        'position',
        `A zero-U device (${type.model}) is mounted beside the units, not at one`,
      );
    case 'position_required':
      throw ruleViolation('position', 'A racked device needs a position');
    case 'misaligned':
      throw ruleViolation('position', 'A position is a whole or half unit');
    case 'outside_rack':
      throw ruleViolation(
        'position',
        `A ${type.uHeight}U device at U${position} does not fit in a ${rack.uHeight}U rack`,
      );
    case null:
      break;
  }
  if (type.uHeight === 0 || position === null) return;
  if (face === null) throw ruleViolation('face', 'A racked device needs a face (front or rear)');

  const others = await em.find(
    Device,
    {
      rack,
      position: { $ne: null },
      ...(placement.deviceId === null ? {} : { id: { $ne: placement.deviceId } }),
    },
    { populate: ['deviceType'], filters: false },
  );
  const occupancy = new RackOccupancy(rack.uHeight);
  for (const other of others) {
    if (other.position == null || other.face == null || other.deviceType.uHeight === 0) continue;
    // Positions already stored may overlap (older data): record without refusing.
    if (
      occupancy.isFree(other.position, other.deviceType.uHeight, other.face, other.deviceType.isFullDepth)
    ) {
      occupancy.occupy(
        other.position,
        other.deviceType.uHeight,
        other.face,
        other.deviceType.isFullDepth,
        other.id,
      );
    }
  }
  const [blocking] = occupancy.occupantsAt(position, type.uHeight, face, type.isFullDepth);
  if (blocking !== undefined) {
    const other = others.find((device) => device.id === blocking)!;
    throw new DomainError(
      'conflict',
      `Overlaps ${other.name} at ${unitLabel(other.position!, other.deviceType.uHeight)} (${other.face}${
        other.deviceType.isFullDepth ? ', full depth' : ''
      })`,
      { fields: [{ path: 'position', message: `taken by device ${other.name} (id ${other.id})` }] },
    );
  }
}

/**
 * A tenant's device stands in one of that tenant's racks or in a shared rack (no tenant); the
 * operator's own equipment (no tenant) may stand anywhere. 422 on `field`, the change at fault.
 */
export function checkRackTenant(
  tenant: Tenant | null,
  rack: Rack | null,
  field: 'rackId' | 'tenantId',
): void {
  const rackTenantId = rack?.tenant?.id ?? null;
  if (!rack || !tenant || rackTenantId === null || rackTenantId === tenant.id) return;
  throw ruleViolation(
    field,
    `Rack ${rack.name} belongs to another tenant: a device of ${tenant.code} goes in its own racks or a shared one`,
  );
}
