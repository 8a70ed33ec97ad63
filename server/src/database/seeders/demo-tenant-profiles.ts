/** The demo's client tenants; the first one is the client viewer's. */
export const demoTenants = [
  { code: 'NOVA', name: 'Novabank' },
  { code: 'HELIO', name: 'Helio Retail' },
  { code: 'ATLAS', name: 'Atlas Santé' },
  { code: 'KORE', name: 'Kore Cloud' },
  { code: 'MERID', name: 'Méridien Médias' },
] as const;

export type DemoTenantCode = (typeof demoTenants)[number]['code'];

export interface StorageKit {
  array: string;
  shelf: string | null;
  maxShelves: number;
}

/** What a tenant buys: repeated slugs weigh more in a draw. */
export interface TenantHardware {
  servers: readonly string[];
  storage: readonly StorageKit[];
  torSwitch: string;
  spineSwitch: string;
  /** Host name roles, e.g. `esx` in `nova-esx-014`. */
  hostRoles: readonly string[];
}

const netapp: StorageKit = { array: 'netapp-aff-a400', shelf: 'netapp-ns224', maxShelves: 3 };
const pure: StorageKit = {
  array: 'pure-storage-flasharray-x70r4',
  shelf: 'pure-storage-directflash-shelf',
  maxShelves: 2,
};
const powervault: StorageKit = { array: 'dell-powervault-me5024', shelf: null, maxShelves: 0 };

export const tenantHardware: Record<DemoTenantCode, TenantHardware> = {
  NOVA: {
    servers: ['dell-poweredge-r650', 'dell-poweredge-r650', 'dell-poweredge-r660', 'dell-poweredge-r750'],
    storage: [pure, netapp],
    torSwitch: 'cisco-nexus-93180yc-fx',
    spineSwitch: 'cisco-nexus-9336c-fx2',
    hostRoles: ['esx', 'esx', 'db', 'app', 'bkp'],
  },
  HELIO: {
    servers: ['hpe-proliant-dl360-gen11', 'hpe-proliant-dl360-gen11', 'hpe-proliant-dl380-gen11'],
    storage: [netapp],
    torSwitch: 'arista-dcs-7050sx3-48yc8',
    spineSwitch: 'arista-dcs-7280sr3-48yc8',
    hostRoles: ['web', 'web', 'app', 'db', 'k8s'],
  },
  ATLAS: {
    servers: [
      'dell-poweredge-r760',
      'hpe-proliant-dl380-gen11',
      'hpe-proliant-dl360-gen11',
      'dell-poweredge-r660',
    ],
    storage: [netapp, powervault],
    torSwitch: 'cisco-nexus-93180yc-fx',
    spineSwitch: 'cisco-nexus-9336c-fx2',
    hostRoles: ['ehr', 'pacs', 'db', 'esx'],
  },
  KORE: {
    servers: [
      'supermicro-sys-120u-tnr',
      'supermicro-sys-120u-tnr',
      'supermicro-sys-120u-tnr',
      'supermicro-sys-620u-tnr',
      'supermicro-sys-221bt-hntr',
      'hpe-proliant-dl325-gen11',
    ],
    storage: [pure],
    torSwitch: 'arista-dcs-7050sx3-48yc8',
    spineSwitch: 'arista-dcs-7280sr3-48yc8',
    hostRoles: ['hv', 'hv', 'ceph', 'k8s'],
  },
  MERID: {
    servers: [
      'dell-poweredge-r750',
      'hpe-proliant-dl380-gen11',
      'dell-poweredge-r650',
      'hpe-proliant-dl360-gen11',
    ],
    storage: [powervault, netapp],
    torSwitch: 'cisco-nexus-93180yc-fx',
    spineSwitch: 'cisco-nexus-9336c-fx2',
    hostRoles: ['enc', 'enc', 'cdn', 'db', 'app'],
  },
};
