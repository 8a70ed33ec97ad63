import { AuditEvent } from '../audit/audit-event.entity.js';
import { LoginFailure } from '../auth/login-failure.entity.js';
import { Session } from '../auth/session.entity.js';
import { User } from '../auth/user.entity.js';
import { IncidentSlaClock } from '../incidents/incident-sla-clock.entity.js';
import { IncidentTimelineEntry } from '../incidents/incident-timeline-entry.entity.js';
import { Incident } from '../incidents/incident.entity.js';
import { PublicHoliday } from '../holidays/public-holiday.entity.js';
import { Contract } from '../inventory/contract.entity.js';
import { DeviceType } from '../inventory/device-type.entity.js';
import { Device } from '../inventory/device.entity.js';
import { Rack } from '../inventory/rack.entity.js';
import { Room } from '../inventory/room.entity.js';
import { Site } from '../inventory/site.entity.js';
import { Tenant } from '../inventory/tenant.entity.js';
import { LiveEvent } from '../realtime/live-event.entity.js';
import { IdempotencyKey } from '../common/idempotency/idempotency-key.entity.js';
import { ProcedureRun } from '../runs/procedure-run.entity.js';
import { ProcedureVersion } from '../runs/procedure-version.entity.js';
import { RunEvidence } from '../runs/run-evidence.entity.js';
import { StepRecord } from '../runs/step-record.entity.js';
import { StepVerification } from '../runs/step-verification.entity.js';
import { Handover } from '../shift/handover.entity.js';
import { ShiftLogEntry } from '../shift/shift-log-entry.entity.js';
import { RecurringTask } from '../tasks/recurring-task.entity.js';
import { TaskOccurrence } from '../tasks/task-occurrence.entity.js';

/** Every entity of the schema: the ORM, the migrations and the drift check read this one list. */
export const entities = [
  Tenant,
  Site,
  Room,
  Rack,
  DeviceType,
  Device,
  Contract,
  PublicHoliday,
  User,
  Session,
  LoginFailure,
  AuditEvent,
  LiveEvent,
  IdempotencyKey,
  ProcedureVersion,
  ProcedureRun,
  StepRecord,
  StepVerification,
  RunEvidence,
  Incident,
  IncidentTimelineEntry,
  IncidentSlaClock,
  ShiftLogEntry,
  Handover,
  RecurringTask,
  TaskOccurrence,
];
