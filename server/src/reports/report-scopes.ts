import { Injectable } from '@nestjs/common';
import { isTenantScoped, maxReportDays, type ReportScopeQuery } from '@vigie/shared';
import { DomainError, notFound } from '../common/domain-error.js';
import type { Actor } from '../common/request-context.js';
import { NativeDatabase } from '../database/native-database.js';
import { periodDays, type LocalPeriod } from './report-period.js';
import { prepared, type ReportScope } from './report-query.js';
import type { ReportHeader } from './steering-report.js';

interface SiteRow {
  id: number;
  code: string;
  name: string;
  time_zone: string;
}

interface ContractRow {
  reference: string;
  service_hours: string;
  starts_on: string | null;
  ends_on: string | null;
}

/** Where a site-less report reads its dates when there is no site at all. */
const fallbackTimeZone = 'UTC';

export interface ResolvedReport {
  header: ReportHeader;
  scope: ReportScope;
  period: LocalPeriod;
}

const invalidPeriod = (message: string) =>
  new DomainError('validation_failed', 'The request is invalid', { fields: [{ path: 'to', message }] });

/**
 * Turns a report query into what the report is about, checked against the reader: a client viewer
 * gets their own tenant's report only (another tenant's is "not found", the overview forbidden).
 */
@Injectable()
export class ReportScopes {
  constructor(private readonly database: NativeDatabase) {}

  resolve(actor: Actor, query: ReportScopeQuery): ResolvedReport {
    const period = { from: query.from, to: query.to };
    if (query.to < query.from) throw invalidPeriod('must be on or after from');
    if (periodDays(period) > maxReportDays)
      throw invalidPeriod(`a report covers at most ${maxReportDays} days`);

    const tenantId = query.tenant ?? null;
    if (isTenantScoped(actor.role)) {
      if (tenantId === null)
        throw new DomainError('forbidden', 'Client viewers see their own tenant’s report, not the overview');
      if (tenantId !== actor.tenantId) throw notFound('Tenant');
    }
    const db = this.database.handle;
    const tenant =
      tenantId === null
        ? null
        : (prepared(db, 'select id, code, name from tenant where id = ?').get(tenantId) as
            { id: number; code: string; name: string } | undefined);
    if (tenantId !== null && !tenant) throw notFound('Tenant');

    const site =
      query.site === undefined
        ? null
        : (prepared(db, 'select id, code, name, time_zone from site where id = ?').get(query.site) as
            SiteRow | undefined);
    if (query.site !== undefined && !site) throw notFound('Site');

    const timeZone = site?.time_zone ?? this.zoneOf(tenantId) ?? fallbackTimeZone;
    const header: ReportHeader = {
      scope: tenant
        ? { kind: 'tenant', tenant, contract: this.contractOf(tenant.id, period) }
        : { kind: 'overview' },
      site: site ? { id: site.id, code: site.code, name: site.name } : null,
      timeZone,
    };
    return { header, scope: { tenantId, siteId: site?.id ?? null, timeZone }, period };
  }

  /** The zone of the first site hosting the tenant's racks or devices, else of the first site. */
  private zoneOf(tenantId: number | null): string | undefined {
    const db = this.database.handle;
    const hosting =
      tenantId === null
        ? undefined
        : (prepared(
            db,
            `select s.time_zone from site s join room r on r.site_id = s.id join rack k on k.room_id = r.id
               where k.tenant_id = ? or exists (select 1 from device d where d.rack_id = k.id and d.tenant_id = ?)
               order by s.id limit 1`,
          ).get(tenantId, tenantId) as { time_zone: string } | undefined);
    const first = prepared(db, 'select time_zone from site order by id limit 1').get() as
      { time_zone: string } | undefined;
    return hosting?.time_zone ?? first?.time_zone;
  }

  /** The tenant's contract in force during the period (the latest started), if any. */
  private contractOf(tenantId: number, period: LocalPeriod) {
    const row = prepared(
      this.database.handle,
      `select reference, service_hours, starts_on, ends_on from contract
         where tenant_id = ? and (starts_on is null or starts_on <= ?) and (ends_on is null or ends_on >= ?)
         order by starts_on desc, id desc limit 1`,
    ).get(tenantId, period.to, period.from) as ContractRow | undefined;
    return row
      ? {
          reference: row.reference,
          serviceHours: row.service_hours,
          startsOn: row.starts_on,
          endsOn: row.ends_on,
        }
      : null;
  }
}
