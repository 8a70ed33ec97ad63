import { z } from 'zod';

/** A list's `sort` parameter: one of its keys, `-` in front for descending. Default: creation order. */
export function sortParamSchema<const K extends readonly [string, ...string[]]>(keys: K) {
  return z.enum(keys, { error: `one of ${keys.join(', ')}` }).optional();
}
