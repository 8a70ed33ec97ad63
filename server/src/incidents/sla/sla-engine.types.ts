import type {
  BusinessHours,
  IncidentStatus,
  Priority,
  ServiceHours,
  SlaMetric,
  SlaPolicy,
} from '@vigie/shared';

/** What a contract's service calendar is made of, resolved for one incident's site. */
export interface ServiceCalendarSpec {
  /** IANA time zone of the site: business hours and holidays are local to it. */
  timeZone: string;
  serviceHours: ServiceHours;
  /** Null for 24x7. */
  businessHours: BusinessHours | null;
  /** Local dates (`YYYY-MM-DD`) on which a business-hours calendar does not run. Ignored for 24x7. */
  holidays: readonly string[];
}

/** Service time arithmetic over a calendar; every instant is a UTC `Date`. */
export interface ServiceCalendar {
  /** The instant at which `minutes` of service time have elapsed after `from` (`from` itself if 0). */
  addServiceMinutes(from: Date, minutes: number): Date;
  /** Service minutes within [from, to); 0 when `to <= from`. */
  serviceMinutesBetween(from: Date, to: Date): number;
}

/** The incident history the clocks are computed from, in time order. */
export type ClockEvent =
  { at: Date; kind: 'status'; status: IncidentStatus } | { at: Date; kind: 'priority'; priority: Priority };

export interface SlaComputationInput {
  openedAt: Date;
  /** Priority at opening; later changes come as `priority` events. */
  initialPriority: Priority;
  events: readonly ClockEvent[];
  policy: SlaPolicy;
  calendar: ServiceCalendar;
  now: Date;
}

/** A computed clock; the shared `SlaClock` is this with ISO strings. */
export interface ComputedSlaClock {
  metric: SlaMetric;
  state: 'running' | 'paused' | 'met' | 'breached';
  targetMinutes: number;
  dueAt: Date | null;
  warnAt: Date | null;
  elapsedMinutes: number;
  pausedMinutes: number;
  stoppedAt: Date | null;
  breachedAt: Date | null;
}
