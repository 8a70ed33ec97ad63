import { defaultPublicHolidays } from '../../server/src/holidays/default-public-holidays.js';
import { localHolidayDates } from '../../server/src/holidays/holiday-store.js';
import { EntityManager } from '@mikro-orm/core';
import { holidaySchema, pageSchema } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, expectError, ok } from './support/inventory-fixtures.js';
import { LiveClient } from './support/live-client.js';
import { withRawDatabase } from './support/sqlite.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';

const holidayPageSchema = pageSchema(holidaySchema);
const asHoliday = (value: unknown) => holidaySchema.parse(value);
const asHolidayPage = (value: unknown) => holidayPageSchema.parse(value);

let t: TestApp;
let admin: ApiClient;
let manager: ApiClient;
let coordinator: ApiClient;
let viewer: ApiClient;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signedIn(t.url, 'admin');
  manager = await signedIn(t.url, 'manager');
  coordinator = await signedIn(t.url, 'coordinator');
  viewer = await signedIn(t.url, 'viewer');
});
afterAll(() => t.close());

const list = async (client: ApiClient, country: string, year: number) =>
  (await ok(await client.get(`/api/holidays?country=${country}&year=${year}`), asHolidayPage)).items;

const auditRows = (action: string, entityId: string) =>
  withRawDatabase(
    t.config.databaseFile,
    (db) =>
      db
        .prepare('select actor_name, before, after from audit_event where action = ? and entity_id = ?')
        .all(action, entityId) as { actor_name: string; before: string | null; after: string | null }[],
  );

describe('listing holidays', () => {
  it("lists one country's year in date order: the demo seeds France's statutory holidays", async () => {
    const year = new Date().getUTCFullYear();
    const holidays = await list(manager, 'FR', year);
    expect(holidays.map(({ date, name }) => ({ date, name }))).toEqual(defaultPublicHolidays('FR', year));
    expect(holidays.every((holiday) => holiday.countryCode === 'FR')).toBe(true);
    expect(await list(manager, 'FR', year + 1)).toHaveLength(defaultPublicHolidays('FR', year + 1).length);
    expect(await list(manager, 'BE', year)).toEqual([]);
    expect(await list(manager, 'FR', 1999)).toEqual([]);
  });

  it('refuses a missing or malformed country or year (400, per field)', async () => {
    const missing = await expectError(
      await manager.get('/api/holidays?country=FR'),
      400,
      'validation_failed',
    );
    expect(missing.fields?.map((field) => field.path)).toEqual(['year']);
    const bad = await expectError(
      await manager.get('/api/holidays?country=fr&year=20x6'),
      400,
      'validation_failed',
    );
    expect(bad.fields?.map((field) => field.path).sort()).toEqual(['country', 'year']);
  });

  it('is for those who read contracts: coordinators and client viewers are refused (403)', async () => {
    await expectError(await coordinator.get('/api/holidays?country=FR&year=2026'), 403, 'forbidden');
    await expectError(await viewer.get('/api/holidays?country=FR&year=2026'), 403, 'forbidden');
  });
});

describe('adding and removing holidays', () => {
  it('adds a holiday, audits it, announces it to staff, and lists it; deleting undoes all of it', async () => {
    const live = new LiveClient(t.url, coordinator.cookie);
    try {
      await live.ready();
      const holiday = await created(
        await admin.post('/api/holidays', {
          countryCode: 'FR',
          date: '2031-12-24',
          name: '  Veille de Noël ',
        }),
        asHoliday,
      );
      expect(holiday).toMatchObject({ countryCode: 'FR', date: '2031-12-24', name: 'Veille de Noël' });
      expect((await list(manager, 'FR', 2031)).map((h) => h.date)).toEqual(['2031-12-24']);
      const [audit] = auditRows('holiday.create', String(holiday.id));
      expect(audit?.actor_name).toBe('admin');
      expect(JSON.parse(audit?.after ?? 'null')).toEqual(holiday);
      await live.until((events) => events.some((event) => event.type === 'holiday.created'));
      expect(live.events.find((event) => event.type === 'holiday.created')?.payload).toEqual(holiday);

      const removed = await admin.request('DELETE', `/api/holidays/${holiday.id}`);
      expect(removed.status).toBe(204);
      expect(await list(manager, 'FR', 2031)).toEqual([]);
      expect(JSON.parse(auditRows('holiday.delete', String(holiday.id))[0]?.before ?? 'null')).toEqual(
        holiday,
      );
      await live.until((events) => events.some((event) => event.type === 'holiday.deleted'));
      await expectError(await admin.request('DELETE', `/api/holidays/${holiday.id}`), 404, 'not_found');
    } finally {
      live.close();
    }
  });

  it('refuses a second holiday on the same date of a country (409, with the stored one), not in another country', async () => {
    const year = new Date().getUTCFullYear();
    const christmas = (await list(admin, 'FR', year)).find((holiday) => holiday.date === `${year}-12-25`);
    const conflict = await expectError(
      await admin.post('/api/holidays', { countryCode: 'FR', date: `${year}-12-25`, name: 'Noël bis' }),
      409,
      'conflict',
    );
    expect(conflict.fields?.[0]?.path).toBe('date');
    expect(conflict.current).toEqual(christmas);
    expect(
      (await list(admin, 'FR', year)).filter((holiday) => holiday.date === `${year}-12-25`),
    ).toHaveLength(1);
    await created(
      await admin.post('/api/holidays', { countryCode: 'BE', date: `${year}-12-25`, name: 'Kerstmis' }),
      asHoliday,
    );
  });

  it('refuses bad input with the fields at fault, changing nothing (400)', async () => {
    const error = await expectError(
      await admin.post('/api/holidays', { countryCode: 'France', date: '2031-02-30', name: ' ' }),
      400,
      'validation_failed',
    );
    expect(error.fields?.map((field) => field.path).sort()).toEqual(['countryCode', 'date', 'name']);
    await expectError(
      await admin.post('/api/holidays', { countryCode: 'FR', date: '2031-05-02', name: 'Pont', extra: 1 }),
      400,
      'validation_failed',
    );
    expect(await list(admin, 'FR', 2031)).toEqual([]);
  });

  it('lets only contract writers change holidays: managers and coordinators are refused (403)', async () => {
    const body = { countryCode: 'FR', date: '2032-06-01', name: 'Essai' };
    await expectError(await manager.post('/api/holidays', body), 403, 'forbidden');
    await expectError(await coordinator.post('/api/holidays', body), 403, 'forbidden');
    await expectError(
      await coordinator.post('/api/holidays/defaults', { countryCode: 'FR', year: 2032 }),
      403,
      'forbidden',
    );
    const [first] = await list(admin, 'FR', new Date().getUTCFullYear());
    await expectError(await manager.request('DELETE', `/api/holidays/${first?.id}`), 403, 'forbidden');
    expect(await list(admin, 'FR', 2032)).toEqual([]);
  });
});

describe("adding a year's statutory holidays", () => {
  it('stores the ones missing, once, with one audit row', async () => {
    await created(
      await admin.post('/api/holidays', {
        countryCode: 'FR',
        date: '2035-07-14',
        name: 'Fête nationale (saisie)',
      }),
      asHoliday,
    );
    const added = await created(
      await admin.post('/api/holidays/defaults', { countryCode: 'FR', year: 2035 }),
      asHolidayPage,
    );
    expect(added.items).toHaveLength(10);
    expect(added.items.map((holiday) => holiday.date)).not.toContain('2035-07-14');
    // Easter 2035 is on 25 March: Easter Monday on the 26th.
    expect(added.items.map((holiday) => holiday.date)).toContain('2035-03-26');
    expect(await list(admin, 'FR', 2035)).toHaveLength(11);
    expect(JSON.parse(auditRows('holiday.add_defaults', 'FR-2035')[0]?.after ?? 'null')).toHaveLength(10);

    const again = await created(
      await admin.post('/api/holidays/defaults', { countryCode: 'FR', year: 2035 }),
      asHolidayPage,
    );
    expect(again.items).toEqual([]);
  });

  it('refuses a country without rules (422)', async () => {
    const error = await expectError(
      await admin.post('/api/holidays/defaults', { countryCode: 'ZZ', year: 2035 }),
      422,
      'rule_violation',
    );
    expect(error.fields?.[0]?.path).toBe('countryCode');
    expect(await list(admin, 'ZZ', 2035)).toEqual([]);
  });
});

describe('holiday dates for a service calendar', () => {
  it('answers the stored local dates around an interval, a day of margin on each side for any time zone', async () => {
    const em = t.app.get(EntityManager).fork();
    const year = new Date().getUTCFullYear();
    expect(
      await localHolidayDates(
        em,
        'FR',
        new Date(`${year}-11-12T06:00:00Z`),
        new Date(`${year}-12-31T23:00:00Z`),
      ),
    ).toEqual([`${year}-11-11`, `${year}-12-25`, `${year + 1}-01-01`]);
    expect(
      await localHolidayDates(
        em,
        'FR',
        new Date(`${year}-11-03T12:00:00Z`),
        new Date(`${year}-11-09T12:00:00Z`),
      ),
    ).toEqual([]);
    // Stored rows are the truth: a year the store lacks has no holidays, whatever the rules say.
    expect(
      await localHolidayDates(em, 'FR', new Date('2050-01-01T00:00:00Z'), new Date('2050-12-31T00:00:00Z')),
    ).toEqual([]);
  });
});
