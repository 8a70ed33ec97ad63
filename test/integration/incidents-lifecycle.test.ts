import {
  allowedIncidentTransitions,
  incidentStatuses,
  type Incident,
  type IncidentStatus,
} from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditCount,
  getIncident,
  moved,
  newContract,
  newIncident,
  newTenant,
  parseIncident,
  timelineOf,
  transition,
  uniformPolicy,
} from './support/incident-fixtures.js';
import {
  expectError,
  newDevice,
  newRack,
  newRoom,
  newType,
  ok,
  tenantIdsOf,
} from './support/inventory-fixtures.js';
import { userIdOf } from './support/run-fixtures.js';
import { signedIn, startTestApp, type ApiClient, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: ApiClient;
let coordinator: ApiClient;
let technician: ApiClient;

beforeAll(async () => {
  t = await startTestApp({ env: { VIGIE_SLA_WATCH_SECONDS: '0' } });
  [admin, coordinator, technician] = await Promise.all([
    signedIn(t.url, 'admin'),
    signedIn(t.url, 'coordinator'),
    signedIn(t.url, 'technician'),
  ]);
});
afterAll(() => t.close());

/** Walks an incident to `status` along allowed transitions, giving each the fields it needs. */
const fieldsFor: Record<string, Record<string, unknown>> = {
  pending: { pendingReason: 'vendor' },
  mitigated: { workaround: 'Traffic moved to the B feed' },
  resolved: { resolutionCode: 'replaced', solution: 'PSU replaced' },
  reopened: { comment: 'Fault came back' },
  cancelled: { cancellationReason: 'false_positive' },
};
const pathTo: Record<IncidentStatus, IncidentStatus[]> = {
  new: [],
  acknowledged: ['acknowledged'],
  in_progress: ['acknowledged', 'in_progress'],
  pending: ['acknowledged', 'in_progress', 'pending'],
  mitigated: ['acknowledged', 'in_progress', 'mitigated'],
  resolved: ['acknowledged', 'in_progress', 'resolved'],
  closed: ['acknowledged', 'in_progress', 'resolved', 'closed'],
  reopened: ['acknowledged', 'in_progress', 'resolved', 'reopened'],
  cancelled: ['cancelled'],
};
async function incidentIn(status: IncidentStatus): Promise<Incident> {
  let incident = await newIncident(coordinator);
  for (const to of pathTo[status])
    incident = await moved(coordinator, incident, { to, ...fieldsFor[to] } as never);
  expect(incident.status).toBe(status);
  return incident;
}

describe('state machine', () => {
  it('allows every transition of the table and records each in the timeline', async () => {
    for (const from of incidentStatuses) {
      for (const to of allowedIncidentTransitions[from]) {
        const incident = await incidentIn(from);
        const audited = auditCount(t.config.databaseFile, incident.id, `incident.${to}`);
        const after = await moved(coordinator, incident, { to, ...fieldsFor[to] });
        expect({ from, to, status: after.status }).toEqual({ from, to, status: to });
        expect(after.version).toBe(incident.version + 1);
        const last = (await timelineOf(coordinator, incident.id))
          .filter((entry) => entry.kind === 'transition')
          .at(-1);
        expect(last?.details).toMatchObject({ from, to });
        expect(auditCount(t.config.databaseFile, incident.id, `incident.${to}`)).toBe(audited + 1);
      }
    }
  });

  it('refuses any other transition with 422 naming the allowed ones, and changes nothing', async () => {
    const incident = await incidentIn('acknowledged');
    const error = await expectError(
      await transition(coordinator, incident, { to: 'resolved', resolutionCode: 'repaired', solution: 'x' }),
      422,
      'rule_violation',
    );
    expect(error.message).toContain('in_progress, cancelled');
    expect(error.fields).toEqual([
      { path: 'to', message: 'allowed from acknowledged: in_progress, cancelled' },
    ]);
    const closed = await incidentIn('closed');
    const final = await expectError(
      await transition(coordinator, closed, { to: 'reopened', comment: 'x' }),
      422,
      'rule_violation',
    );
    expect(final.message).toContain('allowed: none');
    const unchanged = await getIncident(coordinator, incident.id);
    expect(unchanged.status).toBe('acknowledged');
    expect(unchanged.version).toBe(incident.version);
  });

  it('refuses every move outside the table with 422 naming the allowed ones, before asking for its fields', async () => {
    for (const from of incidentStatuses) {
      const incident = await incidentIn(from);
      const allowed = allowedIncidentTransitions[from];
      const list = allowed.length > 0 ? allowed.join(', ') : 'none';
      const forbidden = incidentStatuses.filter((to) => !(allowed as readonly string[]).includes(to));
      expect(forbidden).toContain('new');
      for (const to of forbidden) {
        // Only the target: the check of the move comes first, whatever fields the target would need.
        const error = await expectError(
          await transition(coordinator, incident, { to } as never),
          422,
          'rule_violation',
        );
        expect({ from, to, fields: error.fields }).toEqual({
          from,
          to,
          fields: [{ path: 'to', message: `allowed from ${from}: ${list}` }],
        });
        // With its fields too, the answer is the same.
        if (fieldsFor[to]) {
          const full = await expectError(
            await transition(coordinator, incident, { to, ...fieldsFor[to] } as never),
            422,
            'rule_violation',
          );
          expect(full.fields).toEqual(error.fields);
        }
      }
      const unchanged = await getIncident(coordinator, incident.id);
      expect([unchanged.status, unchanged.version]).toEqual([from, incident.version]);
    }
  });

  it('requires the fields of each transition (400 with the field path), and changes nothing', async () => {
    const working = await incidentIn('in_progress');
    const cases: [Record<string, unknown>, string][] = [
      [{ to: 'pending' }, 'pendingReason'],
      [{ to: 'pending', pendingReason: 'holiday' }, 'pendingReason'],
      [{ to: 'resolved', solution: 'done' }, 'resolutionCode'],
      [{ to: 'resolved', resolutionCode: 'repaired' }, 'solution'],
      [{ to: 'resolved', resolutionCode: 'repaired', solution: '   ' }, 'solution'],
      [{ to: 'bogus' }, 'to'],
      [{ to: 'pending', pendingReason: 'vendor', extra: 1 }, ''],
    ];
    for (const [body, path] of cases) {
      const error = await expectError(
        await transition(coordinator, working, body as never),
        400,
        'validation_failed',
      );
      expect(error.fields?.map((field) => field.path)).toContain(path);
    }
    const fresh = await incidentIn('new');
    const duplicate = await expectError(
      await transition(coordinator, fresh, { to: 'cancelled', cancellationReason: 'duplicate' }),
      400,
      'validation_failed',
    );
    expect(duplicate.fields?.map((field) => field.path)).toEqual(['duplicateOfId']);
    const resolved = await incidentIn('resolved');
    const reopen = await expectError(
      await transition(coordinator, resolved, { to: 'reopened' } as never),
      400,
      'validation_failed',
    );
    expect(reopen.fields?.map((field) => field.path)).toEqual(['comment']);
    // No workaround given nor recorded: mitigation is refused by rule.
    const noWorkaround = await expectError(
      await transition(coordinator, working, { to: 'mitigated' }),
      422,
      'rule_violation',
    );
    expect(noWorkaround.fields?.map((field) => field.path)).toEqual(['workaround']);
    const after = await getIncident(coordinator, working.id);
    expect(after.version).toBe(working.version);
    expect(after.status).toBe('in_progress');
    expect((await timelineOf(coordinator, working.id)).length).toBe(3);
  });

  it('keeps the fields each transition brings, and clears them when they no longer hold', async () => {
    let incident = await incidentIn('in_progress');
    incident = await moved(coordinator, incident, { to: 'pending', pendingReason: 'parts' });
    expect(incident.pendingReason).toBe('parts');
    incident = await moved(coordinator, incident, { to: 'in_progress' });
    expect(incident.pendingReason).toBeNull();
    incident = await moved(coordinator, incident, { to: 'mitigated', workaround: 'Load moved to rack B' });
    expect(incident.workaround).toBe('Load moved to rack B');
    expect(incident.mitigatedAt).not.toBeNull();
    incident = await moved(coordinator, incident, {
      to: 'resolved',
      resolutionCode: 'replaced',
      solution: 'Fan tray replaced',
      rootCause: 'Worn bearing',
    });
    expect(incident).toMatchObject({
      resolutionCode: 'replaced',
      solution: 'Fan tray replaced',
      rootCause: 'Worn bearing',
    });
    incident = await moved(coordinator, incident, { to: 'reopened', comment: 'Noise again' });
    expect(incident).toMatchObject({
      status: 'reopened',
      resolutionCode: null,
      solution: null,
      resolvedAt: null,
    });
    // The workaround already recorded is enough to mitigate again.
    incident = await moved(coordinator, incident, { to: 'mitigated' });
    expect(incident.status).toBe('mitigated');

    const original = await newIncident(coordinator);
    const copy = await newIncident(coordinator);
    const cancelled = await moved(coordinator, copy, {
      to: 'cancelled',
      cancellationReason: 'duplicate',
      duplicateOfId: original.id,
    });
    expect(cancelled).toMatchObject({ cancellationReason: 'duplicate', duplicateOfId: original.id });
    expect(cancelled.cancelledAt).not.toBeNull();
    const self = await newIncident(coordinator);
    await expectError(
      await transition(coordinator, self, {
        to: 'cancelled',
        cancellationReason: 'duplicate',
        duplicateOfId: self.id,
      }),
      422,
      'rule_violation',
    );
    await expectError(
      await transition(coordinator, self, {
        to: 'cancelled',
        cancellationReason: 'duplicate',
        duplicateOfId: 99_999_999,
      }),
      400,
      'validation_failed',
    );
  });
});

describe('creation, triage and priority', () => {
  it('creates with a reference, the default ITIL matrix and a first timeline entry', async () => {
    const incident = await newIncident(coordinator, {
      impact: 1,
      urgency: 2,
      category: 'cooling',
      origin: 'monitoring',
    });
    expect(incident.reference).toBe(`INC-${String(incident.id).padStart(6, '0')}`);
    expect(incident).toMatchObject({
      status: 'new',
      priority: 'P2',
      major: false,
      version: 1,
      category: 'cooling',
    });
    expect(incident.createdBy?.displayName).toBe(incident.updatedBy?.displayName);
    expect(incident.slaClocks.map((clock) => clock.metric)).toEqual(['ack', 'restore', 'resolve']);
    const [first] = await timelineOf(coordinator, incident.id);
    expect(first).toMatchObject({ kind: 'transition', details: { from: null, to: 'new' } });
    expect(first?.author?.id).toBe(incident.createdBy?.id);
    expect(auditCount(t.config.databaseFile, incident.id, 'incident.create')).toBe(1);
    const found = await ok(
      await coordinator.get(`/api/incidents?search=${incident.reference}`),
      (value) => value as { items: Incident[] },
    );
    expect(found.items.map((item) => item.id)).toEqual([incident.id]);
  });

  it('applies the matrix cell by cell and the major override', async () => {
    const expected = [
      ['P1', 'P2', 'P3'],
      ['P2', 'P3', 'P4'],
      ['P3', 'P4', 'P4'],
    ];
    for (const impact of [1, 2, 3]) {
      for (const urgency of [1, 2, 3]) {
        const incident = await newIncident(coordinator, { impact, urgency });
        expect({ impact, urgency, priority: incident.priority }).toEqual({
          impact,
          urgency,
          priority: expected[impact - 1]![urgency - 1],
        });
      }
    }
    const major = await newIncident(coordinator, { impact: 3, urgency: 3, major: true });
    expect(major.priority).toBe('P0');
    const demoted = await ok(
      await coordinator.patch(`/api/incidents/${major.id}`, { version: major.version, major: false }),
      parseIncident,
    );
    expect(demoted.priority).toBe('P4');
    const change = (await timelineOf(coordinator, major.id)).find((entry) => entry.kind === 'field_change');
    expect(change?.details).toEqual({
      changes: [
        { field: 'major', from: true, to: false },
        { field: 'priority', from: 'P0', to: 'P4' },
      ],
    });
  });

  it("uses the affected tenant's contract matrix, and the most urgent one when several tenants are affected", async () => {
    const strict = await newTenant(admin);
    const lax = await newTenant(admin);
    await newContract(admin, {
      tenantId: strict.id,
      priorityMatrix: [
        ['P1', 'P1', 'P2'],
        ['P1', 'P2', 'P3'],
        ['P2', 'P3', 'P4'],
      ],
    });
    await newContract(admin, {
      tenantId: lax.id,
      slaPolicy: uniformPolicy(120, 480, 960),
      priorityMatrix: [
        ['P2', 'P3', 'P4'],
        ['P3', 'P4', 'P4'],
        ['P4', 'P4', 'P4'],
      ],
    });
    const room = await newRoom(admin);
    const strictRack = await newRack(admin, room.id, { tenantId: strict.id });
    const laxRack = await newRack(admin, room.id, { tenantId: lax.id });
    const laxOnly = await newIncident(coordinator, { impact: 2, urgency: 2, rackIds: [laxRack.id] });
    expect(laxOnly.priority).toBe('P4');
    expect(laxOnly.tenants.map((tenant) => tenant.id)).toEqual([lax.id]);
    const both = await ok(
      await coordinator.patch(`/api/incidents/${laxOnly.id}`, {
        version: laxOnly.version,
        rackIds: [laxRack.id, strictRack.id],
      }),
      parseIncident,
    );
    expect(both.priority).toBe('P2');
    expect(both.tenants.map((tenant) => tenant.id).sort()).toEqual([strict.id, lax.id].sort());
    // The clocks follow the strictest contract: the strict tenant's (60 min ack) rather than 120.
    expect(both.slaContract?.tenantId).toBe(strict.id);
    expect(both.slaClocks.find((clock) => clock.metric === 'ack')?.targetMinutes).toBe(60);
  });

  it('derives tenants from affected devices and racks, lets triage set them by hand, and derives again on request', async () => {
    const tenants = await tenantIdsOf(admin);
    const room = await newRoom(admin);
    const rack = await newRack(admin, room.id, { tenantId: tenants.NOVA! });
    const shared = await newRack(admin, room.id);
    const type = await newType(admin);
    const device = await newDevice(admin, type.id, shared.id, { tenantId: tenants.KORE! });
    const incident = await newIncident(coordinator, { deviceIds: [device.id], rackIds: [rack.id] });
    expect(incident.tenants.map((tenant) => tenant.id).sort()).toEqual([tenants.NOVA!, tenants.KORE!].sort());
    expect(incident).toMatchObject({ tenantsDerived: true, room: { id: room.id } });
    expect(incident.site?.id).toBe(room.siteId);
    const manual = await ok(
      await coordinator.patch(`/api/incidents/${incident.id}`, {
        version: incident.version,
        tenantIds: [tenants.KORE!],
      }),
      parseIncident,
    );
    expect(manual.tenants.map((tenant) => tenant.id)).toEqual([tenants.KORE!]);
    expect(manual.tenantsDerived).toBe(false);
    const rederived = await ok(
      await coordinator.patch(`/api/incidents/${incident.id}`, { version: manual.version, tenantIds: null }),
      parseIncident,
    );
    expect(rederived.tenants).toHaveLength(2);
    expect(rederived.tenantsDerived).toBe(true);
    // Equipment outside the affected room is refused.
    const elsewhere = await newRack(admin, (await newRoom(admin)).id);
    const error = await expectError(
      await coordinator.patch(`/api/incidents/${incident.id}`, {
        version: rederived.version,
        rackIds: [rack.id, elsewhere.id],
      }),
      422,
      'rule_violation',
    );
    expect(error.fields?.[0]?.path).toBe('rackIds');
  });

  it('records triage changes in the timeline by name, with workaround, root cause and assignee', async () => {
    const incident = await newIncident(coordinator);
    const me = (
      (await (await coordinator.get('/api/auth/me')).json()) as { user: { id: number; displayName: string } }
    ).user;
    const updated = await ok(
      await coordinator.patch(`/api/incidents/${incident.id}`, {
        version: incident.version,
        assigneeId: me.id,
        workaround: 'Spare switch patched in',
        rootCause: 'Firmware bug',
        urgency: 1,
      }),
      parseIncident,
    );
    expect(updated.assignee).toEqual({ id: me.id, displayName: me.displayName });
    const change = (await timelineOf(coordinator, incident.id)).find(
      (entry) => entry.kind === 'field_change',
    );
    expect(change?.details).toEqual({
      changes: [
        { field: 'urgency', from: 2, to: 1 },
        { field: 'priority', from: 'P3', to: 'P2' },
        { field: 'assignee', from: null, to: me.displayName },
        { field: 'workaround', from: null, to: 'Spare switch patched in' },
        { field: 'rootCause', from: null, to: 'Firmware bug' },
      ],
    });
    expect(auditCount(t.config.databaseFile, incident.id, 'incident.update')).toBe(1);
    // A PATCH that changes nothing writes nothing.
    const same = await ok(
      await coordinator.patch(`/api/incidents/${incident.id}`, { version: updated.version, urgency: 1 }),
      parseIncident,
    );
    expect(same.version).toBe(updated.version);
    expect(auditCount(t.config.databaseFile, incident.id, 'incident.update')).toBe(1);
  });

  it('answers 400 with field paths to bad input and creates nothing', async () => {
    const target = await newIncident(coordinator);
    const before = await ok(
      await coordinator.get('/api/incidents?sort=newest&limit=1'),
      (value) => value as { items: Incident[] },
    );
    const cases: [unknown, string[]][] = [
      [{ description: 'x', impact: 1, urgency: 1 }, ['title']],
      [{ title: 'x', description: 'x', impact: 4, urgency: 0 }, ['impact', 'urgency']],
      [{ title: 'x', description: 'x', impact: 1, urgency: 1, origin: 'radio' }, ['origin']],
      [{ title: 'x', description: 'x', impact: 1, urgency: 1, category: 'plumbing' }, ['category']],
      [{ title: 'x', description: 'x', impact: 1, urgency: 1, rackIds: [999_999] }, ['rackIds.0']],
      [{ title: 'x', description: 'x', impact: 1, urgency: 1, assigneeId: 999_999 }, ['assigneeId']],
    ];
    for (const [body, paths] of cases) {
      const error = await expectError(
        await coordinator.post('/api/incidents', body),
        400,
        'validation_failed',
      );
      expect(error.fields?.map((field) => field.path).sort()).toEqual(paths.sort());
    }
    const patches: [unknown, string][] = [
      [{ version: target.version, impact: 5 }, 'impact'],
      [{ version: target.version, rackIds: [999_999] }, 'rackIds.0'],
      [{ version: target.version, tenantIds: [999_999] }, 'tenantIds.0'],
      [{ version: target.version, status: 'closed' }, ''],
      [{ urgency: 1 }, 'version'],
    ];
    for (const [body, path] of patches) {
      const error = await expectError(
        await coordinator.patch(`/api/incidents/${target.id}`, body),
        400,
        'validation_failed',
      );
      expect(error.fields?.map((field) => field.path)).toContain(path);
    }
    expect(await getIncident(coordinator, target.id)).toEqual(target);
    const tenant = await newTenant(admin);
    const matrix = await expectError(
      await admin.post('/api/contracts', {
        tenantId: tenant.id,
        reference: `CTR-${tenant.code}`,
        serviceHours: '24x7',
        slaPolicy: uniformPolicy(60, 240, 480),
        startsOn: '2020-01-01',
        priorityMatrix: [
          ['P0', 'P1', 'P2'],
          ['P1', 'P2', 'P3'],
          ['P2', 'P3', 'P4'],
        ],
      }),
      400,
      'validation_failed',
    );
    expect(matrix.fields?.map((field) => field.path)).toEqual(expect.arrayContaining(['priorityMatrix.0.0']));
    await expectError(await coordinator.get('/api/incidents?status=open'), 400, 'validation_failed');
    await expectError(await coordinator.get('/api/incidents?priority=P9'), 400, 'validation_failed');
    const after = await ok(
      await coordinator.get('/api/incidents?sort=newest&limit=1'),
      (value) => value as { items: Incident[] },
    );
    expect(after.items[0]?.id).toBe(before.items[0]?.id);
  });
});

describe('who may do what', () => {
  it('lets technicians open incidents and add notes, but not triage, assign or declare major', async () => {
    const incident = await newIncident(technician, { impact: 1, urgency: 1 });
    expect(incident.createdBy?.displayName).toBeTruthy();
    await expectError(
      await technician.post('/api/incidents', {
        title: 'x',
        description: '',
        impact: 1,
        urgency: 1,
        major: true,
      }),
      403,
      'forbidden',
    );
    await expectError(await transition(technician, incident, { to: 'acknowledged' }), 403, 'forbidden');
    await expectError(
      await technician.patch(`/api/incidents/${incident.id}`, { version: incident.version, urgency: 3 }),
      403,
      'forbidden',
    );
    const note = await technician.post(`/api/incidents/${incident.id}/notes`, {
      text: 'Smell of burnt plastic near A03',
    });
    expect(note.status).toBe(201);
    const manager = await signedIn(t.url, 'manager');
    await expectError(
      await manager.post('/api/incidents', { title: 'x', description: '', impact: 1, urgency: 1 }),
      403,
      'forbidden',
    );
    await expectError(
      await manager.post(`/api/incidents/${incident.id}/notes`, { text: 'x' }),
      403,
      'forbidden',
    );
    expect((await manager.get(`/api/incidents/${incident.id}`)).status).toBe(200);
  });

  it('adds free notes to the timeline with their author, audited', async () => {
    const incident = await newIncident(coordinator);
    const response = await coordinator.post(`/api/incidents/${incident.id}/notes`, {
      text: 'Called the vendor',
    });
    expect(response.status).toBe(201);
    const timeline = await timelineOf(coordinator, incident.id);
    expect(timeline.at(-1)).toMatchObject({ kind: 'note', details: { text: 'Called the vendor' } });
    expect(timeline.at(-1)?.author?.displayName).toBe(incident.createdBy?.displayName);
    expect(auditCount(t.config.databaseFile, incident.id, 'incident.note')).toBe(1);
    await expectError(
      await coordinator.post(`/api/incidents/${incident.id}/notes`, { text: '  ' }),
      400,
      'validation_failed',
    );
    await expectError(
      await coordinator.post('/api/incidents/99999999/notes', { text: 'x' }),
      404,
      'not_found',
    );
  });

  it('offers active staff as assignees', async () => {
    const page = await ok(
      await coordinator.get('/api/incidents/assignees'),
      (value) => value as { items: { displayName: string }[] },
    );
    expect(page.items.length).toBeGreaterThanOrEqual(3);
    await expectError(await technician.get('/api/incidents/assignees'), 403, 'forbidden');
  });
});

describe('concurrency', () => {
  it('lets one of two simultaneous acknowledges win; the other gets 409 with the current state and who changed it', async () => {
    const incident = await newIncident(coordinator);
    const [first, second] = await Promise.all([
      transition(coordinator, incident, { to: 'acknowledged' }),
      transition(admin, incident, { to: 'acknowledged' }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = parseIncident(await (first.status === 200 ? first : second).json());
    const loser = await expectError(first.status === 409 ? first : second, 409, 'stale_version');
    const current = parseIncident(loser.current);
    expect(current).toMatchObject({ status: 'acknowledged', version: winner.version });
    expect(current.updatedBy).toEqual(winner.updatedBy);
    expect(
      (await timelineOf(coordinator, incident.id)).filter((entry) => entry.kind === 'transition'),
    ).toHaveLength(2);
  });

  it('lets one of two simultaneous assignments win; the other gets 409 with the current state and who changed it', async () => {
    const incident = await newIncident(coordinator);
    const choices = { coordinator: await userIdOf(technician), admin: await userIdOf(admin) };
    const [byCoordinator, byAdmin] = await Promise.all([
      coordinator.patch(`/api/incidents/${incident.id}`, {
        version: incident.version,
        assigneeId: choices.coordinator,
      }),
      admin.patch(`/api/incidents/${incident.id}`, { version: incident.version, assigneeId: choices.admin }),
    ]);
    expect([byCoordinator.status, byAdmin.status].sort()).toEqual([200, 409]);
    const [won, lost] = byCoordinator.status === 200 ? [byCoordinator, byAdmin] : [byAdmin, byCoordinator];
    const winnerChoice = won === byCoordinator ? choices.coordinator : choices.admin;
    const winner = parseIncident(await won.json());
    expect(winner.assignee?.id).toBe(winnerChoice);
    const current = parseIncident((await expectError(lost, 409, 'stale_version')).current);
    expect(current).toMatchObject({ version: winner.version, assignee: winner.assignee });
    expect(current.updatedBy).toEqual(winner.updatedBy);
    const stored = await getIncident(coordinator, incident.id);
    expect(stored.assignee?.id).toBe(winnerChoice);
    const assignments = (await timelineOf(coordinator, incident.id)).filter(
      (entry) =>
        entry.kind === 'field_change' && entry.details.changes.some((change) => change.field === 'assignee'),
    );
    expect(assignments).toHaveLength(1);
  });

  it('refuses a stale version on triage with the current state', async () => {
    const incident = await newIncident(coordinator);
    const moved1 = await moved(coordinator, incident, { to: 'acknowledged' });
    const error = await expectError(
      await admin.patch(`/api/incidents/${incident.id}`, { version: incident.version, urgency: 1 }),
      409,
      'stale_version',
    );
    expect(parseIncident(error.current)).toMatchObject({ version: moved1.version, status: 'acknowledged' });
  });
});

describe('retries and linked work', () => {
  it('creates an incident and a note once for a retried Idempotency-Key', async () => {
    const body = { title: 'Retried from a flaky tablet', description: 'x', impact: 2, urgency: 2 };
    const first = await coordinator.post('/api/incidents', body, {
      'Idempotency-Key': 'incident-retry-0001',
    });
    const again = await coordinator.post('/api/incidents', body, {
      'Idempotency-Key': 'incident-retry-0001',
    });
    expect([first.status, again.status]).toEqual([201, 201]);
    const [a, b] = [parseIncident(await first.json()), parseIncident(await again.json())];
    expect(b.id).toBe(a.id);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    const found = await ok(
      await coordinator.get('/api/incidents?search=Retried%20from%20a%20flaky&limit=200'),
      (value) => value as { items: Incident[] },
    );
    expect(found.items).toHaveLength(1);
    const note = { text: 'Vendor called back' };
    await coordinator.post(`/api/incidents/${a.id}/notes`, note, { 'Idempotency-Key': 'note-retry-0001' });
    await coordinator.post(`/api/incidents/${a.id}/notes`, note, { 'Idempotency-Key': 'note-retry-0001' });
    expect((await timelineOf(coordinator, a.id)).filter((entry) => entry.kind === 'note')).toHaveLength(1);
  });

  it('refuses to resolve an incident while one of its procedure runs is in progress (422)', async () => {
    const incident = await incidentIn('in_progress');
    const procedures = (await (await coordinator.get('/api/procedures')).json()) as {
      items: { id: string }[];
    };
    const run = await coordinator.post('/api/runs', {
      procedureId: procedures.items[0]!.id,
      context: { kind: 'incident', id: incident.id },
    });
    expect(run.status).toBe(201);
    const runId = ((await run.json()) as { id: number }).id;
    const error = await expectError(
      await transition(coordinator, incident, {
        to: 'resolved',
        resolutionCode: 'repaired',
        solution: 'Done',
      }),
      422,
      'rule_violation',
    );
    expect(error.message).toContain(`#${runId}`);
    expect((await getIncident(coordinator, incident.id)).status).toBe('in_progress');
  });
});
