import { z } from 'zod';

/** A list filter on a related object's id, as it arrives in a query string (`?rackId=12`). */
export const idFilterSchema = z.coerce.number().int().positive().optional();
