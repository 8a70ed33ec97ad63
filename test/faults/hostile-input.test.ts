import { createHash } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concretePath, declaredRoutes, type DeclaredRoute } from '../integration/support/routes.js';
import { withRawDatabase } from '../integration/support/sqlite.js';
import { signedIn, startTestApp, type ApiClient, type TestApp } from '../integration/support/test-app.js';

// Fixed seed and bounded runs: the same hostile bodies on every run, so a failure reproduces.
const seed = 20261123;
const bodiesPerRoute = 15;

/** Statuses the README "Errors" section documents for rejected input. */
const documentedRejections = [400, 404, 409, 413, 415, 422];

/**
 * Routes left out, with why:
 * - sign-in / sign-out change the session by design (and sign-out would end the admin session);
 * - multipart uploads (CSV import, device-type library, run evidence) do not read JSON bodies.
 */
const excludedHandlers = new Set([
  'AuthController.login',
  'AuthController.logout',
  'InventoryCsvController.importRacks',
  'InventoryCsvController.importDevices',
  'DeviceTypesController.import',
  'RunsController.addEvidence',
]);

/**
 * Left out of the fingerprint: user_session, whose idle expiry slides on every authenticated
 * request, refused or not. Every other table counts (audit trail, idempotency keys, login failures).
 */
const volatileTables = new Set(['user_session']);

const hostileFragments = [
  '\u0000',
  '\u202E',
  "'; DROP TABLE incident; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../etc/passwd',
  '%00',
  '\uD800',
  '𝕍𝕚𝕘𝕚𝕖',
];

const hostileString = fc.oneof(
  fc.constantFrom(...hostileFragments),
  fc
    .array(fc.constantFrom(...hostileFragments), { minLength: 1, maxLength: 5 })
    .map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 64 }),
  // About 100 kB: larger than any field allows, well under the 1 MB body limit.
  fc
    .constantFrom(...hostileFragments)
    .map((fragment) => fragment.repeat(Math.ceil(100_000 / fragment.length))),
);

// Field names the write DTOs use, so wrong types reach the validators rather than only unknown-key checks.
const knownFields = [
  'title',
  'description',
  'name',
  'label',
  'status',
  'severity',
  'version',
  'tenantId',
  'deviceId',
  'rackId',
  'roomId',
  'siteId',
  'procedureId',
  'assigneeId',
  'userId',
  'role',
  'username',
  'password',
  'note',
  'body',
  'text',
  'dueAt',
  'startsAt',
  'endsAt',
  'at',
  'position',
  'unit',
  'outcome',
  'value',
  'reason',
  'items',
  'steps',
];

const wrongValue = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER + 2),
  fc.constant([]),
  fc.constant({}),
  fc.array(hostileString, { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Deeply nested JSON, written as text because JSON.stringify would overflow the test's own stack. */
function nested(depth: number, leaf: string): string {
  return `${'{"a":['.repeat(depth)}${JSON.stringify(leaf)}${']}'.repeat(depth)}`;
}

/** A request body as sent on the wire: JSON of a hostile value, or text that is not JSON at all. */
const hostileBody: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc
    .dictionary(fc.constantFrom(...knownFields), wrongValue, { minKeys: 1, maxKeys: 6 })
    .map((value) => JSON.stringify(value)),
  fc
    .record({ unknownField: hostileString, __proto__field: wrongValue })
    .map((value) => JSON.stringify({ ...value, constructor: { prototype: { admin: true } } })),
  fc.integer({ min: 50, max: 5_000 }).map((depth) => nested(depth, "'; DROP TABLE x; --")),
  fc.constantFrom('{', '{"title": "x",}', "{'title': 1}", 'null', '"\u0000"', '<script>1</script>'),
  // Just over the 1 MB body limit: the documented answer is 413.
  fc.constant(JSON.stringify({ title: 'x'.repeat(1_100_000) })),
);

/** Path ids that are not positive integers. */
const hostileIds = [
  'abc',
  '-1',
  '0',
  '1.5',
  '1e999',
  '99999999999999999999',
  "1'; DROP TABLE x; --",
  '%00',
  '%3Cscript%3E',
];

/** Row count and content hash of every table that holds business state, audit trail included. */
function fingerprint(databaseFile: string): Record<string, string> {
  return withRawDatabase(databaseFile, (db) => {
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .all() as { name: string }[];
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      if (volatileTables.has(name)) continue;
      const rows = db.prepare(`select * from "${name}"`).raw().all();
      const digest = createHash('sha256')
        .update(
          JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value)),
        )
        .digest('hex');
      result[name] = `${rows.length}:${digest}`;
    }
    return result;
  });
}

/** The one documented error format: `{ error: { code, message } }`. */
function isErrorBody(text: string): boolean {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    return typeof body.error?.code === 'string' && typeof body.error.message === 'string';
  } catch {
    return false;
  }
}

interface Finding {
  route: string;
  url: string;
  status: number;
  body: string;
  payload: string;
}

describe('hostile input on every write route', () => {
  let t: TestApp;
  let admin: ApiClient;
  let writeRoutes: DeclaredRoute[];
  let databaseFile: string;
  /** `METHOD /api/path/:id` of the write routes whose OpenAPI operation declares a request body. */
  let takesBody: Set<string>;

  beforeAll(async () => {
    // The SLA watcher and the task scheduler write on their own clock: stopped, so any change is ours.
    t = await startTestApp({ env: { VIGIE_SLA_WATCH_SECONDS: '0', VIGIE_TASK_SCHEDULER_SECONDS: '0' } });
    admin = await signedIn(t.url, 'admin');
    const routes = declaredRoutes(t.app);
    writeRoutes = routes.filter((route) => route.method !== 'GET' && !excludedHandlers.has(route.handler));
    databaseFile = join(t.dir, 'vigie.db');
    const document = (await (await admin.get('/api/docs/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    takesBody = new Set(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.entries(operations)
          .filter(([, operation]) => operation.requestBody !== undefined)
          .map(([method]) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
  });
  afterAll(() => t.close());

  it('finds the write routes, and the excluded ones still exist', () => {
    expect(writeRoutes.length).toBeGreaterThan(20);
    expect(
      writeRoutes.filter((route) => takesBody.has(`${route.method} ${route.path}`)).length,
    ).toBeGreaterThan(20);
    const handlers = new Set(declaredRoutes(t.app).map((route) => route.handler));
    expect([...excludedHandlers].filter((handler) => !handlers.has(handler))).toEqual([]);
  });

  it('answers a documented 4xx in the one error format, never a 500, and changes nothing', async () => {
    const before = fingerprint(databaseFile);
    const findings: Finding[] = [];
    let sent = 0;
    const send = async (route: DeclaredRoute, url: string, payload: string) => {
      sent += 1;
      const response = await admin.request(route.method, url, payload);
      const text = await response.text();
      if (!documentedRejections.includes(response.status) || !isErrorBody(text)) {
        findings.push({
          route: `${route.method} ${route.path}`,
          url,
          status: response.status,
          body: text.slice(0, 300),
          payload: payload.slice(0, 200),
        });
      }
    };

    for (const [index, route] of writeRoutes.entries()) {
      // A route without a request body (delete, acknowledge, reload) ignores any body by design, so
      // hostile bodies on a real id would be a legitimate write: only its path ids are attacked.
      if (takesBody.has(`${route.method} ${route.path}`)) {
        const bodies = fc.sample(hostileBody, { seed: seed + index, numRuns: bodiesPerRoute });
        for (const payload of bodies) await send(route, concretePath(route.path), payload);
      }
      if (route.path.includes(':')) {
        for (const id of hostileIds) {
          await send(
            route,
            route.path.replace(/:[A-Za-z]+/g, id),
            JSON.stringify({ title: '<script>x</script>' }),
          );
        }
      }
    }

    expect(sent).toBeGreaterThan(writeRoutes.length * 10);
    expect(findings).toEqual([]);
    expect(fingerprint(databaseFile)).toEqual(before);
  });
});
