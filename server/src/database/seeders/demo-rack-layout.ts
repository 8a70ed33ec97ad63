import { defaultRackUHeight, type RackStatus } from '@vigie/shared';
import type { SeededRandom } from './seeded-random.js';
import type { DemoTenantCode } from './demo-tenant-profiles.js';

/** What a rack holds: decides how the demo fills it. */
export type RackProfile = 'compute' | 'storage' | 'network' | 'core' | 'reserved' | 'empty';

export interface RoomPlan {
  name: string;
  gridColumns: number;
  gridRows: number;
}

export interface RackPlan {
  roomName: string;
  name: string;
  rowLabel: string;
  gridX: number;
  gridY: number;
  uHeight: number;
  status: RackStatus;
  tenant: DemoTenantCode | null;
  profile: RackProfile;
  powerBudgetKw: number;
  maxWeightKg: number;
  /** The one rack whose tenant installed more than it contracted for: the demo's over-budget alarm. */
  overCommitted: boolean;
}

/** A run of adjacent racks in a row with one owner and purpose. */
interface RackRun {
  count: number;
  kind: 'tenant' | 'core' | 'reserved' | 'planned' | 'decommissioned';
  tenant?: DemoTenantCode;
}

interface RowPlan {
  label: string;
  gridY: number;
  runs: RackRun[];
}

interface HallPlan extends RoomPlan {
  /** Column of each row's first rack: the columns before it hold cooling units and the entrance. */
  firstX: number;
  maxWeightKg: number;
  rows: RowPlan[];
}

// Rows face each other across alternating cold and hot aisles (one tile wide each). Row letters
// run across both rooms, skipping I, so a rack name alone says where it stands.
const halls: HallPlan[] = [
  {
    name: 'Salle A',
    gridColumns: 24,
    gridRows: 14,
    firstX: 6,
    maxWeightKg: 1360,
    rows: [
      {
        label: 'A',
        gridY: 1,
        runs: [
          { count: 3, kind: 'core' },
          { count: 9, kind: 'tenant', tenant: 'NOVA' },
        ],
      },
      { label: 'B', gridY: 3, runs: [{ count: 12, kind: 'tenant', tenant: 'NOVA' }] },
      { label: 'C', gridY: 5, runs: [{ count: 12, kind: 'tenant', tenant: 'HELIO' }] },
      { label: 'D', gridY: 7, runs: [{ count: 12, kind: 'tenant', tenant: 'ATLAS' }] },
      { label: 'E', gridY: 9, runs: [{ count: 12, kind: 'tenant', tenant: 'KORE' }] },
      { label: 'F', gridY: 11, runs: [{ count: 12, kind: 'tenant', tenant: 'KORE' }] },
    ],
  },
  {
    name: 'Salle B',
    gridColumns: 20,
    gridRows: 12,
    firstX: 4,
    maxWeightKg: 1000,
    rows: [
      {
        label: 'G',
        gridY: 2,
        runs: [
          { count: 2, kind: 'core' },
          { count: 10, kind: 'tenant', tenant: 'MERID' },
        ],
      },
      {
        label: 'H',
        gridY: 4,
        runs: [
          { count: 6, kind: 'tenant', tenant: 'HELIO' },
          { count: 6, kind: 'tenant', tenant: 'MERID' },
        ],
      },
      { label: 'J', gridY: 7, runs: [{ count: 12, kind: 'tenant', tenant: 'ATLAS' }] },
      {
        label: 'K',
        gridY: 9,
        runs: [
          { count: 4, kind: 'tenant', tenant: 'NOVA' },
          { count: 4, kind: 'reserved', tenant: 'KORE' },
          { count: 3, kind: 'planned' },
          { count: 1, kind: 'decommissioned' },
        ],
      },
    ],
  },
];

export const demoRooms: readonly RoomPlan[] = halls.map(({ name, gridColumns, gridRows }) => ({
  name,
  gridColumns,
  gridRows,
}));

const budgetsKw: Record<RackProfile, readonly number[]> = {
  compute: [6, 8, 10, 10, 12, 12],
  storage: [8, 10, 10, 12],
  network: [8, 10],
  core: [6],
  reserved: [8, 10],
  empty: [6, 8],
};

/** The tenant racks that are not plain compute: storage, or held back for a tenant's growth. */
function tenantProfile(random: SeededRandom): { profile: RackProfile; status: RackStatus } {
  const draw = random.next();
  if (draw < 0.15) return { profile: 'storage', status: 'active' };
  if (draw < 0.17) return { profile: 'reserved', status: 'reserved' };
  if (draw < 0.18) return { profile: 'empty', status: 'planned' };
  return { profile: 'compute', status: 'active' };
}

/** Every rack of the demo site, in a fixed order; the random draws make it varied, the seed repeatable. */
export function planRacks(random: SeededRandom): RackPlan[] {
  const racks: RackPlan[] = [];
  for (const hall of halls) {
    const withNetworkRack = new Set<DemoTenantCode>();
    for (const row of hall.rows) {
      let index = 0;
      for (const run of row.runs) {
        for (let i = 0; i < run.count; i += 1, index += 1) {
          let placement: { profile: RackProfile; status: RackStatus; tenant: DemoTenantCode | null };
          if (run.kind === 'core') placement = { profile: 'core', status: 'active', tenant: null };
          else if (run.kind === 'reserved')
            placement = { profile: 'reserved', status: 'reserved', tenant: run.tenant ?? null };
          else if (run.kind === 'planned') placement = { profile: 'empty', status: 'planned', tenant: null };
          else if (run.kind === 'decommissioned')
            placement = { profile: 'empty', status: 'decommissioned', tenant: null };
          else if (run.tenant && !withNetworkRack.has(run.tenant)) {
            // Each tenant's first rack in a room carries its spine, firewalls and edge routers.
            withNetworkRack.add(run.tenant);
            placement = { profile: 'network', status: 'active', tenant: run.tenant };
          } else placement = { ...tenantProfile(random), tenant: run.tenant ?? null };
          racks.push({
            roomName: hall.name,
            name: `${row.label}${String(index + 1).padStart(2, '0')}`,
            rowLabel: row.label,
            gridX: hall.firstX + index,
            gridY: row.gridY,
            uHeight: defaultRackUHeight,
            ...placement,
            powerBudgetKw: random.pick(budgetsKw[placement.profile]),
            maxWeightKg: hall.maxWeightKg,
            overCommitted: false,
          });
        }
      }
    }
  }
  // A small contract a tenant outgrew: the rack the floor plan shows in red.
  const outgrown = racks.findLast((rack) => rack.tenant === 'KORE' && rack.profile === 'compute');
  if (outgrown) Object.assign(outgrown, { overCommitted: true, powerBudgetKw: 6 });
  return racks;
}
