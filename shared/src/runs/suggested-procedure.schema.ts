import { z } from 'zod';
import { procedureSummarySchema } from '../procedures/procedure.schema.js';

/** Why a procedure is suggested for an incident: its category, the kinds of equipment it affects. */
export const suggestionReasons = ['category', 'equipment'] as const;
export const suggestionReasonSchema = z.enum(suggestionReasons);
export type SuggestionReason = z.infer<typeof suggestionReasonSchema>;

export const suggestedProcedureSchema = procedureSummarySchema.extend({
  matchedBy: z.array(suggestionReasonSchema).min(1),
});
export type SuggestedProcedure = z.infer<typeof suggestedProcedureSchema>;

/** `GET /api/incidents/:id/suggested-procedures`: both reasons first, then category, then equipment; emergency first within each. */
export const suggestedProcedureListSchema = z.object({
  items: z.array(suggestedProcedureSchema),
  nextCursor: z.null(),
});
export type SuggestedProcedureList = z.infer<typeof suggestedProcedureListSchema>;
