import type { Airflow, PowerPort } from '@vigie/shared';

/** What a device type is for, so the demo knows where it goes in a rack. Not stored. */
export type DemoDeviceRole =
  | 'server'
  | 'storage'
  | 'storage-shelf'
  | 'tor-switch'
  | 'spine-switch'
  | 'mgmt-switch'
  | 'router'
  | 'firewall'
  | 'console'
  | 'pdu'
  | 'patch-panel';

export interface CatalogueEntry {
  slug: string;
  manufacturer: string;
  model: string;
  partNumber: string;
  uHeight: number;
  isFullDepth: boolean;
  airflow: Airflow | null;
  weightKg: number | null;
  powerPorts: PowerPort[];
  role: DemoDeviceRole;
  /** Serial number shape: `9` a digit, `A` a letter, `X` a letter or digit, anything else as is; null when unserialised. */
  serialPattern: string | null;
}

/** Two redundant PSUs of the same rating, the expected load split between them. */
function dualPsu(type: string, maximumDraw: number, allocatedTotal: number): PowerPort[] {
  const allocatedDraw = Math.round(allocatedTotal / 2);
  return [
    { name: 'PSU1', type, maximumDraw, allocatedDraw },
    { name: 'PSU2', type, maximumDraw, allocatedDraw },
  ];
}

const c14 = 'iec-60320-c14';
const c20 = 'iec-60320-c20';

// Real equipment found in colocation halls; heights, weights and PSU ratings from the makers'
// data sheets (rounded), allocated draw a typical production load rather than the PSU rating.
export const demoCatalogue: readonly CatalogueEntry[] = [
  // Compute
  {
    slug: 'dell-poweredge-r650',
    manufacturer: 'Dell',
    model: 'PowerEdge R650',
    partNumber: 'R650',
    uHeight: 1,
    isFullDepth: true,
    airflow: 'front-to-rear',
    weightKg: 21.2,
    powerPorts: dualPsu(c14, 800, 300),
    role: 'server',
    serialPattern: 'XXXXXXX',
  },
  {
    slug: 'dell-poweredge-r660',
    manufacturer: 'Dell',
    model: 'PowerEdge R660',
    partNumber: 'R660',
    uHeight: 1,
    isFullDepth: true,
    airflow: 'front-to-rear',
    weightKg: 21.8,
    powerPorts: dualPsu(c14, 1100, 330),
    role: 'server',
    serialPattern: 'XXXXXXX',
  },
  {
    slug: 'dell-poweredge-r750',
    manufacturer: 'Dell',
    model: 'PowerEdge R750',
    partNumber: 'R750',
    uHeight: 2,
    isFullDepth: true,
    airflow: 'front-to-rear',
    weightKg: 28.6,
    powerPorts: dualPsu(c14, 1400, 420),
    role: 'server',
    serialPattern: 'XXXXXXX',
  },
  {
    slug: 'dell-poweredge-r760',
    manufacturer: 'Dell',
    model: 'PowerEdge R760',
    partNumber: 'R760',
    uHeight: 2,
    isFullDepth: true,
    airflow: 'front-to-rear',
    weightKg: 29.5,
    powerPorts: dualPsu(c14, 1400, 470),
    role: 'server',
    serialPattern: 'XXXXXXX',
  },
  {
    slug: 'hpe-proliant-dl360-gen11',
    manufacturer: 'HPE',
    model: 'ProLiant DL360 Gen11',
    partNumber: 'P52499-B21',
    uHeight: 1,
    isFullDepth: true,
    airflow: 'front-to-rear',
    weightKg: 16.3,
    powerPorts: dualPsu(c14, 1000, 280),
    role: 'server',
    serialPattern: 'CZJ9999XXX',
  },
  {
    slug: 'hpe-proliant-dl380-gen11',
    manufacturer: 'HPE',
    model: 'ProLiant DL380 Gen11',
    partNumber: 'P52534-B21',
    uHeight: 2,
    isFullDepth: true,
    airflow: 'front-to-rear',
    weightKg: 23.6,
    powerPorts: dualPsu(c14, 1600, 410),
    role: 'server',
    serialPattern: 'CZJ9999XXX',
  },
  {
    slug: 'hpe-proliant-dl325-gen11',
    manufacturer: 'HPE',
    model: 'ProLiant DL325 Gen11',
    partNumber: 'P54199-B21',
    uHeight: 1,
    isFullDepth: true,
    airflow: 'front-to-rear',
    weightKg: 15.4,
    powerPorts: dualPsu(c14, 1000, 260),
    role: 'server',
    serialPattern: 'CZJ9999XXX',
  },
  {
    slug: 'supermicro-sys-120u-tnr',
    manufacturer: 'Supermicro',
    model: 'SuperServer SYS-120U-TNR',
    partNumber: 'SYS-120U-TNR',
    uHeight: 1,
    isFullDepth: true,
    airflow: 'front-to-rear',
    weightKg: 18.1,
    powerPorts: dualPsu(c14, 1200, 300),
    role: 'server',
    serialPattern: 'S999999X9999999',
  },
  {
    slug: 'supermicro-sys-620u-tnr',
    manufacturer: 'Supermicro',
    model: 'SuperServer SYS-620U-TNR',
    partNumber: 'SYS-620U-TNR',
    uHeight: 2,
    isFullDepth: true,
    airflow: 'front-to-rear',
    weightKg: 24.9,
    powerPorts: dualPsu(c14, 1600, 430),
    role: 'server',
    serialPattern: 'S999999X9999999',
  },
  {
    slug: 'supermicro-sys-221bt-hntr',
    manufacturer: 'Supermicro',
    model: 'BigTwin SYS-221BT-HNTR',
    partNumber: 'SYS-221BT-HNTR',
    uHeight: 2,
    isFullDepth: true,
    airflow: 'front-to-rear',
    weightKg: 41.7,
    powerPorts: dualPsu(c20, 2200, 1300),
    role: 'server',
    serialPattern: 'S999999X9999999',
  },
  // Storage
  {
    slug: 'netapp-aff-a400',
    manufacturer: 'NetApp',
    model: 'AFF A400',
    partNumber: 'AFF-A400',
    uHeight: 4,
    isFullDepth: true,
    airflow: 'front-to-rear',
    weightKg: 45.4,
    powerPorts: dualPsu(c14, 1600, 860),
    role: 'storage',
    serialPattern: '721999999999',
  },
  {
    slug: 'netapp-ns224',
    manufacturer: 'NetApp',
    model: 'NS224 NVMe Shelf',
    partNumber: 'X-NS224',
    uHeight: 2,
    isFullDepth: true,
    airflow: 'front-to-rear',
    weightKg: 30.4,
    powerPorts: dualPsu(c14, 1600, 540),
    role: 'storage-shelf',
    serialPattern: '721999999999',
  },
  {
    slug: 'pure-storage-flasharray-x70r4',
    manufacturer: 'Pure Storage',
    model: 'FlashArray//X70 R4',
    partNumber: 'FA-X70R4',
    uHeight: 3,
    isFullDepth: true,
    airflow: 'front-to-rear',
    weightKg: 44.0,
    powerPorts: dualPsu(c14, 2000, 1050),
    role: 'storage',
    serialPattern: 'PCHFL9999999A',
  },
  {
    slug: 'pure-storage-directflash-shelf',
    manufacturer: 'Pure Storage',
    model: 'DirectFlash Shelf',
    partNumber: 'DFSC1',
    uHeight: 3,
    isFullDepth: true,
    airflow: 'front-to-rear',
    weightKg: 36.0,
    powerPorts: dualPsu(c14, 1600, 480),
    role: 'storage-shelf',
    serialPattern: 'PCHFL9999999A',
  },
  {
    slug: 'dell-powervault-me5024',
    manufacturer: 'Dell',
    model: 'PowerVault ME5024',
    partNumber: 'ME5024',
    uHeight: 2,
    isFullDepth: true,
    airflow: 'front-to-rear',
    weightKg: 28.0,
    powerPorts: dualPsu(c14, 580, 360),
    role: 'storage',
    serialPattern: 'XXXXXXX',
  },
  // Network
  {
    slug: 'cisco-nexus-93180yc-fx',
    manufacturer: 'Cisco',
    model: 'Nexus 93180YC-FX',
    partNumber: 'N9K-C93180YC-FX',
    uHeight: 1,
    isFullDepth: true,
    airflow: 'rear-to-front',
    weightKg: 8.2,
    powerPorts: dualPsu(c14, 500, 240),
    role: 'tor-switch',
    serialPattern: 'FDO9999XXXX',
  },
  {
    slug: 'cisco-nexus-9336c-fx2',
    manufacturer: 'Cisco',
    model: 'Nexus 9336C-FX2',
    partNumber: 'N9K-C9336C-FX2',
    uHeight: 1,
    isFullDepth: true,
    airflow: 'rear-to-front',
    weightKg: 9.5,
    powerPorts: dualPsu(c14, 1100, 420),
    role: 'spine-switch',
    serialPattern: 'FDO9999XXXX',
  },
  {
    slug: 'cisco-catalyst-9300-48t',
    manufacturer: 'Cisco',
    model: 'Catalyst 9300-48T',
    partNumber: 'C9300-48T',
    uHeight: 1,
    isFullDepth: false,
    airflow: 'front-to-rear',
    weightKg: 7.3,
    powerPorts: [{ name: 'PS1', type: c14, maximumDraw: 350, allocatedDraw: 110 }],
    role: 'mgmt-switch',
    serialPattern: 'FOC9999XXXX',
  },
  {
    slug: 'arista-dcs-7050sx3-48yc8',
    manufacturer: 'Arista',
    model: '7050X3 DCS-7050SX3-48YC8',
    partNumber: 'DCS-7050SX3-48YC8-R',
    uHeight: 1,
    isFullDepth: true,
    airflow: 'rear-to-front',
    weightKg: 9.1,
    powerPorts: dualPsu(c14, 500, 260),
    role: 'tor-switch',
    serialPattern: 'HBG999999AA',
  },
  {
    slug: 'arista-dcs-7280sr3-48yc8',
    manufacturer: 'Arista',
    model: '7280R3 DCS-7280SR3-48YC8',
    partNumber: 'DCS-7280SR3-48YC8-R',
    uHeight: 1,
    isFullDepth: true,
    airflow: 'rear-to-front',
    weightKg: 10.4,
    powerPorts: dualPsu(c14, 800, 450),
    role: 'spine-switch',
    serialPattern: 'JPE99999999',
  },
  {
    slug: 'juniper-mx204',
    manufacturer: 'Juniper',
    model: 'MX204',
    partNumber: 'MX204-HW-BASE',
    uHeight: 1,
    isFullDepth: true,
    airflow: 'front-to-rear',
    weightKg: 10.1,
    powerPorts: dualPsu(c14, 650, 360),
    role: 'router',
    serialPattern: 'BT999999X999',
  },
  {
    slug: 'fortinet-fortigate-1800f',
    manufacturer: 'Fortinet',
    model: 'FortiGate 1800F',
    partNumber: 'FG-1800F',
    uHeight: 2,
    isFullDepth: true,
    airflow: 'front-to-rear',
    weightKg: 16.6,
    powerPorts: dualPsu(c14, 1000, 390),
    role: 'firewall',
    serialPattern: 'FG18HFT999999999',
  },
  {
    slug: 'opengear-cm8148',
    manufacturer: 'Opengear',
    model: 'CM8148',
    partNumber: 'CM8148-10G',
    uHeight: 1,
    isFullDepth: false,
    airflow: 'side-to-rear',
    weightKg: 4.1,
    powerPorts: dualPsu(c14, 60, 40),
    role: 'console',
    serialPattern: '99999999999999',
  },
  // Power and cabling
  {
    slug: 'apc-ap8941',
    manufacturer: 'APC',
    model: 'AP8941',
    partNumber: 'AP8941',
    uHeight: 0,
    isFullDepth: false,
    airflow: 'passive',
    weightKg: 7.64,
    // The PDU feeds the rack: its inlet rating is not a load on the rack's budget, only what its
    // own metering and switching electronics draw.
    powerPorts: [{ name: 'Input', type: 'nema-l6-30p', maximumDraw: 4992, allocatedDraw: 20 }],
    role: 'pdu',
    serialPattern: '5A9999E99999',
  },
  {
    slug: 'panduit-cp24bly',
    manufacturer: 'Panduit',
    model: 'Mini-Com 24-port Cat6A patch panel',
    partNumber: 'CP24BLY',
    uHeight: 1,
    isFullDepth: false,
    airflow: 'passive',
    weightKg: 0.9,
    powerPorts: [],
    role: 'patch-panel',
    serialPattern: null,
  },
  {
    slug: 'corning-cch-01u',
    manufacturer: 'Corning',
    model: 'Closet Connector Housing 1U',
    partNumber: 'CCH-01U',
    uHeight: 1,
    isFullDepth: false,
    airflow: 'passive',
    weightKg: 2.2,
    powerPorts: [],
    role: 'patch-panel',
    serialPattern: null,
  },
  {
    slug: 'fs-fhd-05u-lc24',
    manufacturer: 'FS',
    model: 'FHD 0.5U 24-fibre LC panel',
    partNumber: '',
    uHeight: 0.5,
    isFullDepth: false,
    airflow: 'passive',
    weightKg: 0.6,
    powerPorts: [],
    role: 'patch-panel',
    serialPattern: null,
  },
];

export function catalogueEntry(slug: string): CatalogueEntry {
  const entry = demoCatalogue.find((candidate) => candidate.slug === slug);
  if (!entry) throw new Error(`no device type ${slug} in the demo catalogue`);
  return entry;
}
