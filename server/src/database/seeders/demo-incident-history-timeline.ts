import {
  canTransition,
  type CancellationReason,
  type IncidentOrigin,
  type IncidentStatus,
  type PendingReason,
  type Priority,
  type ProcedureCategory,
  type ResolutionCode,
  type TimelineEntryKind,
  type TimelineEntryOf,
} from '@vigie/shared';
import type { ServiceCalendar } from '../../incidents/sla/sla-engine.types.js';

/** Who does what in the demo: usernames of the demo users. */
export type DemoAuthor = 'admin' | 'coordinator' | 'technician';

/** A timeline line before it is stored: author by username, `duplicateOfId` filled at insertion. */
export type PlannedEntry = {
  [K in TimelineEntryKind]: {
    kind: K;
    at: Date;
    author: DemoAuthor | null;
    details: TimelineEntryOf<K>['details'];
  };
}[TimelineEntryKind];

/** Everything the demo decides about one incident; ids are the inventory's, people are usernames. */
export interface PlannedIncident {
  openedAt: Date;
  title: string;
  description: string;
  category: ProcedureCategory | null;
  origin: IncidentOrigin;
  impact: number;
  urgency: number;
  major: boolean;
  /** Priority at opening (clocks start from it); `priority` is the current one. */
  initialPriority: Priority;
  priority: Priority;
  status: IncidentStatus;
  pendingReason: PendingReason | null;
  resolutionCode: ResolutionCode | null;
  solution: string | null;
  cancellationReason: CancellationReason | null;
  /** The incident this one duplicates (cancelled as duplicate). */
  duplicateOf: PlannedIncident | null;
  roomId: number | null;
  rackIds: number[];
  deviceIds: number[];
  /** Tenants of the affected racks and devices, as the server derives them. */
  tenantIds: number[];
  assignee: DemoAuthor | null;
  createdBy: DemoAuthor;
  workaround: string | null;
  rootCause: string | null;
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  cancelledAt: Date | null;
  entries: PlannedEntry[];
}

const msPerMinute = 60_000;
const toSecond = (ms: number) => Math.ceil(ms / 1000) * 1000;

type TransitionDetails = Omit<TimelineEntryOf<'transition'>['details'], 'from' | 'to'>;

/**
 * Writes one incident's life forward in time. `work` advances by service minutes of the calendar
 * the team works to for this incident; `wait` by wall-clock minutes (a vendor, a part, a client).
 * Nothing is recorded after `until` (the demo's "now"): the incident stays where it stood then.
 */
export class IncidentTimeline {
  readonly entries: PlannedEntry[] = [];
  status: IncidentStatus = 'new';
  private cursor: number;
  private closed = false;

  constructor(
    readonly openedAt: Date,
    private readonly working: ServiceCalendar,
    private readonly until: Date,
    createdBy: DemoAuthor,
  ) {
    this.cursor = openedAt.getTime();
    this.entries.push({
      kind: 'transition',
      at: openedAt,
      author: createdBy,
      details: { from: null, to: 'new' },
    });
  }

  get at(): Date {
    return new Date(this.cursor);
  }

  /** True once the story has run past `until`: later steps are dropped. */
  get cutOff(): boolean {
    return this.closed;
  }

  // Times are kept to the second, as people and monitoring report them.
  work(serviceMinutes: number): this {
    if (serviceMinutes > 0)
      this.cursor = toSecond(this.working.addServiceMinutes(this.at, serviceMinutes).getTime());
    return this;
  }

  wait(wallMinutes: number): this {
    this.cursor += Math.max(0, toSecond(wallMinutes * msPerMinute));
    return this;
  }

  /** Moves to a status; throws on a move the lifecycle forbids, so the demo can never store one. */
  move(to: IncidentStatus, author: DemoAuthor | null, details: TransitionDetails = {}): this {
    if (this.closed) return this;
    if (!canTransition(this.status, to))
      throw new Error(`demo incident cannot go from ${this.status} to ${to}`);
    if (
      this.record({ kind: 'transition', at: this.at, author, details: { from: this.status, to, ...details } })
    )
      this.status = to;
    return this;
  }

  note(author: DemoAuthor, text: string): this {
    this.record({ kind: 'note', at: this.at, author, details: { text } });
    return this;
  }

  changePriority(
    author: DemoAuthor,
    changes: TimelineEntryOf<'field_change'>['details']['changes'],
  ): boolean {
    return this.record({ kind: 'field_change', at: this.at, author, details: { changes } });
  }

  private record(entry: PlannedEntry): boolean {
    if (this.closed || entry.at.getTime() > this.until.getTime()) {
      this.closed = true;
      return false;
    }
    this.entries.push(entry);
    return true;
  }
}
