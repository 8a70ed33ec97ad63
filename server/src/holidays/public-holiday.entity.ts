import { defineEntity, p } from '@mikro-orm/core';

/** A local date on which business-hours SLA clocks stop for every site of the country. */
const PublicHolidaySchema = defineEntity({
  name: 'PublicHoliday',
  uniques: [{ properties: ['countryCode', 'date'] }],
  properties: {
    id: p.integer().primary(),
    countryCode: p.string().length(2),
    date: p.date(),
    name: p.string().length(120),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class PublicHoliday extends PublicHolidaySchema.class {}
PublicHolidaySchema.setClass(PublicHoliday);
