import { isOpenIncidentStatus } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { defaultIncidentSlaPolicy } from '../../incidents/incident-default-sla-policy.js';
import { createServiceCalendar } from '../../incidents/sla/service-calendar.js';
import { computeSlaClocks } from '../../incidents/sla/sla-clocks.js';
import { demoContracts } from './demo-contracts.js';
import { NameBook } from './demo-identifiers.js';
import {
  planIncidentHistory,
  type HistoryContext,
  type HistoryInventory,
} from './demo-incident-history-plan.js';
import { clockEventsOf } from './demo-incident-history-clocks.js';
import type { PlannedIncident } from './demo-incident-history-timeline.js';
import { planRacks } from './demo-rack-layout.js';
import { fillRack } from './demo-rack-fill.js';
import { demoTenants } from './demo-tenant-profiles.js';
import { SeededRandom } from './seeded-random.js';

const timeZone = 'Europe/Paris';

/** The demo site as the pure layout plans it, with ids in creation order as the database would give them. */
function demoInventory(): HistoryInventory {
  const random = new SeededRandom(20261123);
  const names = new NameBook();
  const tenants = demoTenants.map((tenant, index) => ({ id: index + 1, code: tenant.code }));
  const tenantId = (code: string | null) => tenants.find((tenant) => tenant.code === code)?.id ?? null;
  const rooms = [
    { id: 1, name: 'Salle A' },
    { id: 2, name: 'Salle B' },
  ];
  const racks: HistoryInventory['racks'][number][] = [];
  const devices: HistoryInventory['devices'][number][] = [];
  for (const plan of planRacks(random)) {
    const rack = {
      id: racks.length + 1,
      name: plan.name,
      roomId: rooms.find((room) => room.name === plan.roomName)!.id,
      rowLabel: plan.rowLabel,
      tenantId: tenantId(plan.tenant),
    };
    racks.push(rack);
    for (const device of fillRack(plan, names, random)) {
      devices.push({
        id: devices.length + 1,
        name: device.name,
        rackId: rack.id,
        role: device.entry.role,
        tenantId: rack.tenantId,
      });
    }
  }
  return { timeZone, tenants, rooms, racks, devices };
}

const inventory = demoInventory();
const wallClock = createServiceCalendar({
  timeZone,
  serviceHours: '24x7',
  businessHours: null,
  holidays: [],
});
const calendars = new Map(
  inventory.tenants.map((tenant) => {
    const contract = demoContracts[tenant.code as keyof typeof demoContracts];
    const calendar = createServiceCalendar({
      timeZone,
      serviceHours: contract.serviceHours,
      businessHours: contract.businessHours,
      holidays: [],
    });
    return [tenant.id, { policy: contract.slaPolicy, calendar }];
  }),
);

function context(now: Date, seed = 1): HistoryContext {
  return {
    inventory,
    now,
    wallClock,
    random: new SeededRandom(seed),
    // The first tenant's contract stands in for the server's choice (the integration test checks the real one).
    termsFor: (tenantIds) =>
      tenantIds[0] === undefined
        ? { policy: defaultIncidentSlaPolicy, calendar: wallClock }
        : calendars.get(tenantIds[0])!,
  };
}

const clocksOf = (incident: PlannedIncident, now: Date) => {
  const terms = context(now).termsFor(incident.tenantIds, incident.priority);
  return computeSlaClocks({
    openedAt: incident.openedAt,
    initialPriority: incident.initialPriority,
    events: clockEventsOf(incident.entries),
    policy: terms.policy,
    calendar: terms.calendar,
    now,
  });
};

describe('demo incident history plan', () => {
  const now = new Date('2026-11-23T10:17:00Z');
  const plan = planIncidentHistory(context(now));
  const fingerprint = (incidents: PlannedIncident[]) =>
    incidents.map((incident) => [
      incident.title,
      incident.openedAt.getTime(),
      incident.status,
      incident.entries.length,
    ]);

  it('is the same for the same seed and reference time, and differs for another seed', () => {
    expect(fingerprint(planIncidentHistory(context(now)))).toEqual(fingerprint(plan));
    expect(fingerprint(planIncidentHistory(context(now, 2)))).not.toEqual(fingerprint(plan));
  });

  it('covers the year before now, in opening order, with nothing recorded after now', () => {
    expect(plan.length).toBeGreaterThan(2000);
    expect(plan.length).toBeLessThan(4000);
    const opened = plan.map((incident) => incident.openedAt.getTime());
    expect([...opened].sort((a, b) => a - b)).toEqual(opened);
    expect(opened[0]).toBeGreaterThan(now.getTime() - 366 * 86_400_000);
    for (const incident of plan) {
      const times = incident.entries.map((entry) => entry.at.getTime());
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(times[times.length - 1]).toBeLessThanOrEqual(now.getTime());
      expect(incident.entries[0]).toMatchObject({ kind: 'transition', details: { from: null, to: 'new' } });
    }
  });

  it('ends each timeline in the incident status, with what that status requires', () => {
    for (const incident of plan) {
      const last = incident.entries.filter((entry) => entry.kind === 'transition').pop()!;
      expect(last.kind === 'transition' && last.details.to).toBe(incident.status);
      if (incident.status === 'resolved' || incident.status === 'closed') {
        expect(incident.resolutionCode).not.toBeNull();
        expect(incident.solution).toBeTruthy();
      }
      if (incident.status === 'pending') expect(incident.pendingReason).not.toBeNull();
      if (incident.status === 'cancelled') expect(incident.cancellationReason).not.toBeNull();
      if (incident.cancellationReason === 'duplicate') {
        expect(incident.duplicateOf!.openedAt.getTime()).toBeLessThan(incident.openedAt.getTime());
      }
    }
  });

  it('weekends are quieter for client requests, summers busier for cooling', () => {
    const weekday = (incident: PlannedIncident) =>
      new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short' }).format(incident.openedAt);
    const clientRequests = plan.filter((incident) => incident.origin === 'client');
    const weekend = clientRequests.filter((incident) => ['Sat', 'Sun'].includes(weekday(incident))).length;
    expect(weekend / clientRequests.length).toBeLessThan(0.15);
    const cooling = plan.filter((incident) => incident.category === 'cooling');
    const month = (incident: PlannedIncident) => incident.openedAt.getUTCMonth();
    const summer = cooling.filter((incident) => [5, 6, 7].includes(month(incident))).length;
    const winter = cooling.filter((incident) => [11, 0, 1].includes(month(incident))).length;
    expect(summer).toBeGreaterThan(winter * 2);
  });

  it('misses a few percent of SLA targets, as the engine computes them', () => {
    const counted = plan.filter((incident) => incident.status !== 'cancelled');
    const breached = counted.filter((incident) => clocksOf(incident, now).some((clock) => clock.breachedAt));
    expect(breached.length / counted.length).toBeGreaterThan(0.03);
    expect(breached.length / counted.length).toBeLessThan(0.08);
  });

  it('leaves the board with fresh, near-warning, breached and pending incidents at now', () => {
    const open = plan.filter((incident) => isOpenIncidentStatus(incident.status));
    const clocks = open.map((incident) => ({ incident, clocks: clocksOf(incident, now) }));
    expect(open.some((incident) => now.getTime() - incident.openedAt.getTime() < 15 * 60_000)).toBe(true);
    expect(
      clocks.some(({ clocks: list }) =>
        list.some(
          (clock) =>
            clock.state === 'running' &&
            clock.warnAt!.getTime() > now.getTime() &&
            clock.warnAt!.getTime() < now.getTime() + 3_600_000,
        ),
      ),
    ).toBe(true);
    expect(
      clocks.some(({ clocks: list }) => list.some((clock) => clock.state === 'breached' && !clock.stoppedAt)),
    ).toBe(true);
    expect(open.some((incident) => incident.status === 'pending')).toBe(true);
  });
});
