import { AuditEvent } from '../audit/audit-event.entity.js';
import { LoginFailure } from '../auth/login-failure.entity.js';
import { Session } from '../auth/session.entity.js';
import { User } from '../auth/user.entity.js';
import { Site } from '../inventory/site.entity.js';
import { Tenant } from '../inventory/tenant.entity.js';
import { LiveEvent } from '../realtime/live-event.entity.js';

/** Every entity of the schema: the ORM, the migrations and the drift check read this one list. */
export const entities = [Tenant, Site, User, Session, LoginFailure, AuditEvent, LiveEvent];
