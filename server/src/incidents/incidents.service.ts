import { EntityManager, OptimisticLockError } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import {
  can,
  type CreateIncident,
  type CreateIncidentNote,
  type Incident as IncidentDto,
  incidentTransitionSchema,
  type IncidentTransition,
  type IncidentTransitionTarget,
  type TimelineEntry,
  type UpdateIncident,
} from '@vigie/shared';
import { User } from '../auth/user.entity.js';
import { DomainError, notFound, staleVersion } from '../common/domain-error.js';
import { fieldErrorsOf } from '../common/error-body.js';
import type { Actor } from '../common/request-context.js';
import { Writer, type WriteContext } from '../database/writer.js';
import { changedFields, displayedFields } from './incident-changes.js';
import { contractsInForce, priorityUnder } from './incident-contracts.js';
import { loadTenants, resolveEquipment, tenantIdsOfEquipment } from './incident-equipment.js';
import { announceIncident, announceNote } from './incident-announcer.js';
import { assignableUser } from './incident-assignee.js';
import { IncidentSlaService } from './incident-sla.service.js';
import { applyTransition, checkTransition } from './incident-transition-effects.js';
import { IncidentTimelineEntry } from './incident-timeline-entry.entity.js';
import { Incident } from './incident.entity.js';
import { toTimelineEntryDto } from './incident.mapper.js';
import { incidentDto } from './incident-views.js';
import { sourceRunOf } from './incident-source-run.js';

/** Who acts and when: the request's user now, or (demo history, bulk loads) a given user at a given time. */
export interface IncidentWriteOptions {
  by: Actor | null;
  at?: Date;
}

/** What a write inside a transaction produced, for the caller to announce. */
export interface IncidentWriteResult {
  before: IncidentDto | null;
  after: IncidentDto;
}

const writePopulate = ['site', 'room', 'racks', 'devices', 'tenants', 'assignee'] as const;

/**
 * The incident rules: lifecycle, required fields, priority, affected equipment and tenants, the
 * timeline and the SLA clocks. Public methods run one write each and announce it; the `…In`
 * methods work inside a caller's transaction (bulk loads) and announce nothing.
 */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly writer: Writer,
    private readonly sla: IncidentSlaService,
  ) {}

  create(input: CreateIncident, actor: Actor): Promise<IncidentDto> {
    return this.writer.run(async (tx) => {
      const { after } = await this.createIn(tx, input, { by: actor });
      announceIncident(tx, 'incident.created', after, []);
      return after;
    });
  }

  update(id: number, change: UpdateIncident, actor: Actor): Promise<IncidentDto> {
    return this.concurrently(id, () =>
      this.writer.run(async (tx) => {
        const { before, after } = await this.updateIn(tx, id, change, { by: actor });
        if (before && before.version !== after.version)
          announceIncident(tx, 'incident.updated', after, before.tenants);
        return after;
      }),
    );
  }

  transition(id: number, change: IncidentTransitionTarget, actor: Actor): Promise<IncidentDto> {
    return this.concurrently(id, () =>
      this.writer.run(async (tx) => {
        const { before, after } = await this.transitionIn(tx, id, change, { by: actor });
        announceIncident(tx, 'incident.updated', after, before?.tenants ?? []);
        return after;
      }),
    );
  }

  addNote(id: number, note: CreateIncidentNote, actor: Actor): Promise<TimelineEntry> {
    return this.writer.run(async (tx) => {
      const { entry, incident } = await this.addNoteIn(tx, id, note, { by: actor });
      announceNote(tx, incident, entry);
      return entry;
    });
  }

  async createIn(
    tx: WriteContext,
    input: CreateIncident,
    options: IncidentWriteOptions,
  ): Promise<IncidentWriteResult> {
    const { em } = tx;
    const at = options.at ?? new Date();
    if (
      (input.assigneeId !== null || input.major) &&
      options.by &&
      !can(options.by.role, 'incident.triage')
    ) {
      throw new DomainError(
        'forbidden',
        'Assigning an incident or declaring it major needs the triage permission',
        {
          fields: [{ path: input.major ? 'major' : 'assigneeId', message: 'needs the triage permission' }],
        },
      );
    }
    const equipment = await resolveEquipment(em, input);
    const tenants = await loadTenants(em, input.tenantIds ?? tenantIdsOfEquipment(equipment));
    const assignee = await assignableUser(em, input.assigneeId);
    const sourceRun = await sourceRunOf(em, input.sourceRunId);
    const by = options.by ? em.getReference(User, options.by.id) : null;
    const contracts = await contractsInForce(
      em,
      tenants.map((tenant) => tenant.id),
      at,
    );
    const incident = em.create(Incident, {
      title: input.title,
      description: input.description,
      category: input.category,
      origin: input.origin,
      impact: input.impact,
      urgency: input.urgency,
      major: input.major,
      priority: priorityUnder(contracts, input.impact, input.urgency, input.major),
      status: 'new',
      site: equipment.site,
      room: equipment.room,
      tenantsDerived: input.tenantIds === undefined,
      assignee,
      sourceRun,
      boardRank: '',
      openedAt: at,
      createdBy: by,
      updatedBy: by,
      createdAt: at,
      updatedAt: at,
    });
    incident.racks.set(equipment.racks);
    incident.devices.set(equipment.devices);
    incident.tenants.set(tenants);
    const entry = this.entry(em, incident, at, options.by, 'transition', { from: null, to: 'new' });
    await this.sla.recompute(em, incident, at, [entry]);
    await em.flush();
    const after = await incidentDto(em, incident);
    await tx.audit({ action: 'incident.create', entityType: 'Incident', entityId: incident.id, after });
    return { before: null, after };
  }

  async updateIn(
    tx: WriteContext,
    id: number,
    change: UpdateIncident,
    options: IncidentWriteOptions,
  ): Promise<IncidentWriteResult> {
    const { em } = tx;
    const at = options.at ?? new Date();
    const incident = await this.loadForWrite(em, id, change.version);
    const before = await incidentDto(em, incident);
    const shown = displayedFields(incident);

    const equipmentChanged = [change.siteId, change.roomId, change.rackIds, change.deviceIds].some(
      (value) => value !== undefined,
    );
    if (equipmentChanged) {
      const equipment = await resolveEquipment(em, {
        siteId: change.siteId !== undefined ? change.siteId : (incident.site?.id ?? null),
        roomId: change.roomId !== undefined ? change.roomId : (incident.room?.id ?? null),
        rackIds: change.rackIds ?? incident.racks.getItems().map((rack) => rack.id),
        deviceIds: change.deviceIds ?? incident.devices.getItems().map((device) => device.id),
      });
      incident.site = equipment.site;
      incident.room = equipment.room;
      incident.racks.set(equipment.racks);
      incident.devices.set(equipment.devices);
    }
    if (change.tenantIds !== undefined) incident.tenantsDerived = change.tenantIds === null;
    if (change.tenantIds) incident.tenants.set(await loadTenants(em, change.tenantIds));
    else if (incident.tenantsDerived && (equipmentChanged || change.tenantIds === null)) {
      const derived = tenantIdsOfEquipment({
        racks: incident.racks.getItems(),
        devices: incident.devices.getItems(),
      });
      incident.tenants.set(await loadTenants(em, derived));
    }
    if (change.assigneeId !== undefined) incident.assignee = await assignableUser(em, change.assigneeId);
    for (const field of [
      'title',
      'description',
      'category',
      'origin',
      'impact',
      'urgency',
      'major',
    ] as const) {
      if (change[field] !== undefined) (incident as Record<string, unknown>)[field] = change[field];
    }
    if (change.workaround !== undefined) incident.workaround = change.workaround;
    if (change.rootCause !== undefined) incident.rootCause = change.rootCause;
    const contracts = await contractsInForce(
      em,
      incident.tenants.getItems().map((tenant) => tenant.id),
      at,
    );
    incident.priority = priorityUnder(contracts, incident.impact, incident.urgency, incident.major);

    const changes = changedFields(shown, displayedFields(incident));
    if (changes.length === 0) return { before, after: before };
    incident.updatedBy = options.by ? em.getReference(User, options.by.id) : null;
    incident.updatedAt = at;
    const entry = this.entry(em, incident, at, options.by, 'field_change', { changes });
    await this.sla.recompute(em, incident, at, [entry]);
    await em.flush();
    const after = await incidentDto(em, incident);
    await tx.audit({ action: 'incident.update', entityType: 'Incident', entityId: id, before, after });
    return { before, after };
  }

  async transitionIn(
    tx: WriteContext,
    id: number,
    request: IncidentTransitionTarget,
    options: IncidentWriteOptions,
  ): Promise<IncidentWriteResult> {
    const { em } = tx;
    const at = options.at ?? new Date();
    const incident = await this.loadForWrite(em, id, request.version);
    // Allowed from here? (422 naming the allowed targets) before the target's own fields (400).
    await checkTransition(em, incident, request.to);
    const change = transitionFields(request);
    const before = await incidentDto(em, incident);
    const shown = displayedFields(incident);
    const details = await applyTransition(em, incident, change, at);
    incident.updatedBy = options.by ? em.getReference(User, options.by.id) : null;
    incident.updatedAt = at;
    const entries = [this.entry(em, incident, at, options.by, 'transition', details)];
    const changes = changedFields(shown, displayedFields(incident), ['workaround']);
    if (changes.length > 0)
      entries.push(this.entry(em, incident, at, options.by, 'field_change', { changes }));
    await this.sla.recompute(em, incident, at, entries);
    await em.flush();
    const after = await incidentDto(em, incident);
    await tx.audit({ action: `incident.${change.to}`, entityType: 'Incident', entityId: id, before, after });
    return { before, after };
  }

  async addNoteIn(
    tx: WriteContext,
    id: number,
    note: CreateIncidentNote,
    options: IncidentWriteOptions,
  ): Promise<{ entry: TimelineEntry; incident: IncidentDto }> {
    const { em } = tx;
    const found = await em.findOne(Incident, { id }, { filters: false });
    if (!found) throw notFound('Incident');
    const row = this.entry(em, found, options.at ?? new Date(), options.by, 'note', { text: note.text });
    row.clientVisible = note.clientVisible;
    await em.flush();
    await em.populate(row, ['author'], { filters: false });
    const entry = toTimelineEntryDto(row);
    await tx.audit({ action: 'incident.note', entityType: 'Incident', entityId: id, after: entry });
    return { entry, incident: await incidentDto(em, found) };
  }

  /** Loads an incident for a change, refusing a stale `version` with the current state (409). */
  private async loadForWrite(em: EntityManager, id: number, version: number): Promise<Incident> {
    const incident = await em.findOne(Incident, { id }, { filters: false, populate: writePopulate });
    if (!incident) throw notFound('Incident');
    if (incident.version !== version) throw staleVersion(await incidentDto(em, incident));
    return incident;
  }

  private entry(
    em: EntityManager,
    incident: Incident,
    at: Date,
    by: Actor | null,
    kind: TimelineEntry['kind'],
    details: Record<string, unknown>,
  ): IncidentTimelineEntry {
    return em.create(IncidentTimelineEntry, {
      incident,
      at,
      author: by ? em.getReference(User, by.id) : null,
      kind,
      details: details as TimelineEntry['details'],
    });
  }

  /**
   * Two writers racing on one incident: the loser's flush fails on the version column; it gets
   * the same 409 as a stale read, with the state the winner left.
   */
  private async concurrently<T>(id: number, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof OptimisticLockError)) throw error;
      const em = this.em.fork();
      const incident = await em.findOne(Incident, { id }, { filters: false });
      throw staleVersion(incident ? await incidentDto(em, incident) : null);
    }
  }
}

/** The whole transition body, checked once the move itself is allowed: 400 with the field paths otherwise. */
function transitionFields(request: IncidentTransitionTarget): IncidentTransition {
  const parsed = incidentTransitionSchema.safeParse(request);
  if (parsed.success) return parsed.data;
  throw new DomainError('validation_failed', 'The request is invalid', {
    fields: fieldErrorsOf(parsed.error),
  });
}
