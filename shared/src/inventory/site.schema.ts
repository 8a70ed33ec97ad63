import { z } from 'zod';
import { pageQuerySchema } from '../common/pagination.js';
import { sortParamSchema } from './list-sort.js';

export const siteSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  address: z.string(),
  /** IANA time zone; dates are shown in it and stored in UTC. */
  timeZone: z.string(),
  countryCode: z.string().length(2),
  pueTarget: z.number().nullable(),
  version: z.number().int(),
});
export type Site = z.infer<typeof siteSchema>;

export const siteSortKeys = ['code', '-code', 'name', '-name'] as const;

export const siteListQuerySchema = pageQuerySchema.extend({ sort: sortParamSchema(siteSortKeys) });
export type SiteListQuery = z.infer<typeof siteListQuerySchema>;

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const createSiteSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(2)
    .max(16)
    .regex(/^[A-Z0-9-]+$/, 'capital letters, digits and dashes only'),
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().max(500).default(''),
  timeZone: z.string().refine(isTimeZone, 'not an IANA time zone (e.g. Europe/Paris)'),
  countryCode: z.string().regex(/^[A-Z]{2}$/, 'two capital letters (ISO 3166-1 alpha-2)'),
  pueTarget: z.number().min(1, 'a PUE is 1 or more').max(5).nullable().default(null),
});
export type CreateSite = z.infer<typeof createSiteSchema>;

export const updateSiteSchema = z.strictObject({
  version: z.number().int(),
  code: createSiteSchema.shape.code.optional(),
  name: createSiteSchema.shape.name.optional(),
  address: z.string().trim().max(500).optional(),
  timeZone: createSiteSchema.shape.timeZone.optional(),
  countryCode: createSiteSchema.shape.countryCode.optional(),
  pueTarget: z.number().min(1, 'a PUE is 1 or more').max(5).nullable().optional(),
});
export type UpdateSite = z.infer<typeof updateSiteSchema>;
