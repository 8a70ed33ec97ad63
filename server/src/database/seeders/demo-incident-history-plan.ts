import {
  priorityFor,
  type CancellationReason,
  type IncidentOrigin,
  type IncidentTargetStatus,
  type PendingReason,
  type Priority,
  type ProcedureCategory,
  type ResolutionCode,
  type SlaMetric,
  type SlaPolicy,
  type SlaTarget,
} from '@vigie/shared';
import type { ServiceCalendar } from '../../incidents/sla/sla-engine.types.js';
import { instantOfLocalTime, isoWeekdayOfDay, localDayOf, msPerDay } from '../../incidents/sla/zoned-time.js';
import type { DemoDeviceRole } from './demo-device-catalogue.js';
import { IncidentTimeline, type DemoAuthor, type PlannedIncident } from './demo-incident-history-timeline.js';
import { majorIncidents, type MajorIncident } from './demo-incident-history-majors.js';
import {
  incidentScenarios,
  type IncidentScenario,
  type MatrixPriority,
  type ScenarioTarget,
} from './demo-incident-history-scenarios.js';
import type { SeededRandom } from './seeded-random.js';

/** The demo site as stored, read back after the inventory flush: what incidents can affect. */
export interface HistoryInventory {
  timeZone: string;
  tenants: readonly { id: number; code: string }[];
  rooms: readonly { id: number; name: string }[];
  racks: readonly { id: number; name: string; roomId: number; rowLabel: string; tenantId: number | null }[];
  devices: readonly {
    id: number;
    name: string;
    rackId: number;
    role: DemoDeviceRole;
    tenantId: number | null;
  }[];
}

/** The SLA policy and service calendar the clocks of an incident with these tenants count against. */
export interface SlaTerms {
  policy: SlaPolicy;
  calendar: ServiceCalendar;
}

export interface HistoryContext {
  inventory: HistoryInventory;
  /** As the server chooses them: the strictest contract in force for the priority, else the internal policy. */
  termsFor(tenantIds: readonly number[], priority: Priority): SlaTerms;
  /** Round the clock: how the on-call team works urgent incidents whatever the contract says. */
  wallClock: ServiceCalendar;
  /** The generator's reference time: the history ends here, the board's open incidents start from it. */
  now: Date;
  random: SeededRandom;
}

const historyDays = 365;

/** Where an incident stands: its equipment and derived tenants, and the names its texts use. */
interface Placement {
  roomId: number | null;
  rackIds: number[];
  deviceIds: number[];
  tenantIds: number[];
  target: ScenarioTarget;
}

/** What a lifecycle needs to know about an incident, whatever made it (scenario, major, board). */
interface Story {
  openedAt: Date;
  title: string;
  description: string;
  category: ProcedureCategory;
  origin: IncidentOrigin;
  priority: Priority;
  placement: Placement;
}

const pendingComments: Record<PendingReason, readonly string[]> = {
  client: [
    `En attente du créneau d'intervention du client.`,
    `Le client doit valider l'arrêt de l'équipement.`,
  ],
  vendor: [`Ticket ouvert chez le constructeur.`, `En attente du technicien du mainteneur.`],
  parts: [`Pièce commandée, livraison attendue.`, `Pièce en rupture chez le distributeur, commande passée.`],
  window: [`Intervention programmée sur la prochaine fenêtre de maintenance.`],
  access: [`En attente de l'autorisation d'accès du client.`],
};
const resumeComments: Record<PendingReason, string> = {
  client: `Créneau confirmé par le client.`,
  vendor: `Le mainteneur est sur site.`,
  parts: `Pièce reçue.`,
  window: `Fenêtre de maintenance ouverte.`,
  access: `Accès accordé.`,
};
/** Wall-clock minutes a wait lasts, [shortest, longest]. */
const pendingMinutes: Record<PendingReason, [number, number]> = {
  client: [120, 4_320],
  vendor: [240, 5_760],
  parts: [1_440, 7_200],
  window: [1_440, 10_080],
  access: [60, 1_440],
};
const workNotes: readonly string[] = [
  `Client prévenu par téléphone.`,
  `Diagnostic en cours, photos ajoutées au dossier.`,
  `Point fait avec l'astreinte du client.`,
  `Relève : situation transmise à l'équipe de nuit.`,
  `Mesures relevées, rien d'anormal sur les équipements voisins.`,
];
const reopenComments: readonly string[] = [
  `Le client signale que le problème est revenu.`,
  `Nouvelle alarme identique le lendemain : la correction n'a pas tenu.`,
];

const levels = [1, 2, 3] as const;
/** The impact × urgency pairs the default matrix turns into a priority (the demo contracts keep it). */
const triagePairs = (priority: MatrixPriority): (readonly [number, number])[] =>
  levels.flatMap((impact) =>
    levels
      .filter((urgency) => priorityFor(impact, urgency) === priority)
      .map((urgency) => [impact, urgency] as const),
  );

/** Chance that an incident of a priority misses one of its targets (a few percent overall). */
const breachChance: Record<Priority, number> = { P0: 0, P1: 0.12, P2: 0.07, P3: 0.05, P4: 0.04 };

const targetKey: Record<SlaMetric, keyof SlaTarget> = {
  ack: 'ackMinutes',
  restore: 'restoreMinutes',
  resolve: 'resolveMinutes',
};

function weighted<T>(random: SeededRandom, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let draw = random.next() * total;
  for (const [item, weight] of items) {
    draw -= weight;
    if (draw < 0) return item;
  }
  return items[items.length - 1]![0];
}

function between(random: SeededRandom, [low, high]: readonly [number, number]): number {
  return low + random.next() * (high - low);
}

/** Knuth's method: fine for the small daily rates here. */
function poisson(random: SeededRandom, mean: number): number {
  const limit = Math.exp(-mean);
  let count = 0;
  for (let product = random.next(); product > limit; product *= random.next()) count += 1;
  return count;
}

const unique = (ids: readonly (number | null)[]) =>
  [...new Set(ids.filter((id): id is number => id !== null))].sort((a, b) => a - b);

/** Minute of the local day an incident of this origin is opened: alarms any time, people in the day. */
function minuteOfDay(random: SeededRandom, origin: IncidentOrigin): number {
  switch (origin) {
    case 'monitoring':
      return random.int(0, 1439);
    case 'client': {
      const hour = weighted(random, [
        [8, 1],
        [9, 3],
        [10, 4],
        [11, 4],
        [12, 2],
        [13, 2],
        [14, 4],
        [15, 4],
        [16, 3],
        [17, 2],
        [18, 1],
      ]);
      return hour * 60 + random.int(0, 59);
    }
    case 'round':
      // Rounds start at 07:00, 15:00 and 23:00; findings come along the walk.
      return random.pick([7, 15, 23]) * 60 + random.int(10, 55);
    case 'staff':
      return random.int(8 * 60 + 30, 17 * 60 + 30);
  }
}

/** People open fewer incidents at weekends; alarms and rounds do not care (average 1 over a week). */
function weekFactor(origin: IncidentOrigin, weekday: number): number {
  const weekend = weekday >= 6;
  if (origin === 'client') return weekend ? 0.25 : 1.3;
  if (origin === 'staff') return weekend ? 0.125 : 1.35;
  return 1;
}

/** Summer heat: three to four times more cooling trouble in July than in January (average 1). */
function summerFactor(day: number): number {
  const dayOfYear = (day * msPerDay - Date.UTC(new Date(day * msPerDay).getUTCFullYear(), 0, 1)) / msPerDay;
  return 1 + 0.7 * Math.cos((2 * Math.PI * (dayOfYear - 196)) / 365.25);
}

/** Draws what scenario incidents affect, from the stored inventory. */
class Placer {
  private readonly roomName = new Map<number, string>();
  private readonly rackById = new Map<number, HistoryInventory['racks'][number]>();
  private readonly devicesByRole = new Map<DemoDeviceRole, HistoryInventory['devices'][number][]>();
  private readonly tenantRacks: HistoryInventory['racks'][number][];

  constructor(
    private readonly inventory: HistoryInventory,
    private readonly random: SeededRandom,
  ) {
    for (const room of inventory.rooms) this.roomName.set(room.id, room.name);
    for (const rack of inventory.racks) this.rackById.set(rack.id, rack);
    for (const device of inventory.devices) {
      const list = this.devicesByRole.get(device.role) ?? [];
      list.push(device);
      this.devicesByRole.set(device.role, list);
    }
    this.tenantRacks = inventory.racks.filter((rack) => rack.tenantId !== null);
  }

  place(scenario: IncidentScenario): Placement {
    const { scope } = scenario;
    switch (scope.kind) {
      case 'device':
        return this.device(this.random.pick(this.devicesByRole.get(this.random.pick(scope.roles)) ?? []));
      case 'rack':
        return this.rack(this.random.pick(this.tenantRacks));
      case 'row': {
        const room = this.random.pick(this.inventory.rooms);
        const rows = [...new Set(this.racksOf(room.id).map((rack) => rack.rowLabel))];
        const row = this.racksOf(room.id).filter((rack) => rack.rowLabel === this.random.pick(rows));
        const count = this.random.int(...scope.racks);
        const first = this.random.int(0, Math.max(0, row.length - count));
        return this.racks(room.id, row.slice(first, first + count));
      }
      case 'room': {
        const room = this.random.pick(this.inventory.rooms);
        return { roomId: room.id, rackIds: [], deviceIds: [], tenantIds: [], target: { room: room.name } };
      }
      case 'plant':
        return { roomId: null, rackIds: [], deviceIds: [], tenantIds: [], target: { room: 'PAR1' } };
    }
  }

  /** A major's equipment: whole rows of a room, or one device of a tenant. */
  placeMajor(major: MajorIncident): Placement {
    const { scope } = major;
    if (scope.kind === 'rows') {
      const room = this.inventory.rooms.find((candidate) => candidate.name === scope.room);
      if (!room) throw new Error(`no demo room ${scope.room}`);
      return this.racks(
        room.id,
        this.racksOf(room.id).filter((rack) => scope.rows.includes(rack.rowLabel)),
      );
    }
    return this.device(this.deviceOf(scope.tenant, scope.roles));
  }

  /** A device of one tenant with one of the roles, for hand-written incidents. */
  deviceOf(tenantCode: string, roles: readonly DemoDeviceRole[]): HistoryInventory['devices'][number] {
    const tenant = this.inventory.tenants.find((candidate) => candidate.code === tenantCode);
    const candidates = roles.flatMap((role) =>
      (this.devicesByRole.get(role) ?? []).filter((device) => device.tenantId === tenant?.id),
    );
    return this.random.pick(candidates);
  }

  device(device: HistoryInventory['devices'][number]): Placement {
    const rack = this.rackById.get(device.rackId)!;
    return {
      roomId: rack.roomId,
      rackIds: [],
      deviceIds: [device.id],
      tenantIds: unique([device.tenantId]),
      target: { room: this.roomName.get(rack.roomId)!, rack: rack.name, device: device.name },
    };
  }

  rack(rack: HistoryInventory['racks'][number]): Placement {
    return {
      ...this.racks(rack.roomId, [rack]),
      target: { room: this.roomName.get(rack.roomId)!, rack: rack.name },
    };
  }

  private racks(roomId: number, racks: readonly HistoryInventory['racks'][number][]): Placement {
    return {
      roomId,
      rackIds: racks.map((rack) => rack.id),
      deviceIds: [],
      tenantIds: unique(racks.map((rack) => rack.tenantId)),
      target: { room: this.roomName.get(roomId)!, rack: racks[0]?.name },
    };
  }

  private racksOf(roomId: number) {
    return this.inventory.racks.filter((rack) => rack.roomId === roomId);
  }
}

/** How one incident's life goes; the lifecycle writes it in time with the contract's clocks in mind. */
interface Course {
  pending?: { reason: PendingReason; minutes: number; beforeRestore: boolean; comment?: string };
  workaround: string | null;
  resolution: { code: ResolutionCode; solution: string; rootCause?: string };
  cancellation: { reason: CancellationReason; duplicateOf: PlannedIncident | null } | null;
  /** Service minutes from opening to each step, if fixed (majors); drawn from the targets otherwise. */
  restoreMinutes?: number;
  resolveMinutes?: number;
  notes: readonly string[];
  /** Impact or urgency reassessed after the first look. */
  reprioritise: boolean;
  reopen: boolean;
  /** Wall minutes from resolved to closed; null keeps it resolved. */
  closeAfter: number | null;
}

/** Plays one incident's lifecycle against its SLA terms, so that the clocks later computed land where the story wants. */
class Lifecycle {
  private readonly timeline: IncidentTimeline;
  private readonly terms: SlaTerms;
  private pausedMinutes = 0;
  private priority: Priority;
  private impact: number;
  private urgency: number;
  private readonly incident: PlannedIncident;

  constructor(
    private readonly context: HistoryContext,
    private readonly story: Story,
    private readonly course: Course,
    creator: DemoAuthor,
    private readonly breach: SlaMetric | null,
  ) {
    const { random } = context;
    this.terms = context.termsFor(story.placement.tenantIds, story.priority);
    this.priority = story.priority;
    [this.impact, this.urgency] = story.priority === 'P0' ? [1, 1] : random.pick(triagePairs(story.priority));
    // The on-call team works urgent incidents round the clock; the rest follows the contract's hours.
    const urgent = story.priority === 'P0' || story.priority === 'P1' || story.priority === 'P2';
    const working = urgent && !breach ? context.wallClock : this.terms.calendar;
    this.timeline = new IncidentTimeline(story.openedAt, working, context.now, creator);
    const { placement } = story;
    this.incident = {
      openedAt: story.openedAt,
      title: story.title,
      description: story.description,
      category: story.category,
      origin: story.origin,
      impact: this.impact,
      urgency: this.urgency,
      major: story.priority === 'P0',
      initialPriority: story.priority,
      priority: story.priority,
      status: 'new',
      pendingReason: null,
      resolutionCode: null,
      solution: null,
      cancellationReason: null,
      duplicateOf: null,
      roomId: placement.roomId,
      rackIds: placement.rackIds,
      deviceIds: placement.deviceIds,
      tenantIds: placement.tenantIds,
      assignee: null,
      createdBy: creator,
      workaround: null,
      rootCause: null,
      acknowledgedAt: null,
      mitigatedAt: null,
      resolvedAt: null,
      closedAt: null,
      cancelledAt: null,
      entries: this.timeline.entries,
    };
  }

  play(): PlannedIncident {
    const { random } = this.context;
    const { course } = this;
    const tl = this.timeline;
    const assignee: DemoAuthor = weighted(random, [
      ['technician', 15],
      ['coordinator', 4],
      ['admin', 1],
    ]);

    tl.work(this.ratio('ack', [0.03, 0.6], 2) * this.target('ack'));
    if (course.cancellation && random.chance(0.6)) return this.cancel(course.cancellation);
    this.step('acknowledged', 'coordinator');
    if (tl.status === 'acknowledged') this.incident.assignee = assignee;
    if (course.cancellation) return this.cancel(course.cancellation, 5);
    if (course.reprioritise) this.reprioritise();
    tl.wait(random.int(0, 15));
    this.step('in_progress', assignee);
    if (random.chance(0.35) || course.notes.length > 0) {
      tl.wait(random.int(5, 40));
      const notes = course.notes.length > 0 ? course.notes : [random.pick(workNotes)];
      for (const text of notes)
        tl.wait(random.int(5, 25)).note(random.chance(0.7) ? assignee : 'coordinator', text);
    }

    // Restore: pending first if the wait comes before the workaround, then work up to the restore goal.
    const restoreGoal =
      course.restoreMinutes ?? this.ratio('restore', [0.15, 0.85], 1.3) * this.target('restore');
    const { pending } = course;
    if (pending?.beforeRestore) {
      tl.work(Math.max(1, (restoreGoal - this.clockMinutes()) * random.next() * 0.6));
      this.wait(pending, assignee, 'in_progress');
    }
    tl.work(Math.max(1, restoreGoal - this.clockMinutes()));
    if (course.workaround) {
      this.step('mitigated', assignee, { workaround: course.workaround });
      if (tl.status === 'mitigated') this.incident.workaround = course.workaround;
      if (pending && !pending.beforeRestore) {
        tl.work(random.int(10, 60));
        this.wait(pending, assignee, 'mitigated');
      }
      const resolveGoal =
        course.resolveMinutes ??
        Math.max(restoreGoal + 30, this.ratio('resolve', [0.25, 0.85], 1) * this.target('resolve'));
      tl.work(Math.max(5, resolveGoal - this.clockMinutes()));
    }
    this.resolve(assignee);
    if (course.reopen) {
      tl.wait(random.int(120, 4_000));
      this.step('reopened', 'coordinator', { comment: random.pick(reopenComments) });
      tl.wait(random.int(10, 90));
      this.step('in_progress', assignee);
      tl.work(random.int(30, 240));
      this.resolve(assignee);
    }
    if (course.closeAfter !== null) {
      tl.wait(course.closeAfter);
      this.step('closed', 'coordinator', {
        comment: this.incident.tenantIds.length > 0 ? `Clôture après confirmation du client.` : undefined,
      });
    }
    return this.incident;
  }

  private resolve(author: DemoAuthor): void {
    const { resolution } = this.course;
    this.step('resolved', author, { resolutionCode: resolution.code, solution: resolution.solution });
    if (this.timeline.status === 'resolved') {
      this.incident.resolutionCode = resolution.code;
      this.incident.solution = resolution.solution;
      this.incident.rootCause = resolution.rootCause ?? null;
    }
  }

  private cancel(cancellation: NonNullable<Course['cancellation']>, afterMinutes = 0): PlannedIncident {
    this.timeline.wait(afterMinutes + this.context.random.int(2, 25));
    this.step('cancelled', 'coordinator', {
      cancellationReason: cancellation.reason,
      comment:
        cancellation.reason === 'duplicate'
          ? `Même alarme que l'incident déjà ouvert.`
          : `Levée de doute : fausse alarme.`,
    });
    if (this.timeline.status === 'cancelled') {
      this.incident.cancellationReason = cancellation.reason;
      this.incident.duplicateOf = cancellation.duplicateOf;
    }
    return this.incident;
  }

  /** A wait that pauses the clocks, then back to `back` (work, or the workaround in place). */
  private wait(
    pending: NonNullable<Course['pending']>,
    author: DemoAuthor,
    back: 'in_progress' | 'mitigated',
  ): void {
    const tl = this.timeline;
    const comment = pending.comment ?? this.context.random.pick(pendingComments[pending.reason]);
    this.step('pending', author, { pendingReason: pending.reason, comment });
    const from = tl.at;
    tl.wait(pending.minutes);
    this.pausedMinutes += this.terms.calendar.serviceMinutesBetween(from, tl.at);
    this.step(back, author, { comment: resumeComments[pending.reason] });
  }

  /** Impact or urgency reassessed after the first look: one priority up or down. */
  private reprioritise(): void {
    const { random } = this.context;
    const from = this.priority;
    const to: MatrixPriority | null =
      from === 'P4' || from === 'P2' ? 'P3' : from === 'P3' ? random.pick(['P2', 'P4'] as const) : null;
    if (!to) return;
    const [impact, urgency] = random.pick(triagePairs(to));
    const changes = [
      ...(impact !== this.impact ? [{ field: 'impact', from: this.impact, to: impact }] : []),
      ...(urgency !== this.urgency ? [{ field: 'urgency', from: this.urgency, to: urgency }] : []),
      { field: 'priority', from, to },
    ];
    this.timeline.wait(random.int(5, 30));
    if (!this.timeline.changePriority('coordinator', changes)) return;
    [this.priority, this.impact, this.urgency] = [to, impact, urgency];
    Object.assign(this.incident, { priority: to, impact, urgency });
  }

  private step(
    to: IncidentTargetStatus,
    author: DemoAuthor,
    details: Parameters<IncidentTimeline['move']>[2] = {},
  ): void {
    const tl = this.timeline;
    const cleaned = Object.fromEntries(
      Object.entries(details ?? {}).filter(([, value]) => value !== undefined),
    );
    tl.move(to, author, cleaned);
    if (tl.cutOff || tl.status !== to) return;
    const at = tl.at;
    const incident = this.incident;
    incident.status = to;
    incident.pendingReason = to === 'pending' ? (details?.pendingReason ?? null) : null;
    if (to === 'acknowledged') incident.acknowledgedAt = at;
    if (to === 'mitigated') incident.mitigatedAt ??= at;
    if (to === 'resolved') incident.resolvedAt = at;
    if (to === 'reopened')
      Object.assign(incident, { resolvedAt: null, resolutionCode: null, solution: null });
    if (to === 'closed') incident.closedAt = at;
    if (to === 'cancelled') incident.cancelledAt = at;
  }

  private target(metric: SlaMetric): number {
    return this.terms.policy[this.priority][targetKey[metric]];
  }

  /** Elapsed minutes of a running clock (restore or resolve) in the contract's calendar, pauses deducted. */
  private clockMinutes(): number {
    return (
      this.terms.calendar.serviceMinutesBetween(this.story.openedAt, this.timeline.at) - this.pausedMinutes
    );
  }

  /** Share of the target a step takes: skewed toward quick, past 100 % when this incident is to breach it. */
  private ratio(metric: SlaMetric, range: [number, number], skew: number): number {
    const { random } = this.context;
    if (this.breach === metric) return between(random, [1.08, 1.8]);
    return range[0] + (range[1] - range[0]) * random.next() ** skew;
  }
}

function plannedBreach(random: SeededRandom, priority: Priority, withWorkaround: boolean): SlaMetric | null {
  if (!random.chance(breachChance[priority])) return null;
  const metric = weighted<SlaMetric>(random, [
    ['ack', 25],
    ['restore', 40],
    ['resolve', 35],
  ]);
  // Without a workaround the incident is resolved when restored: the restore clock breaches first.
  return metric === 'resolve' && !withWorkaround ? 'restore' : metric;
}

function creatorFor(random: SeededRandom, origin: IncidentOrigin): DemoAuthor {
  if (origin === 'round') return 'technician';
  return random.chance(0.8) ? 'coordinator' : 'technician';
}

function scenarioCourse(random: SeededRandom, scenario: IncidentScenario, target: ScenarioTarget): Course {
  const workaround =
    scenario.workaround && random.chance(scenario.workaround.chance)
      ? random.pick(scenario.workaround.texts)(target)
      : null;
  let pending: Course['pending'];
  if (scenario.pending && random.chance(scenario.pending.chance)) {
    const reason = weighted(random, scenario.pending.reasons);
    // A wait after the workaround needs a workaround: without one it comes before the fix.
    const beforeRestore = workaround === null || random.chance(0.6);
    pending = { reason, minutes: between(random, pendingMinutes[reason]), beforeRestore };
  }
  const resolution = random.pick(scenario.resolutions);
  return {
    pending,
    workaround,
    resolution: { code: resolution.code, solution: resolution.solution(target) },
    cancellation:
      scenario.cancellation && random.chance(scenario.cancellation.chance)
        ? { reason: scenario.cancellation.reason, duplicateOf: null }
        : null,
    notes: [],
    reprioritise: random.chance(0.03),
    reopen: random.chance(0.025),
    closeAfter: random.int(24 * 60, 5 * 24 * 60),
  };
}

/** A year of scenario incidents, day by day, with the weekly and seasonal shapes. */
function planScenarioIncidents(context: HistoryContext, placer: Placer): PlannedIncident[] {
  const { random, inventory } = context;
  const today = localDayOf(inventory.timeZone, context.now.getTime());
  const incidents: PlannedIncident[] = [];
  for (let day = today - historyDays; day < today; day += 1) {
    const weekday = isoWeekdayOfDay(day);
    for (const scenario of incidentScenarios) {
      const originTotal = scenario.origins.reduce((sum, [, weight]) => sum + weight, 0);
      for (const [origin, weight] of scenario.origins) {
        const mean =
          (scenario.perYear / historyDays) *
          (weight / originTotal) *
          weekFactor(origin, weekday) *
          (scenario.summer ? summerFactor(day) : 1);
        for (let n = poisson(random, mean); n > 0; n -= 1) {
          const openedAt = new Date(instantOfLocalTime(inventory.timeZone, day, minuteOfDay(random, origin)));
          const placement = placer.place(scenario);
          const story: Story = {
            openedAt,
            title: random.pick(scenario.titles)(placement.target),
            description: scenario.description(placement.target),
            category: scenario.category,
            origin,
            priority: weighted(random, scenario.priorities),
            placement,
          };
          const course = scenarioCourse(random, scenario, placement.target);
          const breach = course.cancellation
            ? null
            : plannedBreach(random, story.priority, course.workaround !== null);
          const incident = new Lifecycle(context, story, course, creatorFor(random, origin), breach).play();
          incidents.push(incident);
          // Monitoring sometimes raises the same alarm twice; the second one is cancelled as a duplicate.
          if (origin === 'monitoring' && random.chance(0.02)) {
            const twin: Story = {
              ...story,
              openedAt: new Date(openedAt.getTime() + random.int(2, 20) * 60_000),
            };
            incidents.push(
              new Lifecycle(
                context,
                twin,
                {
                  ...course,
                  pending: undefined,
                  cancellation: { reason: 'duplicate', duplicateOf: incident },
                },
                'coordinator',
                null,
              ).play(),
            );
          }
        }
      }
    }
  }
  return incidents;
}

function planMajors(context: HistoryContext, placer: Placer): PlannedIncident[] {
  const { random, inventory } = context;
  const today = localDayOf(inventory.timeZone, context.now.getTime());
  return majorIncidents.map((major) => {
    const placement = placer.placeMajor(major);
    const openedAt = new Date(
      instantOfLocalTime(inventory.timeZone, today - major.daysAgo, random.int(0, 1439)),
    );
    const story: Story = {
      openedAt,
      title: major.title,
      description: major.description,
      category: major.category,
      origin: 'monitoring',
      priority: 'P0',
      placement,
    };
    const course: Course = {
      pending: major.pending && { ...major.pending, beforeRestore: false },
      workaround: major.workaround,
      resolution: { code: major.resolutionCode, solution: major.solution, rootCause: major.rootCause },
      cancellation: null,
      restoreMinutes: major.restoreMinutes,
      resolveMinutes: major.resolveMinutes,
      notes: major.notes,
      reprioritise: false,
      reopen: false,
      closeAfter: random.int(3 * 24 * 60, 10 * 24 * 60),
    };
    return new Lifecycle(context, story, course, 'coordinator', null).play();
  });
}

/** Open incidents on the board right now: fresh ones, one close to its warning, one breached, waiting ones. */
function planBoard(context: HistoryContext, placer: Placer): PlannedIncident[] {
  const { random, now } = context;
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const open = (
    minutes: number,
    tenant: string,
    roles: DemoDeviceRole[],
    priority: MatrixPriority,
    title: (target: ScenarioTarget) => string,
    category: ProcedureCategory,
    origin: IncidentOrigin,
    course: Partial<Course>,
  ): PlannedIncident => {
    const placement = placer.device(placer.deviceOf(tenant, roles));
    const story: Story = {
      openedAt: minutesAgo(minutes),
      title: title(placement.target),
      description: `Incident en cours sur ${placement.target.device ?? ''} (baie ${placement.target.rack ?? ''}).`,
      category,
      origin,
      priority,
      placement,
    };
    const full: Course = {
      workaround: null,
      resolution: { code: 'repaired', solution: '' },
      cancellation: null,
      notes: [],
      reprioritise: false,
      reopen: false,
      closeAfter: null,
      ...course,
    };
    return new Lifecycle(context, story, full, 'coordinator', null).play();
  };
  // Each story runs past "now" on purpose: the lifecycle stops where the incident stands at this instant.
  const never = 1_000_000;
  return [
    open(
      4,
      'NOVA',
      ['tor-switch', 'router'],
      'P2',
      (t) => `Lien montant down sur ${t.device}`,
      'network',
      'monitoring',
      {
        restoreMinutes: never,
      },
    ),
    open(
      11,
      'KORE',
      ['server'],
      'P3',
      (t) => `Remote hands : redémarrage électrique de ${t.device}`,
      'client-request',
      'client',
      {
        restoreMinutes: never,
      },
    ),
    open(38, 'ATLAS', ['server'], 'P4', (t) => `LED ambre disque, ${t.device}`, 'hardware', 'round', {
      restoreMinutes: never,
    }),
    // P2 restore target 480 min on a 24x7 contract: about 72 % elapsed, the warning comes within the half hour.
    open(345, 'KORE', ['server'], 'P2', (t) => `Serveur ${t.device} injoignable`, 'hardware', 'client', {
      restoreMinutes: never,
      notes: [`Diagnostic en cours avec l'astreinte du client.`],
    }),
    // P1 restore target 240 min: breached about 50 minutes ago, still being worked.
    open(
      290,
      'ATLAS',
      ['storage'],
      'P1',
      (t) => `Baie de stockage ${t.device} : volumes dégradés`,
      'hardware',
      'monitoring',
      {
        restoreMinutes: never,
        notes: [`Constructeur prévenu, intervention sur site demandée.`],
      },
    ),
    open(
      26 * 60,
      'NOVA',
      ['server'],
      'P3',
      (t) => `Disque en défaut sur ${t.device}`,
      'hardware',
      'monitoring',
      {
        pending: { reason: 'parts', minutes: never, beforeRestore: true, comment: pendingComments.parts[0] },
        restoreMinutes: 90 + random.int(0, 60),
      },
    ),
    open(
      9 * 60,
      'KORE',
      ['tor-switch'],
      'P2',
      (t) => `Port en flapping sur ${t.device}`,
      'network',
      'monitoring',
      {
        workaround: `Trafic basculé sur le second lien en attendant le remplacement de l'optique.`,
        restoreMinutes: 70,
        resolveMinutes: never,
      },
    ),
  ];
}

/**
 * The demo's incident history: a year of incidents before `now` and the ones open at `now`, in
 * opening order. Deterministic for a given inventory, seed and reference time.
 */
export function planIncidentHistory(context: HistoryContext): PlannedIncident[] {
  const placer = new Placer(context.inventory, context.random);
  const incidents = [
    ...planScenarioIncidents(context, placer),
    ...planMajors(context, placer),
    ...planBoard(context, placer),
  ];
  // Stable sort: a duplicate opened in the same minute stays after its original.
  return incidents.sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
}
