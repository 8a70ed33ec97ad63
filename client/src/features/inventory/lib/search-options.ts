import type { InventorySearchResult } from '@vigie/shared';

export const searchGroupKinds = ['sites', 'racks', 'devices'] as const;
export type SearchGroupKind = (typeof searchGroupKinds)[number];

/** One choice of the search box: where it leads and what it shows (the page worded it). */
export interface SearchOption {
  key: string;
  href: string;
  title: string;
  /** Secondary facts (serial, asset tag, row), as raw values for the page to word. */
  details: { serial?: string; assetTag?: string; row?: string; code?: string };
  /** A link to the full list, when the box shows only the first results of a kind. */
  more?: true;
}

export interface SearchGroup {
  kind: SearchGroupKind;
  options: SearchOption[];
}

/**
 * The answer of `GET /api/inventory/search` as groups of options in display order, empty groups left
 * out. A full group (as many results as asked) ends with a link to its list filtered by the same text.
 */
export function searchGroups(result: InventorySearchResult, query: string, perKind: number): SearchGroup[] {
  const encoded = encodeURIComponent(query);
  const more = (kind: 'racks' | 'devices', count: number): SearchOption[] =>
    count >= perKind
      ? [
          {
            key: `${kind}-more`,
            href: `/inventory/${kind}?q=${encoded}`,
            title: query,
            details: {},
            more: true,
          },
        ]
      : [];
  const groups: SearchGroup[] = [
    {
      kind: 'sites',
      options: result.sites.map((site) => ({
        key: `site-${site.id}`,
        href: `/inventory/sites/${site.id}`,
        title: site.name,
        details: { code: site.code },
      })),
    },
    {
      kind: 'racks',
      options: [
        ...result.racks.map((rack) => ({
          key: `rack-${rack.id}`,
          href: `/inventory/racks/${rack.id}`,
          title: rack.name,
          details: { row: rack.rowLabel },
        })),
        ...more('racks', result.racks.length),
      ],
    },
    {
      kind: 'devices',
      options: [
        ...result.devices.map((device) => ({
          key: `device-${device.id}`,
          href: `/inventory/devices/${device.id}`,
          title: device.name,
          details: {
            ...(device.serial ? { serial: device.serial } : {}),
            ...(device.assetTag ? { assetTag: device.assetTag } : {}),
          },
        })),
        ...more('devices', result.devices.length),
      ],
    },
  ];
  return groups.filter((group) => group.options.length > 0);
}

/** The next active option for an arrow key, wrapping round; -1 when there is none. */
export function movedIndex(current: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}
