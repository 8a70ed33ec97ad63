import { airflows, type CreateDeviceType, type FieldError } from '@vigie/shared';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';

/** Kilograms per unit of the library's `weight_unit`. */
const kilogramsPer = { kg: 1, g: 0.001, lb: 0.45359237, oz: 0.028349523125 } as const;

const draw = z.number({ error: 'expected a number of watts' }).int('expected whole watts').positive();

/**
 * The community device-type library format (netbox-community/devicetype-library), the keys Vigie
 * uses; unknown keys are ignored. Errors name the library's own keys.
 */
const libraryDeviceTypeSchema = z.object({
  manufacturer: z.string({ error: 'required text' }).trim().min(1).max(100),
  model: z.string({ error: 'required text' }).trim().min(1).max(100),
  slug: z
    .string({ error: 'required text' })
    .trim()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9_-]+$/, 'lowercase letters, digits, dashes and underscores only'),
  part_number: z.union([z.string(), z.number()], { error: 'expected text' }).optional(),
  u_height: z
    .number({ error: 'expected a number of units' })
    .nonnegative('cannot be negative')
    .max(60)
    .multipleOf(0.5, 'must be a whole or half unit (0 for zero-U)')
    .default(1),
  is_full_depth: z.boolean({ error: 'expected true or false' }).default(true),
  airflow: z.enum(airflows, { error: `one of ${airflows.join(', ')}` }).optional(),
  weight: z.number({ error: 'expected a number' }).nonnegative().optional(),
  weight_unit: z.enum(['kg', 'g', 'lb', 'oz'], { error: 'one of kg, g, lb, oz' }).optional(),
  subdevice_role: z.enum(['parent', 'child'], { error: 'parent or child' }).optional(),
  'power-ports': z
    .array(
      z.object({
        name: z.union([z.string(), z.number()], { error: 'required text' }).transform(String),
        type: z.string({ error: 'expected text' }).optional(),
        maximum_draw: draw.optional(),
        allocated_draw: draw.optional(),
      }),
      { error: 'expected a list of power ports' },
    )
    .max(64)
    .default([]),
});

const childRoleMessage =
  'child device types go in a parent device bay, which Vigie does not model: import the parent (chassis) type instead';

export type LibraryParse =
  { ok: true; deviceType: CreateDeviceType } | { ok: false; slug: string | null; errors: FieldError[] };

/** Reads one library file: the device type it describes, or why it cannot be imported. */
export function parseLibraryDeviceType(text: string): LibraryParse {
  let document: unknown;
  try {
    document = parseYaml(text, { prettyErrors: false, maxAliasCount: 50 });
  } catch (error) {
    const detail = error instanceof YAMLParseError ? error.message.split('\n')[0] : 'unreadable YAML';
    return { ok: false, slug: null, errors: [{ path: '(file)', message: `not valid YAML: ${detail}` }] };
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return {
      ok: false,
      slug: null,
      errors: [{ path: '(file)', message: 'expected a mapping of device-type keys' }],
    };
  }
  const slug =
    typeof (document as { slug?: unknown }).slug === 'string' ? (document as { slug: string }).slug : null;
  const parsed = libraryDeviceTypeSchema.safeParse(document);
  if (!parsed.success) {
    return {
      ok: false,
      slug,
      errors: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(file)',
        message: issue.message,
      })),
    };
  }
  const entry = parsed.data;
  if (entry.weight !== undefined && entry.weight_unit === undefined) {
    return { ok: false, slug, errors: [{ path: 'weight_unit', message: 'required with weight' }] };
  }
  // A child type (e.g. a blade) sits in a parent's device bay, not in rack units; Vigie has no
  // device bays, and as a 0U type it would wrongly hang beside the rack.
  if (entry.subdevice_role === 'child') {
    return { ok: false, slug, errors: [{ path: 'subdevice_role', message: childRoleMessage }] };
  }
  return {
    ok: true,
    deviceType: {
      manufacturer: entry.manufacturer,
      model: entry.model,
      slug: entry.slug,
      partNumber: entry.part_number === undefined ? '' : String(entry.part_number).slice(0, 100),
      uHeight: entry.u_height,
      isFullDepth: entry.is_full_depth,
      airflow: entry.airflow ?? null,
      weightKg:
        entry.weight === undefined
          ? null
          : Math.round(entry.weight * kilogramsPer[entry.weight_unit ?? 'kg'] * 100) / 100,
      powerPorts: entry['power-ports'].map((port) => ({
        name: port.name,
        ...(port.type !== undefined ? { type: port.type } : {}),
        ...(port.maximum_draw !== undefined ? { maximumDraw: port.maximum_draw } : {}),
        ...(port.allocated_draw !== undefined ? { allocatedDraw: port.allocated_draw } : {}),
      })),
    },
  };
}
