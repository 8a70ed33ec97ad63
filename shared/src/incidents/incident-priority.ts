import { z } from 'zod';
import type { Priority } from '../inventory/contract.schema.js';

/** Impact: 1 several clients or a room … 3 one device, no client impact (DESIGN.md §3). */
export const impactSchema = z.number().int().min(1, 'from 1 to 3').max(3, 'from 1 to 3');
/** Urgency: 1 down or data at risk … 3 no immediate effect. */
export const urgencySchema = z.number().int().min(1, 'from 1 to 3').max(3, 'from 1 to 3');
export type ImpactLevel = 1 | 2 | 3;
export type UrgencyLevel = 1 | 2 | 3;

/** The matrix gives P1…P4; P0 comes only from the major-incident override. */
export const matrixPriorities = ['P1', 'P2', 'P3', 'P4'] as const;
const matrixPrioritySchema = z.enum(matrixPriorities);
const matrixRowSchema = z.tuple([matrixPrioritySchema, matrixPrioritySchema, matrixPrioritySchema]);

/**
 * Impact × urgency → priority. Rows are impact 1, 2, 3; columns are urgency 1, 2, 3:
 * `matrix[impact - 1][urgency - 1]`. Configurable per contract; the ITIL default otherwise.
 */
export const priorityMatrixSchema = z.tuple([matrixRowSchema, matrixRowSchema, matrixRowSchema]);
export type PriorityMatrix = z.infer<typeof priorityMatrixSchema>;

/** The ITIL matrix folded onto four priorities (the lowest corner stays P4). */
export const defaultPriorityMatrix: PriorityMatrix = [
  ['P1', 'P2', 'P3'],
  ['P2', 'P3', 'P4'],
  ['P3', 'P4', 'P4'],
];

/** The priority of an incident: P0 when declared major, else the matrix cell (the default matrix when none). */
export function priorityFor(
  impact: number,
  urgency: number,
  matrix: PriorityMatrix | null | undefined = defaultPriorityMatrix,
  major = false,
): Priority {
  if (major) return 'P0';
  const row = (matrix ?? defaultPriorityMatrix)[clampLevel(impact) - 1];
  return row![clampLevel(urgency) - 1]!;
}

function clampLevel(level: number): ImpactLevel {
  return Math.min(3, Math.max(1, Math.round(level))) as ImpactLevel;
}
