import { airflows } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { parseLibraryDeviceType } from './device-type-library.js';

const server = `
manufacturer: Dell
model: PowerEdge R650
slug: dell-poweredge-r650
part_number: 210-AYJZ
u_height: 1
is_full_depth: true
airflow: front-to-rear
weight: 17.1
weight_unit: kg
comments: unknown keys are ignored
interfaces:
  - name: eth0
    type: 1000base-t
power-ports:
  - name: PSU1
    type: iec-60320-c14
    maximum_draw: 1400
    allocated_draw: 450
  - name: PSU2
    type: iec-60320-c14
    maximum_draw: 1400
`;

describe('parseLibraryDeviceType', () => {
  it('reads a library file into a device type, ignoring unknown keys', () => {
    const result = parseLibraryDeviceType(server);
    expect(result).toEqual({
      ok: true,
      deviceType: {
        manufacturer: 'Dell',
        model: 'PowerEdge R650',
        slug: 'dell-poweredge-r650',
        partNumber: '210-AYJZ',
        uHeight: 1,
        isFullDepth: true,
        airflow: 'front-to-rear',
        weightKg: 17.1,
        powerPorts: [
          { name: 'PSU1', type: 'iec-60320-c14', maximumDraw: 1400, allocatedDraw: 450 },
          { name: 'PSU2', type: 'iec-60320-c14', maximumDraw: 1400 },
        ],
      },
    });
  });

  it('accepts zero-U and half-unit types and converts pounds', () => {
    const pdu = parseLibraryDeviceType(
      'manufacturer: APC\nmodel: AP8868\nslug: apc-ap8868\nu_height: 0\nweight: 10\nweight_unit: lb\n',
    );
    expect(pdu.ok && pdu.deviceType.uHeight).toBe(0);
    expect(pdu.ok && pdu.deviceType.weightKg).toBe(4.54);
    const half = parseLibraryDeviceType('manufacturer: A\nmodel: B\nslug: a-b\nu_height: 0.5\n');
    expect(half.ok && half.deviceType.uHeight).toBe(0.5);
  });

  it('names the field at fault, in the library vocabulary', () => {
    const result = parseLibraryDeviceType(
      'manufacturer: A\nmodel: B\nslug: a-b\nu_height: two\npower-ports:\n  - name: P1\n    maximum_draw: -5\n',
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((error) => error.path)).toEqual([
      'u_height',
      'power-ports.0.maximum_draw',
    ]);
    expect(!result.ok && result.slug).toBe('a-b');
  });

  it('rejects broken YAML, a non-mapping document and a quarter unit', () => {
    const broken = parseLibraryDeviceType('manufacturer: [unclosed\n');
    expect(!broken.ok && broken.errors[0]!.message).toMatch(/not valid YAML/);
    expect(parseLibraryDeviceType('- a\n- b\n').ok).toBe(false);
    const quarter = parseLibraryDeviceType('manufacturer: A\nmodel: B\nslug: a-b\nu_height: 1.25\n');
    expect(!quarter.ok && quarter.errors[0]!.path).toBe('u_height');
  });

  it('accepts every airflow of the community library schema', () => {
    // The library's schema/components.json list, as NetBox's device airflow choices.
    const library = [
      'front-to-rear',
      'rear-to-front',
      'left-to-right',
      'right-to-left',
      'side-to-rear',
      'rear-to-side',
      'bottom-to-top',
      'top-to-bottom',
      'passive',
      'mixed',
    ];
    expect([...airflows].sort()).toEqual([...library].sort());
    for (const airflow of library) {
      const result = parseLibraryDeviceType(`manufacturer: A\nmodel: B\nslug: a-b\nairflow: ${airflow}\n`);
      expect(result.ok && result.deviceType.airflow).toBe(airflow);
    }
    const wrong = parseLibraryDeviceType('manufacturer: A\nmodel: B\nslug: a-b\nairflow: sideways\n');
    expect(!wrong.ok && wrong.errors[0]!.path).toBe('airflow');
  });

  it('rejects a child type (it goes in a device bay, not in rack units), naming subdevice_role', () => {
    const blade = parseLibraryDeviceType(
      'manufacturer: Dell\nmodel: M640\nslug: dell-m640\nu_height: 0\nsubdevice_role: child\n',
    );
    expect(blade.ok).toBe(false);
    expect(!blade.ok && blade.errors.map((error) => error.path)).toEqual(['subdevice_role']);
    expect(!blade.ok && blade.errors[0]!.message).toMatch(/device bay/);
    const chassis = parseLibraryDeviceType(
      'manufacturer: Dell\nmodel: M1000e\nslug: dell-m1000e\nu_height: 10\nsubdevice_role: parent\n',
    );
    expect(chassis.ok && chassis.deviceType.uHeight).toBe(10);
  });
});
