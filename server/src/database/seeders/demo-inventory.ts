import type { EntityManager } from '@mikro-orm/core';
import type { DeviceStatus } from '@vigie/shared';
import { DeviceType } from '../../inventory/device-type.entity.js';
import { Device } from '../../inventory/device.entity.js';
import { Rack } from '../../inventory/rack.entity.js';
import { Room } from '../../inventory/room.entity.js';
import type { Site } from '../../inventory/site.entity.js';
import type { Tenant } from '../../inventory/tenant.entity.js';
import { catalogueEntry, demoCatalogue, type CatalogueEntry } from './demo-device-catalogue.js';
import { AssetTagBook, NameBook, SerialBook } from './demo-identifiers.js';
import { demoRooms, planRacks } from './demo-rack-layout.js';
import { fillRack, type PlannedDevice } from './demo-rack-fill.js';
import { demoTenants, tenantHardware, type DemoTenantCode } from './demo-tenant-profiles.js';
import type { SeededRandom } from './seeded-random.js';

export interface DemoInventoryCounts {
  rooms: number;
  racks: number;
  deviceTypes: number;
  devices: number;
}

/** Passive and power equipment is simply there; active equipment sometimes fails or waits. */
function drawStatus(entry: CatalogueEntry, random: SeededRandom): DeviceStatus {
  if (entry.role === 'patch-panel' || entry.role === 'pdu') return 'active';
  const draw = random.next();
  if (draw < 0.012) return 'failed';
  if (draw < 0.035) return 'offline';
  if (draw < 0.065) return 'planned';
  if (draw < 0.075) return 'decommissioning';
  return 'active';
}

/** Who tags the device: the tenant for its own equipment, the site for what the operator provides. */
function assetOwner(entry: CatalogueEntry, tenant: DemoTenantCode | null): string | null {
  if (entry.role === 'patch-panel') return null;
  if (entry.role === 'pdu' || !tenant) return 'PAR1';
  return tenant;
}

/**
 * Rooms, racks, device types and devices of the demo site, staged in `em` (the caller flushes).
 * Every random choice comes from `random`, in a fixed order: the same seed gives the same site.
 */
export function createDemoInventory(
  em: EntityManager,
  site: Site,
  tenants: ReadonlyMap<DemoTenantCode, Tenant>,
  random: SeededRandom,
): DemoInventoryCounts {
  const types = new Map<string, DeviceType>();
  for (const { role: _role, serialPattern: _serial, ...entry } of demoCatalogue) {
    types.set(entry.slug, em.create(DeviceType, entry));
  }
  const rooms = new Map(demoRooms.map((room) => [room.name, em.create(Room, { site, ...room })]));
  const tenantOf = (code: DemoTenantCode | null) => (code ? (tenants.get(code) ?? null) : null);
  const typeOf = (entry: CatalogueEntry) => types.get(entry.slug)!;

  const names = new NameBook();
  const serials = new SerialBook(random);
  const assetTags = new AssetTagBook(random);
  const identify = (entry: CatalogueEntry, tenant: DemoTenantCode | null) => {
    const owner = assetOwner(entry, tenant);
    return {
      serial: entry.serialPattern ? serials.next(entry.serialPattern) : null,
      // Some clients do not tag their equipment.
      assetTag: owner && (owner === 'PAR1' || random.chance(0.93)) ? assetTags.next(owner) : null,
    };
  };

  let devices = 0;
  const guests: { rack: Rack; device: PlannedDevice }[] = [];
  const racks = planRacks(random);
  for (const plan of racks) {
    const room = rooms.get(plan.roomName)!;
    const { roomName: _room, profile: _profile, overCommitted: _over, tenant: tenantCode, ...fields } = plan;
    const tenant = tenantOf(tenantCode);
    const rack = em.create(Rack, { room, tenant, ...fields });
    for (const device of fillRack(plan, names, random)) {
      if (device.guestOf) {
        guests.push({ rack, device });
        continue;
      }
      em.create(Device, {
        name: device.name,
        deviceType: typeOf(device.entry),
        rack,
        position: device.position,
        face: device.face,
        status: drawStatus(device.entry, random),
        tenant,
        ...identify(device.entry, tenantCode),
      });
      devices += 1;
    }
  }

  // Delivered equipment waiting in the stock room for its rack-and-stack.
  for (const { code } of demoTenants) {
    const hardware = tenantHardware[code];
    for (let i = random.int(2, 6); i > 0; i -= 1) {
      const entry = catalogueEntry(random.pick(hardware.servers));
      em.create(Device, {
        name: names.host(`${code.toLowerCase()}-${random.pick(hardware.hostRoles)}`),
        deviceType: typeOf(entry),
        rack: null,
        position: null,
        face: null,
        status: 'planned',
        tenant: tenantOf(code),
        ...identify(entry, code),
      });
      devices += 1;
    }
  }

  // Tenants' own devices in shared racks, drawn last so every earlier draw (and id) stays as it was.
  for (const { rack, device } of guests) {
    em.create(Device, {
      name: device.name,
      deviceType: typeOf(device.entry),
      rack,
      position: device.position,
      face: device.face,
      status: 'active',
      tenant: tenantOf(device.guestOf!),
      ...identify(device.entry, device.guestOf!),
    });
    devices += 1;
  }

  return { rooms: rooms.size, racks: racks.length, deviceTypes: types.size, devices };
}
