import type { IncidentStatus, Priority, SlaMetric, SlaPolicy } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { createServiceCalendar } from './service-calendar.js';
import { computeSlaClocks } from './sla-clocks.js';
import type { ClockEvent, ComputedSlaClock, ServiceCalendar } from './sla-engine.types.js';

const policy: SlaPolicy = {
  P0: { ackMinutes: 5, restoreMinutes: 60, resolveMinutes: 240 },
  P1: { ackMinutes: 15, restoreMinutes: 240, resolveMinutes: 480 },
  P2: { ackMinutes: 30, restoreMinutes: 480, resolveMinutes: 1440 },
  P3: { ackMinutes: 60, restoreMinutes: 1440, resolveMinutes: 2880 },
  P4: { ackMinutes: 240, restoreMinutes: 2880, resolveMinutes: 5760 },
};
const alwaysOn = createServiceCalendar({
  timeZone: 'Europe/Paris',
  serviceHours: '24x7',
  businessHours: null,
  holidays: [],
});
const officeHours = createServiceCalendar({
  timeZone: 'Europe/Paris',
  serviceHours: 'business_hours',
  businessHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' },
  holidays: ['2026-11-11'],
});

// Monday 23 November 2026, 10:00 in Paris.
const opened = new Date('2026-11-23T09:00:00Z');
const minutes = (n: number) => new Date(opened.getTime() + n * 60_000);
const status = (offset: number, value: IncidentStatus): ClockEvent => ({
  at: minutes(offset),
  kind: 'status',
  status: value,
});
const priority = (offset: number, value: Priority): ClockEvent => ({
  at: minutes(offset),
  kind: 'priority',
  priority: value,
});

function clocks(options: {
  events?: ClockEvent[];
  now: number | Date;
  initialPriority?: Priority;
  calendar?: ServiceCalendar;
  openedAt?: Date;
}): Record<SlaMetric, ComputedSlaClock> {
  const result = computeSlaClocks({
    openedAt: options.openedAt ?? opened,
    initialPriority: options.initialPriority ?? 'P3',
    events: options.events ?? [],
    policy,
    calendar: options.calendar ?? alwaysOn,
    now: typeof options.now === 'number' ? minutes(options.now) : options.now,
  });
  expect(result.map((clock) => clock.metric)).toEqual(['ack', 'restore', 'resolve']);
  const [ack, restore, resolve] = result as [ComputedSlaClock, ComputedSlaClock, ComputedSlaClock];
  return { ack, restore, resolve };
}

describe('computeSlaClocks on a 24x7 calendar', () => {
  it('runs every clock from the opening, with due and warning times from the priority', () => {
    const { ack, restore, resolve } = clocks({ now: 10 });
    expect(ack).toEqual({
      metric: 'ack',
      state: 'running',
      targetMinutes: 60,
      dueAt: minutes(60),
      warnAt: minutes(45),
      elapsedMinutes: 10,
      pausedMinutes: 0,
      stoppedAt: null,
      breachedAt: null,
    });
    expect(restore.dueAt).toEqual(minutes(1440));
    expect(resolve.dueAt).toEqual(minutes(2880));
    expect(resolve.warnAt).toEqual(minutes(2160));
  });

  it('meets the ack clock when the incident leaves new, keeping the due time it had', () => {
    const { ack, restore } = clocks({ events: [status(20, 'acknowledged')], now: 500 });
    expect(ack).toMatchObject({
      state: 'met',
      elapsedMinutes: 20,
      stoppedAt: minutes(20),
      dueAt: minutes(60),
    });
    expect(restore).toMatchObject({ state: 'running', elapsedMinutes: 500 });
  });

  it('breaches at the due time and keeps running toward its stop', () => {
    const running = clocks({ now: 90 }).ack;
    expect(running).toMatchObject({ state: 'breached', breachedAt: minutes(60), dueAt: minutes(60) });
    expect(running).toMatchObject({ elapsedMinutes: 90, stoppedAt: null, warnAt: minutes(45) });
    const stopped = clocks({ events: [status(100, 'acknowledged')], now: 200 }).ack;
    expect(stopped).toMatchObject({ state: 'breached', breachedAt: minutes(60), stoppedAt: minutes(100) });
  });

  it('meets a clock stopped exactly at its target', () => {
    expect(clocks({ events: [status(60, 'acknowledged')], now: 61 }).ack.state).toBe('met');
  });

  it('stops restore at mitigated and resolve at resolved', () => {
    const events = [
      status(5, 'acknowledged'),
      status(10, 'in_progress'),
      status(200, 'mitigated'),
      status(900, 'resolved'),
    ];
    const { restore, resolve } = clocks({ events, now: 3000 });
    expect(restore).toMatchObject({ state: 'met', elapsedMinutes: 200, stoppedAt: minutes(200) });
    expect(resolve).toMatchObject({ state: 'met', elapsedMinutes: 900, stoppedAt: minutes(900) });
  });

  it('stops restore at resolved when there was no workaround', () => {
    const events = [status(5, 'acknowledged'), status(10, 'in_progress'), status(300, 'resolved')];
    expect(clocks({ events, now: 400 }).restore).toMatchObject({ state: 'met', stoppedAt: minutes(300) });
  });

  it('pauses only while pending, moving the due time by the pause', () => {
    const events = [status(10, 'acknowledged'), status(20, 'in_progress'), status(100, 'pending')];
    const paused = clocks({ events, now: 200 });
    expect(paused.restore).toMatchObject({ state: 'paused', elapsedMinutes: 100, pausedMinutes: 100 });
    expect(paused.restore.dueAt).toBeNull();
    expect(paused.restore.warnAt).toBeNull();
    expect(paused.ack).toMatchObject({ state: 'met', pausedMinutes: 0 });

    const resumed = clocks({ events: [...events, status(400, 'in_progress')], now: 500 });
    expect(resumed.restore).toMatchObject({
      state: 'running',
      elapsedMinutes: 200,
      pausedMinutes: 300,
      dueAt: minutes(1440 + 300),
      warnAt: minutes(1080 + 300),
    });
    expect(resumed.resolve.dueAt).toEqual(minutes(2880 + 300));

    const mitigated = clocks({
      events: [...events, status(400, 'in_progress'), status(1000, 'mitigated')],
      now: 1100,
    });
    expect(mitigated.restore).toMatchObject({ state: 'met', elapsedMinutes: 700, pausedMinutes: 300 });
  });

  it('does not restart a met restore clock when the incident waits after mitigation', () => {
    const events = [
      status(5, 'acknowledged'),
      status(10, 'in_progress'),
      status(60, 'mitigated'),
      status(70, 'pending'),
    ];
    const { restore, resolve } = clocks({ events, now: 100 });
    expect(restore).toMatchObject({
      state: 'met',
      stoppedAt: minutes(60),
      elapsedMinutes: 60,
      pausedMinutes: 0,
    });
    expect(resolve).toMatchObject({ state: 'paused', elapsedMinutes: 70, pausedMinutes: 30 });
  });

  it('restarts restore when a failed workaround sends the incident back to work', () => {
    const events = [
      status(5, 'acknowledged'),
      status(10, 'in_progress'),
      status(60, 'mitigated'),
      status(100, 'in_progress'),
    ];
    const { restore } = clocks({ events, now: 150 });
    expect(restore).toMatchObject({
      state: 'running',
      elapsedMinutes: 110,
      stoppedAt: null,
      dueAt: minutes(1440 + 40),
    });
  });

  it('does not count a pause on a clock that has already breached, and keeps its breach', () => {
    const events = [status(70, 'acknowledged'), status(75, 'in_progress'), status(80, 'pending')];
    const { ack } = clocks({ events, now: 300 });
    expect(ack).toMatchObject({
      state: 'breached',
      breachedAt: minutes(60),
      stoppedAt: minutes(70),
      pausedMinutes: 0,
    });
  });
});

describe('priority changes', () => {
  it('re-targets a running clock from the same start when raised before the due time', () => {
    const { ack, resolve } = clocks({ events: [priority(5, 'P1')], now: 10 });
    expect(ack).toMatchObject({
      state: 'running',
      targetMinutes: 15,
      dueAt: minutes(15),
      warnAt: minutes(11.25),
    });
    expect(resolve).toMatchObject({ targetMinutes: 480, dueAt: minutes(480) });
  });

  it('breaches at the change when the raised target is already exceeded, never earlier', () => {
    const { ack, restore } = clocks({ events: [priority(30, 'P1')], now: 40 });
    expect(ack).toMatchObject({
      state: 'breached',
      targetMinutes: 15,
      dueAt: minutes(30),
      breachedAt: minutes(30),
    });
    expect(ack.warnAt).toEqual(minutes(30));
    expect(restore).toMatchObject({ state: 'running', targetMinutes: 240, dueAt: minutes(240) });
  });

  it('breaches a paused clock at the change when the raised target is already exceeded', () => {
    const events = [
      status(5, 'acknowledged'),
      status(10, 'in_progress'),
      status(100, 'pending'),
      priority(150, 'P0'),
    ];
    const { restore } = clocks({ events, now: 200 });
    expect(restore).toMatchObject({
      state: 'breached',
      targetMinutes: 60,
      breachedAt: minutes(150),
      dueAt: minutes(150),
    });
    expect(restore).toMatchObject({ elapsedMinutes: 100, pausedMinutes: 100, stoppedAt: null });
  });

  it('gives more time when lowered before the due time, and withdraws a warning that no longer applies', () => {
    const { ack } = clocks({ initialPriority: 'P1', events: [priority(12, 'P3')], now: 40 });
    expect(ack).toMatchObject({
      state: 'running',
      targetMinutes: 60,
      dueAt: minutes(60),
      warnAt: minutes(45),
    });
    const acknowledged = clocks({
      initialPriority: 'P1',
      events: [priority(12, 'P3'), status(40, 'acknowledged')],
      now: 50,
    });
    expect(acknowledged.ack.state).toBe('met');
  });

  it('never rewrites a due time already passed: lowered or raised after the breach, the clock stays breached', () => {
    for (const later of ['P4', 'P0'] as const) {
      const { ack } = clocks({ events: [priority(90, later)], now: 120 });
      expect(ack).toMatchObject({
        state: 'breached',
        targetMinutes: 60,
        dueAt: minutes(60),
        breachedAt: minutes(60),
      });
    }
  });

  it('keeps the verdict of a met clock, and re-targets clocks still counting', () => {
    const { ack, restore } = clocks({ events: [status(50, 'acknowledged'), priority(55, 'P1')], now: 60 });
    expect(ack).toMatchObject({ state: 'met', targetMinutes: 60 });
    expect(restore).toMatchObject({ state: 'running', targetMinutes: 240, dueAt: minutes(240) });
  });

  it('re-targets a paused clock, whose due time appears again on resume', () => {
    const events = [
      status(5, 'acknowledged'),
      status(10, 'in_progress'),
      status(20, 'pending'),
      priority(30, 'P2'),
    ];
    expect(clocks({ events, now: 40 }).restore).toMatchObject({
      state: 'paused',
      targetMinutes: 480,
      dueAt: null,
    });
    const resumed = clocks({ events: [...events, status(50, 'in_progress')], now: 60 });
    expect(resumed.restore).toMatchObject({ state: 'running', dueAt: minutes(480 + 30), pausedMinutes: 30 });
  });
});

describe('reopening', () => {
  const lifecycle = [
    status(5, 'acknowledged'),
    status(10, 'in_progress'),
    status(600, 'mitigated'),
    status(2000, 'resolved'),
  ];

  it('resumes restore and resolve without counting the time spent resolved', () => {
    const { ack, restore, resolve } = clocks({ events: [...lifecycle, status(5000, 'reopened')], now: 5500 });
    expect(ack).toMatchObject({ state: 'met', stoppedAt: minutes(5) });
    expect(restore).toMatchObject({
      state: 'running',
      elapsedMinutes: 1100,
      stoppedAt: null,
      dueAt: minutes(5840),
    });
    expect(resolve).toMatchObject({
      state: 'running',
      elapsedMinutes: 2500,
      stoppedAt: null,
      dueAt: minutes(5880),
    });
  });

  it('breaches a met clock that crosses its target after reopening', () => {
    const { restore, resolve } = clocks({ events: [...lifecycle, status(5000, 'reopened')], now: 6000 });
    expect(restore).toMatchObject({ state: 'breached', breachedAt: minutes(5840) });
    expect(resolve).toMatchObject({ state: 'breached', breachedAt: minutes(5880) });
  });

  it('meets again when resolved again within the target', () => {
    const events = [
      ...lifecycle,
      status(5000, 'reopened'),
      status(5100, 'mitigated'),
      status(5200, 'resolved'),
    ];
    const { restore, resolve } = clocks({ events, now: 9000 });
    expect(restore).toMatchObject({ state: 'met', elapsedMinutes: 700, stoppedAt: minutes(5100) });
    expect(resolve).toMatchObject({ state: 'met', elapsedMinutes: 2200, stoppedAt: minutes(5200) });
  });
});

describe('cancellation and closure', () => {
  it('stops every clock at the cancellation; a clock not yet due is reported met', () => {
    const { ack, restore, resolve } = clocks({ events: [status(30, 'cancelled')], now: 5000 });
    for (const clock of [ack, restore, resolve]) {
      expect(clock).toMatchObject({
        state: 'met',
        stoppedAt: minutes(30),
        elapsedMinutes: 30,
        breachedAt: null,
      });
    }
  });

  it('keeps a breach that happened before the cancellation', () => {
    const { ack, restore } = clocks({ events: [status(90, 'cancelled')], now: 5000 });
    expect(ack).toMatchObject({ state: 'breached', breachedAt: minutes(60), stoppedAt: minutes(90) });
    expect(restore).toMatchObject({ state: 'met', stoppedAt: minutes(90) });
  });

  it('ignores anything after cancellation or closure', () => {
    const cancelled = clocks({ events: [status(30, 'cancelled'), status(40, 'in_progress')], now: 5000 });
    expect(cancelled.resolve).toMatchObject({ state: 'met', stoppedAt: minutes(30) });
    const events = [
      status(5, 'acknowledged'),
      status(10, 'in_progress'),
      status(100, 'resolved'),
      status(200, 'closed'),
    ];
    const closed = clocks({ events: [...events, status(300, 'reopened')], now: 9000 });
    expect(closed.resolve).toMatchObject({ state: 'met', stoppedAt: minutes(100), elapsedMinutes: 100 });
  });
});

describe('business-hours calendar', () => {
  it('starts counting at the next opening when the incident is opened out of hours', () => {
    // Saturday 21 November 10:00 in Paris.
    const saturday = new Date('2026-11-21T09:00:00Z');
    const weekend = clocks({
      openedAt: saturday,
      calendar: officeHours,
      now: new Date('2026-11-21T11:00:00Z'),
    });
    expect(weekend.ack).toMatchObject({ state: 'running', elapsedMinutes: 0 });
    // Due at Monday 09:00 local, warned at 08:45.
    expect(weekend.ack.dueAt).toEqual(new Date('2026-11-23T08:00:00Z'));
    expect(weekend.ack.warnAt).toEqual(new Date('2026-11-23T07:45:00Z'));
    const monday = clocks({
      openedAt: saturday,
      calendar: officeHours,
      now: new Date('2026-11-23T07:10:00Z'),
    });
    expect(monday.ack).toMatchObject({ state: 'running', elapsedMinutes: 10 });
  });

  it('breaches at a due time in service hours, skipping a holiday', () => {
    // Tuesday 10 November 17:30: ack target 60 min → Thursday 12 November 08:30 (the 11th is a holiday).
    const openedAt = new Date('2026-11-10T16:30:00Z');
    const { ack } = clocks({ openedAt, calendar: officeHours, now: new Date('2026-11-12T08:00:00Z') });
    expect(ack).toMatchObject({
      state: 'breached',
      breachedAt: new Date('2026-11-12T07:30:00Z'),
      elapsedMinutes: 90,
    });
  });

  it('counts a pause over the weekend in service minutes only', () => {
    // Opened Friday 20 November 17:00, pending from 17:30 to Monday 09:00.
    const openedAt = new Date('2026-11-20T16:00:00Z');
    const at = (iso: string) => new Date(iso);
    const events: ClockEvent[] = [
      { at: at('2026-11-20T16:10:00Z'), kind: 'status', status: 'acknowledged' },
      { at: at('2026-11-20T16:20:00Z'), kind: 'status', status: 'in_progress' },
      { at: at('2026-11-20T16:30:00Z'), kind: 'status', status: 'pending' },
      { at: at('2026-11-23T08:00:00Z'), kind: 'status', status: 'in_progress' },
    ];
    const { restore } = clocks({ openedAt, calendar: officeHours, events, now: at('2026-11-23T09:00:00Z') });
    expect(restore).toMatchObject({ state: 'running', elapsedMinutes: 90, pausedMinutes: 90 });
    // 1410 min left from Monday 09:00 local: 540 on Monday, 600 on Tuesday, 270 on Wednesday → 12:30 local.
    expect(restore.dueAt).toEqual(at('2026-11-25T11:30:00Z'));
  });

  it('counts across a DST change in the real time of the service windows', () => {
    const nights = createServiceCalendar({
      timeZone: 'Europe/Paris',
      serviceHours: 'business_hours',
      businessHours: { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '06:00' },
      holidays: [],
    });
    // Opened at 00:00 CEST on 25 October; P2 restore 480 min: 420 that night, 60 the next (00:00 → 01:00 CET).
    const openedAt = new Date('2026-10-24T22:00:00Z');
    const { restore } = clocks({ openedAt, initialPriority: 'P2', calendar: nights, now: openedAt });
    expect(restore.dueAt).toEqual(new Date('2026-10-26T00:00:00Z'));
    const later = clocks({
      openedAt,
      initialPriority: 'P2',
      calendar: nights,
      now: new Date('2026-10-26T12:00:00Z'),
    });
    expect(later.restore).toMatchObject({ state: 'breached', breachedAt: new Date('2026-10-26T00:00:00Z') });
    expect(later.restore.elapsedMinutes).toBe(420 + 360);
  });
});

describe('met clocks through later events', () => {
  const dueTimes = (clock: ComputedSlaClock) => ({ dueAt: clock.dueAt, warnAt: clock.warnAt });

  it('keeps the due and warning times a met clock had, through later events and a resolution, until a reopening (24x7)', () => {
    const lifecycle = [
      status(20, 'acknowledged'),
      status(300, 'in_progress'),
      priority(350, 'P4'),
      status(400, 'mitigated'),
      status(1000, 'pending'),
      status(1200, 'mitigated'),
      status(2500, 'resolved'),
    ];
    // After every later event the met clocks say what they said when they stopped.
    for (let count = 1; count <= lifecycle.length; count++) {
      const events = lifecycle.slice(0, count);
      const { ack } = clocks({ events, now: 3500 });
      expect(ack).toMatchObject({ state: 'met', dueAt: minutes(60), warnAt: minutes(45) });
      if (count >= 4) {
        // P4 from +350: restore target 2880, met at +400 with 400 elapsed.
        const { restore } = clocks({ events, now: 3500 });
        expect(restore).toMatchObject({ state: 'met', dueAt: minutes(2880), warnAt: minutes(2160) });
      }
    }
    const resolved = clocks({ events: lifecycle, now: 5900 });
    // Resolve paused 200 min while pending: P4 target 5760, 4320 for the warning, moved by the pause.
    expect(resolved.resolve).toMatchObject({
      state: 'met',
      elapsedMinutes: 2300,
      dueAt: minutes(5960),
      warnAt: minutes(4520),
    });
    expect(dueTimes(clocks({ events: lifecycle, now: 2500 }).resolve)).toEqual(dueTimes(resolved.resolve));

    // Reopening re-anchors restore and resolve at the reopening; ack stays met with its old times.
    const reopened = clocks({ events: [...lifecycle, status(6000, 'reopened')], now: 6100 });
    expect(reopened.ack).toMatchObject({ state: 'met', dueAt: minutes(60), warnAt: minutes(45) });
    expect(reopened.restore).toMatchObject({ state: 'running', dueAt: minutes(6000 + 2880 - 400) });
    expect(reopened.resolve).toMatchObject({ state: 'running', dueAt: minutes(6000 + 5760 - 2300) });
  });

  it('keeps the due and warning times a met clock had on a business-hours calendar, until a reopening', () => {
    // Opened Monday 23 November 10:00 in Paris (service 08:00–18:00, Monday to Friday).
    const at = (iso: string, value: IncidentStatus): ClockEvent => ({
      at: new Date(iso),
      kind: 'status',
      status: value,
    });
    const lifecycle: ClockEvent[] = [
      at('2026-11-23T09:20:00Z', 'acknowledged'),
      at('2026-11-23T14:00:00Z', 'in_progress'),
      at('2026-11-23T15:40:00Z', 'mitigated'),
      { at: new Date('2026-11-24T09:00:00Z'), kind: 'priority', priority: 'P4' },
      at('2026-11-25T10:00:00Z', 'pending'),
      at('2026-11-25T13:00:00Z', 'mitigated'),
      at('2026-11-26T09:00:00Z', 'resolved'),
    ];
    const stopped = (count: number, now: string) =>
      clocks({ events: lifecycle.slice(0, count), calendar: officeHours, now: new Date(now) });
    const atAck = stopped(1, '2026-11-23T09:20:00Z');
    const atRestore = stopped(3, '2026-11-23T15:40:00Z');
    // Ack due at 11:00 local, warned at 10:45; restore (1440 min, 400 used) due Wednesday 14:00 local.
    expect(dueTimes(atAck.ack)).toEqual({
      dueAt: new Date('2026-11-23T10:00:00Z'),
      warnAt: new Date('2026-11-23T09:45:00Z'),
    });
    expect(atRestore.restore).toMatchObject({ state: 'met', dueAt: new Date('2026-11-25T13:00:00Z') });
    for (let count = 2; count <= lifecycle.length; count++) {
      const later = stopped(count, '2026-11-27T12:00:00Z');
      expect(dueTimes(later.ack)).toEqual(dueTimes(atAck.ack));
      if (count >= 3) expect(dueTimes(later.restore)).toEqual(dueTimes(atRestore.restore));
    }
    const atResolve = stopped(lifecycle.length, '2026-11-26T09:00:00Z');
    expect(atResolve.resolve.state).toBe('met');
    expect(dueTimes(stopped(lifecycle.length, '2026-11-30T16:00:00Z').resolve)).toEqual(
      dueTimes(atResolve.resolve),
    );

    // Reopened Monday 30 November 09:00 local: restore (P4 now, 2880 min) has 2480 left → Friday 4 December 10:20 local.
    const reopened = clocks({
      events: [...lifecycle, at('2026-11-30T08:00:00Z', 'reopened')],
      calendar: officeHours,
      now: new Date('2026-11-30T09:00:00Z'),
    });
    expect(dueTimes(reopened.ack)).toEqual(dueTimes(atAck.ack));
    expect(reopened.restore).toMatchObject({ state: 'running', dueAt: new Date('2026-12-04T09:20:00Z') });
    expect(reopened.resolve.state).toBe('running');
  });
});

describe('recomputation', () => {
  it('gives the same due times whenever it runs, ignores events after now and sorts the timeline', () => {
    const events = [
      status(40, 'in_progress'),
      status(20, 'acknowledged'),
      status(100, 'pending'),
      status(50, 'pending'),
    ];
    const early = clocks({ events: events.slice(0, 2), now: 45 });
    const sameTimelineLater = clocks({ events, now: 45 });
    expect(sameTimelineLater).toEqual(early);
    expect(early.ack).toMatchObject({ state: 'met', stoppedAt: minutes(20) });
    expect(clocks({ events: events.slice(0, 2), now: 900 }).restore.dueAt).toEqual(early.restore.dueAt);
  });

  it('treats a now before the opening as the opening', () => {
    const { ack } = clocks({ now: -30 });
    expect(ack).toMatchObject({ state: 'running', elapsedMinutes: 0, dueAt: minutes(60) });
  });
});
