import { deviceTypeImportResultSchema, deviceTypeSchema, pageSchema } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, newDevice, newRack, newRoom } from './support/inventory-fixtures.js';
import { countRows } from './support/sqlite.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let coordinator: ApiClient;

beforeAll(async () => {
  t = await startTestApp();
  coordinator = await signedIn(t.url, 'coordinator');
});
afterAll(() => t.close());

/** Posts files as multipart/form-data parts named `files`, as the browser does. */
function upload(client: ApiClient, files: Record<string, string>, part = 'files'): Promise<Response> {
  const form = new FormData();
  for (const [name, text] of Object.entries(files))
    form.append(part, new Blob([text], { type: 'application/yaml' }), name);
  return fetch(`${t.url}/api/device-types/import`, {
    method: 'POST',
    body: form,
    headers: client.cookie ? { cookie: client.cookie } : {},
  });
}

async function imported(response: Response) {
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return deviceTypeImportResultSchema.parse(JSON.parse(text));
}

const library = (slug: string, extra = '') => `manufacturer: Juniper
model: QFX5120-48Y
slug: ${slug}
part_number: QFX5120-48Y-AFO
u_height: 1
is_full_depth: true
airflow: front-to-rear
weight: 22
weight_unit: lb
subdevice_role: parent
interfaces:
  - name: et-0/0/0
    type: 25gbase-x-sfp28
power-ports:
  - name: PSU0
    type: iec-60320-c14
    maximum_draw: 650
    allocated_draw: 350
  - name: PSU1
    type: iec-60320-c14
    maximum_draw: 650
    allocated_draw: 350
${extra}`;

async function typeBySlug(slug: string) {
  const page = pageSchema(deviceTypeSchema).parse(
    await (await coordinator.get(`/api/device-types?search=${slug}`)).json(),
  );
  return page.items.find((type) => type.slug === slug);
}

describe('device-type library import', () => {
  it('creates types from .yaml and .yml files, ignoring unknown keys, and updates them on re-import', async () => {
    const result = await imported(
      await upload(coordinator, {
        'qfx.yaml': library('juniper-qfx5120-48y'),
        'pdu.yml': 'manufacturer: APC\nmodel: AP8868\nslug: apc-ap8868\nu_height: 0\nis_full_depth: false\n',
      }),
    );
    expect(result).toMatchObject({ created: 2, updated: 0, rejected: 0 });
    expect(result.files.map((file) => [file.file, file.outcome])).toEqual([
      ['qfx.yaml', 'created'],
      ['pdu.yml', 'created'],
    ]);
    const qfx = await typeBySlug('juniper-qfx5120-48y');
    expect(qfx).toMatchObject({
      manufacturer: 'Juniper',
      partNumber: 'QFX5120-48Y-AFO',
      uHeight: 1,
      weightKg: 9.98,
      airflow: 'front-to-rear',
      powerPorts: [
        { name: 'PSU0', type: 'iec-60320-c14', maximumDraw: 650, allocatedDraw: 350 },
        { name: 'PSU1', type: 'iec-60320-c14', maximumDraw: 650, allocatedDraw: 350 },
      ],
    });
    expect((await typeBySlug('apc-ap8868'))?.uHeight).toBe(0);

    const again = await imported(
      await upload(coordinator, {
        'qfx.yaml': library('juniper-qfx5120-48y').replace('QFX5120-48Y-AFO', 'QFX-NEW'),
      }),
    );
    expect(again.files[0]).toMatchObject({ outcome: 'updated', deviceTypeId: qfx!.id });
    const updated = await typeBySlug('juniper-qfx5120-48y');
    expect(updated).toMatchObject({ id: qfx!.id, partNumber: 'QFX-NEW', version: qfx!.version + 1 });
  });

  it('rejects a bad file as a whole with its name and the field at fault, and still imports the good ones', async () => {
    const before = countRows(t.config.databaseFile, 'device_type');
    const result = await imported(
      await upload(coordinator, {
        'broken.yaml': 'manufacturer: [unclosed\nmodel: x\n',
        'types.yaml': library('bad-types')
          .replace('u_height: 1', 'u_height: tall')
          .replace('maximum_draw: 650', 'maximum_draw: "lots"'),
        'missing.yaml': 'manufacturer: Dell\nslug: dell-no-model\n',
        'notes.txt': library('txt-file'),
        'good.yaml': library('juniper-good'),
      }),
    );
    expect(result).toMatchObject({ created: 1, updated: 0, rejected: 4 });
    const byFile = Object.fromEntries(result.files.map((file) => [file.file, file]));
    expect(byFile['broken.yaml']!.errors[0]!.message).toMatch(/not valid YAML/);
    expect(byFile['types.yaml']!.errors.map((error) => error.path)).toEqual([
      'u_height',
      'power-ports.0.maximum_draw',
    ]);
    expect(byFile['types.yaml']!.slug).toBe('bad-types');
    expect(byFile['missing.yaml']!.errors.map((error) => error.path)).toEqual(['model']);
    expect(byFile['notes.txt']!.outcome).toBe('rejected');
    expect(byFile['good.yaml']!.outcome).toBe('created');
    expect(countRows(t.config.databaseFile, 'device_type')).toBe(before + 1);
    expect(await typeBySlug('bad-types')).toBeUndefined();
  });

  it('rejects a re-import that would resize a type in use, leaving it unchanged', async () => {
    await imported(await upload(coordinator, { 'a.yaml': library('juniper-in-use') }));
    const type = await typeBySlug('juniper-in-use');
    const room = await newRoom(coordinator);
    const rack = await newRack(coordinator, room.id);
    await newDevice(coordinator, type!.id, rack.id, { position: 1 });
    const result = await imported(
      await upload(coordinator, {
        'a.yaml': library('juniper-in-use').replace('u_height: 1', 'u_height: 2'),
      }),
    );
    expect(result.files[0]).toMatchObject({ outcome: 'rejected', errors: [{ path: 'u_height' }] });
    expect((await typeBySlug('juniper-in-use'))?.uHeight).toBe(1);
  });

  it('answers 400 without files, and 403 to roles that may not write', async () => {
    await expectError(await upload(coordinator, {}), 400, 'validation_failed');
    await expectError(await upload(coordinator, { 'a.yaml': library('x') }, 'other'), 400, 'bad_request');
    const technician = await signedIn(t.url, 'technician');
    await expectError(await upload(technician, { 'a.yaml': library('x') }), 403, 'forbidden');
  });
});
