import type { RackFace } from '@vigie/shared';
import { catalogueEntry, type CatalogueEntry } from './demo-device-catalogue.js';
import type { NameBook } from './demo-identifiers.js';
import type { RackPlan } from './demo-rack-layout.js';
import {
  demoTenants,
  tenantHardware,
  type DemoTenantCode,
  type TenantHardware,
} from './demo-tenant-profiles.js';
import { allocatedDrawW } from '../../inventory/power-draw.js';
import { RackOccupancy } from '../../inventory/rack-occupancy.js';
import type { SeededRandom } from './seeded-random.js';

export interface PlannedDevice {
  entry: CatalogueEntry;
  name: string;
  /** Lowest unit, or null for zero-U. */
  position: number | null;
  face: RackFace;
  /** A tenant's own device in a shared rack; otherwise the device belongs to the rack's tenant. */
  guestOf?: DemoTenantCode;
}

/** Places devices in one rack, keeping to its free units and a power limit (counted as capacity counts it). */
class RackBuilder {
  readonly devices: PlannedDevice[] = [];
  readonly occupancy: RackOccupancy;
  private load = 0;

  constructor(
    readonly rack: RackPlan,
    private readonly budgetW: number,
  ) {
    this.occupancy = new RackOccupancy(rack.uHeight);
  }

  zeroU(slug: string, name: string, face: RackFace): void {
    this.devices.push({ entry: catalogueEntry(slug), name, position: null, face });
  }

  /** Places at `position` if the units and the power are there; the name is drawn only then. */
  at(slug: string, position: number, face: RackFace, name: () => string, guestOf?: DemoTenantCode): boolean {
    const entry = catalogueEntry(slug);
    if (!this.powerFor(entry) || !this.occupancy.isFree(position, entry.uHeight, face, entry.isFullDepth))
      return false;
    this.occupancy.occupy(position, entry.uHeight, face, entry.isFullDepth);
    this.load += allocatedDrawW(entry.powerPorts);
    this.devices.push({ entry, name: name(), position, face, ...(guestOf ? { guestOf } : {}) });
    return true;
  }

  /** Places at the lowest free position in [from, to]; returns the position or null. */
  lowest(slug: string, face: RackFace, name: () => string, from: number, to: number): number | null {
    const entry = catalogueEntry(slug);
    const position = this.occupancy.lowestFree(entry.uHeight, face, entry.isFullDepth, from, to);
    if (position === null) return null;
    return this.at(slug, position, face, name) ? position : null;
  }

  private powerFor(entry: CatalogueEntry): boolean {
    return this.load + allocatedDrawW(entry.powerPorts) <= this.budgetW;
  }
}

const pdu = 'apc-ap8941';
const copperPanel = 'panduit-cp24bly';
const fibrePanel = 'corning-cch-01u';
const halfUnitPanel = 'fs-fhd-05u-lc24';
const consoleServer = 'opengear-cm8148';
const mgmtSwitch = 'cisco-catalyst-9300-48t';
const edgeRouter = 'juniper-mx204';
const firewall = 'fortinet-fortigate-1800f';
const coreSwitch = 'arista-dcs-7280sr3-48yc8';

/** Two vertical PDUs at the rear, one per power feed (A and B). */
function addPdus(builder: RackBuilder): void {
  builder.zeroU(pdu, `${builder.rack.name}-PDU-A`, 'rear');
  builder.zeroU(pdu, `${builder.rack.name}-PDU-B`, 'rear');
}

function panelName(builder: RackBuilder, names: NameBook): () => string {
  return () => names.numbered(`${builder.rack.name}-PP-`);
}

/** Servers from `from` upwards, until the units below `to` or the power budget run out. */
function addServers(
  builder: RackBuilder,
  hardware: TenantHardware,
  prefix: string,
  names: NameBook,
  random: SeededRandom,
  from: number,
  to: number,
): void {
  let cursor = from;
  for (let misses = 0; misses < 3;) {
    // Now and then a unit is left empty (blanking panel, cable slack).
    if (random.chance(0.06)) cursor += 1;
    const slug = random.pick(hardware.servers);
    const role = random.pick(hardware.hostRoles);
    const position = builder.lowest(slug, 'front', () => names.host(`${prefix}-${role}`), cursor, to);
    if (position === null) misses += 1;
    else cursor = position + catalogueEntry(slug).uHeight;
  }
}

function fillTenantRack(builder: RackBuilder, names: NameBook, random: SeededRandom): void {
  const { rack } = builder;
  if (!rack.tenant) return;
  const hardware = tenantHardware[rack.tenant];
  const prefix = rack.tenant.toLowerCase();
  const rackPrefix = `${prefix}-${rack.name.toLowerCase()}`;
  addPdus(builder);
  // Structured cabling at the top rear, towards the overhead trays.
  builder.at(copperPanel, 42, 'rear', panelName(builder, names));
  builder.at(fibrePanel, 41, 'rear', panelName(builder, names));
  if (random.chance(0.4)) builder.at(halfUnitPanel, 42, 'front', panelName(builder, names));
  // Top-of-rack pair mounted at the rear, ports facing the servers' network cards.
  builder.at(hardware.torSwitch, 40, 'rear', () => `${rackPrefix}-tor1`);
  builder.at(hardware.torSwitch, 39, 'rear', () => `${rackPrefix}-tor2`);
  if (random.chance(0.6)) builder.at(mgmtSwitch, 38, 'rear', () => `${rackPrefix}-oob`);

  let from = 1;
  if (rack.profile === 'storage') {
    const kit = random.pick(hardware.storage);
    const arrayName = names.numbered(`${prefix}-${kit.array.startsWith('dell') ? 'san' : 'nas'}`);
    const arrayAt = builder.lowest(kit.array, 'front', () => arrayName, 1, 37);
    if (arrayAt !== null) {
      from = arrayAt + catalogueEntry(kit.array).uHeight;
      const shelves = kit.shelf ? random.int(1, kit.maxShelves) : 0;
      for (let shelf = 1; shelf <= shelves && kit.shelf; shelf += 1) {
        const shelfAt = builder.lowest(kit.shelf, 'front', () => `${arrayName}-sh${shelf}`, from, 37);
        if (shelfAt === null) break;
        from = shelfAt + catalogueEntry(kit.shelf).uHeight;
      }
    }
  }
  addServers(builder, hardware, prefix, names, random, from, 37);
}

function fillNetworkRack(builder: RackBuilder, names: NameBook, random: SeededRandom): void {
  const { rack } = builder;
  if (!rack.tenant) return;
  const hardware = tenantHardware[rack.tenant];
  const prefix = rack.tenant.toLowerCase();
  addPdus(builder);
  for (let u = 42; u >= 37; u -= 1)
    builder.at(u % 2 === 0 ? fibrePanel : copperPanel, u, 'rear', panelName(builder, names));
  for (const position of [42, 42.5, 41, 41.5])
    builder.at(halfUnitPanel, position, 'front', panelName(builder, names));
  builder.at(consoleServer, 36, 'front', () => names.numbered(`${prefix}-con`));
  builder.at(mgmtSwitch, 36, 'rear', () => names.numbered(`${prefix}-oob-core`));
  builder.at(hardware.spineSwitch, 34, 'rear', () => names.numbered(`${prefix}-spine`));
  builder.at(hardware.spineSwitch, 33, 'rear', () => names.numbered(`${prefix}-spine`));
  builder.lowest(edgeRouter, 'front', () => names.numbered(`${prefix}-rtr`), 28, 31);
  builder.lowest(edgeRouter, 'front', () => names.numbered(`${prefix}-rtr`), 28, 31);
  builder.lowest(firewall, 'front', () => names.numbered(`${prefix}-fw`), 22, 27);
  builder.lowest(firewall, 'front', () => names.numbered(`${prefix}-fw`), 22, 27);
  // A few management hosts (monitoring, jump hosts, backup proxies) at the bottom.
  const managementHosts = random.int(2, 5);
  for (let i = 0; i < managementHosts; i += 1) {
    builder.lowest(random.pick(hardware.servers), 'front', () => names.host(`${prefix}-mgmt`), 1, 20);
  }
}

/** The shared meet-me racks: carriers' fibre, the site's core routers and switches. */
function fillCoreRack(builder: RackBuilder, names: NameBook): void {
  addPdus(builder);
  for (let u = 42; u >= 33; u -= 1) builder.at(fibrePanel, u, 'rear', panelName(builder, names));
  for (let u = 42; u >= 39; u -= 0.5) builder.at(halfUnitPanel, u, 'front', panelName(builder, names));
  builder.at(copperPanel, 38, 'front', panelName(builder, names));
  builder.at(consoleServer, 36, 'front', () => names.numbered('par1-con'));
  builder.at(mgmtSwitch, 36, 'rear', () => names.numbered('par1-oob'));
  builder.at(edgeRouter, 30, 'front', () => names.numbered('par1-edge'));
  builder.at(edgeRouter, 29, 'front', () => names.numbered('par1-edge'));
  builder.at(coreSwitch, 27, 'rear', () => names.numbered('par1-core'));
  builder.at(coreSwitch, 26, 'rear', () => names.numbered('par1-core'));
  // Two tenants' own hand-off routers to their carriers, taken in turn along the row (no random
  // draw, so the rest of the site is unchanged): client viewers see a shared rack holding their kit.
  const first = (builder.rack.gridX + builder.rack.gridY) % demoTenants.length;
  for (const [offset, position] of [
    [0, 23],
    [1, 21],
  ] as const) {
    const tenant = demoTenants[(first + offset) % demoTenants.length]!.code;
    builder.at(edgeRouter, position, 'front', () => names.numbered(`${tenant.toLowerCase()}-xc-rtr`), tenant);
  }
}

/**
 * The share of its budget a rack is filled to. Client racks mostly run at 30–80 % (room to grow,
 * redundant feeds), a few close to the limit; network and core racks hold fixed kit the budget only caps.
 */
function loadShare(rack: RackPlan, random: SeededRandom): number {
  if (rack.overCommitted) return 1.08;
  if (rack.profile !== 'compute' && rack.profile !== 'storage') return 1;
  return random.chance(0.06) ? 0.9 + random.next() * 0.08 : 0.3 + random.next() * 0.5;
}

/** The devices of one rack, placed without overlaps, within its height and (but one) its power budget. */
export function fillRack(rack: RackPlan, names: NameBook, random: SeededRandom): PlannedDevice[] {
  const builder = new RackBuilder(rack, rack.powerBudgetKw * 1000 * loadShare(rack, random));
  switch (rack.profile) {
    case 'compute':
    case 'storage':
      fillTenantRack(builder, names, random);
      break;
    case 'network':
      fillNetworkRack(builder, names, random);
      break;
    case 'core':
      fillCoreRack(builder, names);
      break;
    case 'reserved':
      // Energised and cabled, waiting for the tenant's equipment.
      addPdus(builder);
      builder.at(copperPanel, 42, 'rear', panelName(builder, names));
      builder.at(fibrePanel, 41, 'rear', panelName(builder, names));
      break;
    case 'empty':
      break;
  }
  return builder.devices;
}
