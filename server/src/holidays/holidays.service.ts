import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { AddDefaultHolidays, CreateHoliday, Holiday, HolidayListQuery } from '@vigie/shared';
import { DomainError, notFound } from '../common/domain-error.js';
import { Writer } from '../database/writer.js';
import { liveRooms } from '../realtime/live-rooms.js';
import { hasDefaultHolidays } from './default-public-holidays.js';
import { storedHolidays, storeMissingDefaults } from './holiday-store.js';
import { toHolidayDto } from './holiday.mapper.js';
import { PublicHoliday } from './public-holiday.entity.js';

/** Holidays shape every business-hours SLA clock, which all staff see. */
const holidayRooms = [liveRooms.staff];
/**
 * Public holidays per country. The stored rows are the truth for SLA calendars: nothing is
 * computed on the fly, so a year without rows has no holidays until an administrator adds them
 * (one request adds a year's statutory ones; the demo data seeds the years it covers).
 */
@Injectable()
export class HolidaysService {
  constructor(
    private readonly em: EntityManager,
    private readonly writer: Writer,
  ) {}

  async list(query: HolidayListQuery): Promise<Holiday[]> {
    const holidays = await storedHolidays(
      this.em.fork(),
      query.country,
      `${query.year}-01-01`,
      `${query.year}-12-31`,
    );
    return holidays.map(toHolidayDto);
  }

  create(input: CreateHoliday): Promise<Holiday> {
    return this.writer.run(async (tx) => {
      const existing = await tx.em.findOne(PublicHoliday, {
        countryCode: input.countryCode,
        date: input.date,
      });
      if (existing) {
        throw new DomainError('conflict', `${input.date} is already a holiday in ${input.countryCode}`, {
          fields: [{ path: 'date', message: 'already a holiday' }],
          current: toHolidayDto(existing),
        });
      }
      const holiday = tx.em.create(PublicHoliday, input);
      await tx.em.flush();
      const after = toHolidayDto(holiday);
      await tx.audit({ action: 'holiday.create', entityType: 'PublicHoliday', entityId: holiday.id, after });
      tx.announce('holiday.created', after, holidayRooms);
      return after;
    });
  }

  /** Stores the statutory holidays of a year that are not stored yet; returns those added. */
  addDefaults(input: AddDefaultHolidays): Promise<Holiday[]> {
    if (!hasDefaultHolidays(input.countryCode)) {
      throw new DomainError('rule_violation', `No statutory holiday rules for ${input.countryCode}`, {
        fields: [{ path: 'countryCode', message: 'no statutory holiday rules for this country' }],
      });
    }
    return this.writer.run(async (tx) => {
      const added = await storeMissingDefaults(tx.em, input.countryCode, input.year);
      const after = added.map(toHolidayDto);
      await tx.audit({
        action: 'holiday.add_defaults',
        entityType: 'PublicHoliday',
        entityId: `${input.countryCode}-${input.year}`,
        after,
      });
      for (const holiday of after) tx.announce('holiday.created', holiday, holidayRooms);
      return after;
    });
  }

  delete(id: number): Promise<void> {
    return this.writer.run(async (tx) => {
      const holiday = await tx.em.findOne(PublicHoliday, { id });
      if (!holiday) throw notFound('Holiday');
      const before = toHolidayDto(holiday);
      tx.em.remove(holiday);
      await tx.em.flush();
      await tx.audit({ action: 'holiday.delete', entityType: 'PublicHoliday', entityId: id, before });
      tx.announce('holiday.deleted', before, holidayRooms);
    });
  }
}
