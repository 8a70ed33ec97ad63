import { describe, expect, it } from 'vitest';
import { equipmentKindOf } from './equipment-kind.js';

describe('equipmentKindOf', () => {
  it('recognises the equipment of the demo catalogue and common facility names', () => {
    const kind = (manufacturer: string, model: string, slug: string) =>
      equipmentKindOf({ manufacturer, model, slug });
    expect(kind('APC', 'AP8941', 'apc-ap8941')).toBe('pdu');
    expect(kind('Dell', 'PowerEdge R650', 'dell-poweredge-r650')).toBe('server');
    expect(kind('NetApp', 'AFF A400', 'netapp-aff-a400')).toBe('storage');
    expect(kind('Cisco', 'Nexus 93180YC-FX', 'cisco-nexus-93180yc-fx')).toBe('network');
    expect(kind('Schneider', 'Galaxy VX', 'schneider-galaxy-vx')).toBe('ups');
    expect(kind('Acme', 'Widget', 'acme-widget')).toBeUndefined();
  });
});
