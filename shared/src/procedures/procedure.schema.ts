import { z } from 'zod';

/** Emergency, standard, or method-of-procedure (planned change), DESIGN.md §6. */
export const procedureKinds = ['EOP', 'SOP', 'MOP'] as const;
export const procedureKindSchema = z.enum(procedureKinds);
export type ProcedureKind = z.infer<typeof procedureKindSchema>;

/** The library folder each kind lives in: `procedures/<folder>/<id>.yaml`. */
export const procedureKindFolders: Record<ProcedureKind, string> = { EOP: 'eop', SOP: 'sop', MOP: 'mop' };

export const procedureRisks = ['low', 'medium', 'high', 'critical'] as const;
export const procedureRiskSchema = z.enum(procedureRisks);
export type ProcedureRisk = z.infer<typeof procedureRiskSchema>;

/** Equipment and room kinds a procedure can apply to (matched against the inventory for suggestions). */
export const procedureTargets = [
  'site',
  'room',
  'rack',
  'pdu',
  'rpp',
  'ups',
  'battery',
  'generator',
  'ats',
  'switchgear',
  'crac',
  'crah',
  'chiller',
  'in-row-cooling',
  'network',
  'server',
  'storage',
  'fire-system',
  'leak-detection',
  'access-control',
  'cctv',
] as const;
export const procedureTargetSchema = z.enum(procedureTargets);
export type ProcedureTarget = z.infer<typeof procedureTargetSchema>;

/** Incident categories a procedure answers, used to suggest procedures for an incident. */
export const procedureCategories = [
  'cooling',
  'power',
  'fire',
  'water',
  'environment',
  'network',
  'hardware',
  'security',
  'access',
  'client-request',
  'inspection',
  'maintenance',
] as const;
export const procedureCategorySchema = z.enum(procedureCategories);
export type ProcedureCategory = z.infer<typeof procedureCategorySchema>;

/** Units a reading may be taken in. */
export const readingUnits = [
  '°C',
  '%',
  '%RH',
  'kW',
  'kVA',
  'kWh',
  'V',
  'A',
  'Hz',
  'L',
  'bar',
  'Pa',
  'ppm',
  'min',
  'h',
  's',
  'kg',
  'MΩ',
  'dBm',
] as const;
export const readingUnitSchema = z.enum(readingUnits);
export type ReadingUnit = z.infer<typeof readingUnitSchema>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const identifier = z
  .string()
  .min(1)
  .max(80)
  .regex(kebabCase, 'must be kebab-case (lowercase letters, digits and single dashes)');

const text = z.string().trim().min(1, 'must not be empty').max(2000);

/** A text every technician reads in their language: French and English are both required. */
export const localizedTextSchema = z.strictObject({ fr: text, en: text });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** A value the technician enters, with its acceptable range (out of range is flagged at run time). */
export const procedureReadingSchema = z
  .strictObject({
    label: localizedTextSchema,
    unit: readingUnitSchema,
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
  })
  .superRefine(
    (value: unknown, ctx) => {
      if (!isRecord(value)) return;
      const { min, max } = value;
      if (min === undefined && max === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['min'],
          message: 'a reading needs an acceptable range: min, max or both',
        });
      }
      if (typeof min === 'number' && typeof max === 'number' && min > max) {
        ctx.addIssue({
          code: 'custom',
          path: ['max'],
          message: `must be greater than or equal to min (${min})`,
        });
      }
    },
    { when: (payload) => isRecord(payload.value) },
  );
export type ProcedureReading = z.infer<typeof procedureReadingSchema>;

export const procedureStepSchema = z.strictObject({
  id: identifier,
  text: localizedTextSchema,
  expected: localizedTextSchema.optional(),
  reading: procedureReadingSchema.optional(),
  /** Needs a second signed-in person's verification. */
  critical: z.boolean().default(false),
  /** Needs an evidence file (photo, label, printout). */
  evidence: z.boolean().default(false),
});
export type ProcedureStep = z.infer<typeof procedureStepSchema>;

export const procedurePhaseSchema = z.strictObject({
  id: identifier,
  title: localizedTextSchema,
  /** Steps of a free-order phase may be signed in any order; otherwise in the order written. */
  free_order: z.boolean().default(false),
  steps: z.array(procedureStepSchema).min(1, 'a phase needs at least one step'),
});
export type ProcedurePhase = z.infer<typeof procedurePhaseSchema>;

/** The fields of a procedure file, without the rules that tie them together. */
export const procedureFieldsSchema = z.strictObject({
  id: identifier,
  title: localizedTextSchema,
  kind: procedureKindSchema,
  risk: procedureRiskSchema,
  applies_to: z.array(procedureTargetSchema).min(1, 'name at least one equipment or room kind'),
  categories: z.array(procedureCategorySchema).default([]),
  prerequisites: z.array(localizedTextSchema).default([]),
  estimated_minutes: z
    .number()
    .int()
    .positive()
    .max(24 * 60),
  phases: z.array(procedurePhaseSchema).min(1, 'give at least one phase, or use steps').optional(),
  steps: z.array(procedureStepSchema).min(1, 'give at least one step').optional(),
  rollback: z.array(procedureStepSchema).min(1, 'give at least one rollback step').optional(),
  references: z.array(text).default([]),
});

type ProcedureFields = z.infer<typeof procedureFieldsSchema>;

/** Every step of a procedure in reading order (phases flattened), rollback steps excluded. */
export function procedureSteps(procedure: Pick<ProcedureFields, 'phases' | 'steps'>): ProcedureStep[] {
  return procedure.phases ? procedure.phases.flatMap((phase) => phase.steps) : (procedure.steps ?? []);
}

type Path = (string | number)[];

/*
 * The cross-field rules run even when some fields are malformed (`when` below), so that a file's
 * author sees every problem at once; they therefore read the value defensively.
 */
const whenObject = { when: (payload: { value: unknown }) => isRecord(payload.value) };

function checkProcedureRules(value: unknown, ctx: z.RefinementCtx): void {
  if (!isRecord(value)) return;
  const { kind, phases, steps, rollback } = value;
  if (phases !== undefined && steps !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['steps'], message: 'use either phases or steps, not both' });
  }
  if (phases === undefined && steps === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['steps'],
      message: 'a procedure needs steps (or phases of steps)',
    });
  }
  if (kind === 'MOP' && rollback === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['rollback'],
      message: 'a MOP (planned change) needs rollback steps',
    });
  }
  if (typeof kind === 'string' && kind !== 'MOP' && rollback !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['rollback'],
      message: `rollback steps belong to MOPs only, not to an ${kind}`,
    });
  }
  const seen = new Set<string>();
  const claim = (item: unknown, path: Path, what: string) => {
    if (!isRecord(item) || typeof item.id !== 'string') return;
    if (seen.has(item.id))
      ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate ${what} id "${item.id}"` });
    seen.add(item.id);
  };
  listOf(phases).forEach((phase, p) => {
    claim(phase, ['phases', p], 'phase');
    if (isRecord(phase))
      listOf(phase.steps).forEach((step, s) => claim(step, ['phases', p, 'steps', s], 'step'));
  });
  listOf(steps).forEach((step, s) => claim(step, ['steps', s], 'step'));
  listOf(rollback).forEach((step, s) => claim(step, ['rollback', s], 'step'));
}

/** A procedure file's content (DESIGN.md §6), with its cross-field rules. */
export const procedureSchema = procedureFieldsSchema.superRefine(checkProcedureRules, whenObject);
export type Procedure = z.infer<typeof procedureSchema>;

/**
 * The schema of the file `<folder>/<id>.yaml`: the content rules, plus the id equal to the file
 * name and the kind matching its folder.
 */
export function procedureFileSchema(file: { id: string; folder?: string }) {
  return procedureSchema.superRefine((value: unknown, ctx) => {
    if (!isRecord(value)) return;
    if (typeof value.id === 'string' && value.id !== file.id) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `must equal the file name "${file.id}"` });
    }
    const kind = procedureKindSchema.safeParse(value.kind);
    const folder = kind.success ? procedureKindFolders[kind.data] : undefined;
    if (folder !== undefined && file.folder !== undefined && file.folder !== folder) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: `a ${kind.data} belongs in the folder "${folder}/", not "${file.folder}/"`,
      });
    }
  }, whenObject);
}

// Answers of the procedures API.

/** SHA-256 (hex) of a procedure file's bytes: the procedure version a run pins. */
export const procedureVersionSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const procedureSummarySchema = z.object({
  id: z.string(),
  version: procedureVersionSchema,
  /** Path inside the library, e.g. `eop/crac-failure.yaml`. */
  file: z.string(),
  title: localizedTextSchema,
  kind: procedureKindSchema,
  risk: procedureRiskSchema,
  applies_to: z.array(procedureTargetSchema),
  categories: z.array(procedureCategorySchema),
  estimated_minutes: z.number().int(),
  stepCount: z.number().int(),
});
export type ProcedureSummary = z.infer<typeof procedureSummarySchema>;

export const procedureListQuerySchema = z.strictObject({
  kind: procedureKindSchema.optional(),
  category: procedureCategorySchema.optional(),
  appliesTo: procedureTargetSchema.optional(),
  search: z.string().trim().max(200).optional(),
});
export type ProcedureListQuery = z.infer<typeof procedureListQuerySchema>;

export const procedureListSchema = z.object({
  items: z.array(procedureSummarySchema),
  nextCursor: z.null(),
});
export type ProcedureList = z.infer<typeof procedureListSchema>;

export const procedureDetailSchema = z.object({
  version: procedureVersionSchema,
  file: z.string(),
  procedure: procedureFieldsSchema,
});
export type ProcedureDetail = z.infer<typeof procedureDetailSchema>;

/** One problem of a library file, printed as `file:line: field: message`. */
export const procedureProblemSchema = z.object({
  file: z.string(),
  line: z.number().int().positive(),
  field: z.string(),
  message: z.string(),
});
export type ProcedureProblem = z.infer<typeof procedureProblemSchema>;

export const procedureProblemListSchema = z.object({ items: z.array(procedureProblemSchema) });
export type ProcedureProblemList = z.infer<typeof procedureProblemListSchema>;

export const procedureLibraryStatusSchema = z.object({
  loadedAt: z.iso.datetime(),
  procedures: z.number().int(),
  byKind: z.object({ EOP: z.number().int(), SOP: z.number().int(), MOP: z.number().int() }),
  problems: z.number().int(),
});
export type ProcedureLibraryStatus = z.infer<typeof procedureLibraryStatusSchema>;
