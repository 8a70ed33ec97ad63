import { deviceTypeImportResultSchema, deviceTypeSchema, pageSchema } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, newDevice, newRack, newRoom } from './support/inventory-fixtures.js';
import { countRows, withRawDatabase } from './support/sqlite.js';
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

  it('imports a half-unit type, and rejects a child type naming subdevice_role', async () => {
    const result = await imported(
      await upload(coordinator, {
        'panel.yaml':
          'manufacturer: FS\nmodel: FHD 0.5U\nslug: fs-half-unit-test\nu_height: 0.5\nis_full_depth: false\n',
        'blade.yaml':
          'manufacturer: Dell\nmodel: M640\nslug: dell-m640-test\nu_height: 0\nsubdevice_role: child\n',
        'tilted.yaml': library('airflow-rear-to-side').replace('front-to-rear', 'rear-to-side'),
      }),
    );
    const byFile = Object.fromEntries(result.files.map((file) => [file.file, file]));
    expect(byFile['panel.yaml']!.outcome).toBe('created');
    expect((await typeBySlug('fs-half-unit-test'))?.uHeight).toBe(0.5);
    expect(byFile['blade.yaml']).toMatchObject({
      outcome: 'rejected',
      slug: 'dell-m640-test',
      errors: [{ path: 'subdevice_role' }],
    });
    expect(await typeBySlug('dell-m640-test')).toBeUndefined();
    expect(byFile['tilted.yaml']!.outcome).toBe('created');
    expect((await typeBySlug('airflow-rear-to-side'))?.airflow).toBe('rear-to-side');
  });

  it('refuses a request holding a file over 256 KB with 413, importing none of its files', async () => {
    const before = countRows(t.config.databaseFile, 'device_type');
    const padding = `comments: "${'x'.repeat(260 * 1024)}"\n`;
    const response = await upload(coordinator, {
      'small.yaml': library('juniper-before-big'),
      'big.yaml': library('juniper-big') + padding,
    });
    const error = await expectError(response, 413, 'payload_too_large');
    expect(error.message).toMatch(/256 KB/);
    expect(error.fields?.map((field) => field.path)).toEqual(['files']);
    expect(countRows(t.config.databaseFile, 'device_type')).toBe(before);
    // Just under the limit is fine.
    const under = `comments: "${'x'.repeat(250 * 1024)}"\n`;
    expect(
      (await imported(await upload(coordinator, { 'near.yaml': library('juniper-near') + under }))).created,
    ).toBe(1);
  });

  it('audits each imported file once (create, then update with before/after) and nothing for a rejected one', async () => {
    const audits = (slug: string) =>
      withRawDatabase(t.config.databaseFile, (db) =>
        db
          .prepare(
            `select a.action, a.before, a.after from audit_event a
             join device_type d on a.entity_type = 'DeviceType' and a.entity_id = cast(d.id as text)
             where d.slug = ? order by a.id`,
          )
          .all(slug),
      ) as { action: string; before: string | null; after: string | null }[];
    const total = () => countRows(t.config.databaseFile, 'audit_event');
    await imported(await upload(coordinator, { 'a.yaml': library('juniper-audited') }));
    const first = await typeBySlug('juniper-audited');
    await imported(
      await upload(coordinator, { 'a.yaml': library('juniper-audited').replace('QFX5120-48Y-AFO', 'QFX-B') }),
    );
    const second = await typeBySlug('juniper-audited');
    expect(
      audits('juniper-audited').map((row) => ({
        action: row.action,
        before: row.before && (JSON.parse(row.before) as unknown),
        after: row.after && (JSON.parse(row.after) as unknown),
      })),
    ).toEqual([
      { action: 'device-type.create', before: null, after: first },
      { action: 'device-type.update', before: first, after: second },
    ]);
    const count = total();
    const rejected = await imported(
      await upload(coordinator, {
        'bad.yaml': library('juniper-rejected').replace('u_height: 1', 'u_height: x'),
      }),
    );
    expect(rejected.rejected).toBe(1);
    expect(total()).toBe(count);
  });

  it('answers 400 without files, and 403 to roles that may not write', async () => {
    await expectError(await upload(coordinator, {}), 400, 'validation_failed');
    await expectError(await upload(coordinator, { 'a.yaml': library('x') }, 'other'), 400, 'bad_request');
    const technician = await signedIn(t.url, 'technician');
    await expectError(await upload(technician, { 'a.yaml': library('x') }), 403, 'forbidden');
  });
});
