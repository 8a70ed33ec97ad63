import type { ProcedureTarget } from '@vigie/shared';

/**
 * The procedure target a device type most likely is, from its manufacturer, model and slug. Device
 * types carry no role of their own (the community library has none), so this reads the names the
 * data center's equipment is known by; a type that matches nothing suggests by category only.
 */
const patterns: readonly (readonly [ProcedureTarget, RegExp])[] = [
  ['ups', /\bups\b|galaxy|symmetra|powerware|liebert.?(ex|apm|nx)/i],
  ['pdu', /\bpdu\b|ap8\d{3}|ap7\d{3}|rack.?pdu|sentry/i],
  ['rpp', /\brpp\b|remote.?power.?panel/i],
  ['ats', /\bats\b|transfer.?switch/i],
  ['generator', /generat|genset/i],
  ['battery', /batter/i],
  ['crac', /\bcrac\b/i],
  ['crah', /\bcrah\b/i],
  ['chiller', /chiller/i],
  ['in-row-cooling', /in.?row|inrow/i],
  ['storage', /netapp|pure.?storage|flasharray|powervault|\bshelf\b|\bnas\b|\bsan\b|storage/i],
  [
    'network',
    /cisco|arista|juniper|fortinet|fortigate|opengear|nexus|catalyst|switch|router|firewall|patch|fiber|fibre|corning|panduit|\bfs\b/i,
  ],
  ['server', /poweredge|proliant|supermicro|server|\bsys-/i],
];

export function equipmentKindOf(deviceType: {
  manufacturer: string;
  model: string;
  slug: string;
}): ProcedureTarget | undefined {
  const text = `${deviceType.manufacturer} ${deviceType.model} ${deviceType.slug}`;
  return patterns.find(([, pattern]) => pattern.test(text))?.[0];
}
