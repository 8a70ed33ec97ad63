import type { EntityManager } from '@mikro-orm/core';
import {
  openIncidentStatuses,
  type HandoverIncident,
  type HandoverRun,
  type HandoverSlaState,
  type HandoverSnapshot,
  type HandoverTask,
  type Incident as IncidentDto,
  type IncidentStatus,
} from '@vigie/shared';
import { incidentDtos } from '../incidents/incident-views.js';
import { Incident } from '../incidents/incident.entity.js';
import { toUserRef } from '../incidents/incident.mapper.js';
import { ProcedureRun } from '../runs/procedure-run.entity.js';
import { Handover } from './handover.entity.js';
import type { ShiftLogService } from './shift-log.service.js';

/** Where the draft's task sections come from (the recurring tasks' occurrences). */
export interface HandoverTaskSource {
  overdue(em: EntityManager, siteId: number, now: Date): Promise<HandoverTask[]>;
  upcoming(em: EntityManager, siteId: number, now: Date): Promise<HandoverTask[]>;
}

// Without an earlier handover, the shift is taken to have started this long ago.
const defaultShiftHours = 12;
const maxIncidents = 200;
const maxRuns = 200;

/** The shift of a site: from the last submitted handover (or 12 h ago) until now. */
export async function shiftStartOf(em: EntityManager, siteId: number, now: Date): Promise<Date> {
  const last = await em.findOne(
    Handover,
    { site: siteId },
    { orderBy: { id: 'desc' }, fields: ['submittedAt'] },
  );
  return last?.submittedAt ?? new Date(now.getTime() - defaultShiftHours * 3_600_000);
}

/** The handover draft's sections, generated from the live state at `now`. */
export async function buildSnapshot(
  em: EntityManager,
  siteId: number,
  shift: { start: Date; end: Date },
  log: ShiftLogService,
  tasks: HandoverTaskSource,
): Promise<HandoverSnapshot> {
  const incidents = await em.find(
    Incident,
    { site: siteId, status: { $in: [...openIncidentStatuses] as IncidentStatus[] } },
    { orderBy: { boardRank: 'asc', id: 'asc' }, limit: maxIncidents, filters: false },
  );
  const dtos = await incidentDtos(em, incidents);
  return {
    generatedAt: shift.end.toISOString(),
    openIncidents: dtos.map((dto) => toHandoverIncident(dto, shift.end)),
    runsInProgress: await runsInProgress(em, siteId),
    overdueTasks: await tasks.overdue(em, siteId, shift.end),
    upcomingTasks: await tasks.upcoming(em, siteId, shift.end),
    logEntries: await log.between(em, siteId, shift.start, shift.end),
  };
}

function toHandoverIncident(dto: IncidentDto, now: Date): HandoverIncident {
  return {
    id: dto.id,
    reference: dto.reference,
    title: dto.title,
    priority: dto.priority,
    status: dto.status,
    assignee: dto.assignee,
    slaState: slaStateOf(dto, now),
    nextDueAt: dto.nextDueAt,
  };
}

/** The worst state among the incident's clocks: breached, then warning (past 75 %), running, paused. */
export function slaStateOf(incident: Pick<IncidentDto, 'slaClocks'>, now: Date): HandoverSlaState {
  const clocks = incident.slaClocks;
  if (clocks.some((clock) => clock.state === 'breached')) return 'breached';
  const running = clocks.filter((clock) => clock.state === 'running');
  if (running.some((clock) => clock.warnAt !== null && new Date(clock.warnAt) <= now)) return 'warning';
  if (running.length > 0) return 'on_track';
  if (clocks.some((clock) => clock.state === 'paused')) return 'paused';
  return 'none';
}

/** The site's runs in progress (each run carries its site: its context's, or the one chosen for a free run). */
async function runsInProgress(em: EntityManager, siteId: number): Promise<HandoverRun[]> {
  const runs = await em.find(
    ProcedureRun,
    { state: 'in_progress', site: siteId },
    { populate: ['assignee'], orderBy: { id: 'asc' }, limit: maxRuns },
  );
  return runs.map((run) => ({
    id: run.id,
    procedureId: run.procedureId,
    contextLabel: run.contextLabel ?? null,
    startedAt: run.startedAt.toISOString(),
    assignee: toUserRef(run.assignee),
    progress: { signed: run.signedSteps, required: run.requiredSteps },
  }));
}
