import { z } from 'zod';

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
