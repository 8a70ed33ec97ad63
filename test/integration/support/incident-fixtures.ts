import {
  contractSchema,
  incidentSchema,
  pageSchema,
  tenantSchema,
  timelineEntrySchema,
  type Contract,
  type CreateContract,
  type CreateIncident,
  type Incident,
  type IncidentTransition,
  type Tenant,
  type TimelineEntry,
} from '@vigie/shared';
import { expect } from 'vitest';
import { withRawDatabase } from './sqlite.js';
import { created, ok, unique } from './inventory-fixtures.js';
import type { ApiClient } from './test-app.js';

export const parseIncident = (value: unknown): Incident => incidentSchema.parse(value);

export async function newIncident(client: ApiClient, extra: Partial<CreateIncident> = {}): Promise<Incident> {
  return created(
    await client.post('/api/incidents', {
      title: unique('Incident'),
      description: 'Raised by an integration test',
      impact: 2,
      urgency: 2,
      ...extra,
    }),
    parseIncident,
  );
}

/** Sends a transition with the incident's current version; returns the raw response. */
export function transition(
  client: ApiClient,
  incident: Pick<Incident, 'id' | 'version'>,
  body: Omit<IncidentTransition, 'version'> & Record<string, unknown>,
): Promise<Response> {
  return client.post(`/api/incidents/${incident.id}/transitions`, { version: incident.version, ...body });
}

/** A transition that must succeed; returns the incident after it. */
export async function moved(
  client: ApiClient,
  incident: Pick<Incident, 'id' | 'version'>,
  body: Omit<IncidentTransition, 'version'> & Record<string, unknown>,
): Promise<Incident> {
  return ok(await transition(client, incident, body), parseIncident);
}

export async function timelineOf(client: ApiClient, id: number): Promise<TimelineEntry[]> {
  return ok(await client.get(`/api/incidents/${id}/timeline?limit=200`), (value) =>
    pageSchema(timelineEntrySchema).parse(value),
  ).then((page) => page.items);
}

export async function getIncident(client: ApiClient, id: number): Promise<Incident> {
  return ok(await client.get(`/api/incidents/${id}`), parseIncident);
}

export async function newTenant(admin: ApiClient): Promise<Tenant> {
  const code = unique('t')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-');
  return created(await admin.post('/api/tenants', { code, name: `Tenant ${code}` }), (value) =>
    tenantSchema.parse(value),
  );
}

/** A uniform policy: every priority gets the same targets unless `policy` overrides some. */
export function uniformPolicy(ackMinutes: number, restoreMinutes: number, resolveMinutes: number) {
  const target = { ackMinutes, restoreMinutes, resolveMinutes };
  return { P0: target, P1: target, P2: target, P3: target, P4: target };
}

export async function newContract(
  admin: ApiClient,
  input: Partial<CreateContract> & { tenantId: number },
): Promise<Contract> {
  return created(
    await admin.post('/api/contracts', {
      reference: unique('CTR'),
      serviceHours: '24x7',
      slaPolicy: uniformPolicy(60, 240, 480),
      startsOn: '2020-01-01',
      ...input,
    }),
    (value) => contractSchema.parse(value),
  );
}

export function auditCount(databaseFile: string, entityId: number, action: string): number {
  return withRawDatabase(
    databaseFile,
    (db) =>
      (
        db
          .prepare(
            "select count(*) as n from audit_event where entity_type = 'Incident' and entity_id = ? and action = ?",
          )
          .get(String(entityId), action) as { n: number }
      ).n,
  );
}

export function clockOf(incident: Incident, metric: 'ack' | 'restore' | 'resolve') {
  const clock = incident.slaClocks.find((candidate) => candidate.metric === metric);
  expect(clock, metric).toBeDefined();
  return clock!;
}
