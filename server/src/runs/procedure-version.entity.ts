import { defineEntity, p } from '@mikro-orm/core';
import type { Procedure } from '@vigie/shared';

/**
 * The exact content of one procedure version (its content hash), kept when a run first pins it, so
 * the run still renders the same steps after the file changes or disappears from the library.
 */
const ProcedureVersionSchema = defineEntity({
  name: 'ProcedureVersion',
  properties: {
    /** SHA-256 (hex) of the file's bytes. */
    hash: p.string().length(64).primary(),
    procedureId: p.string().length(80).index(),
    file: p.string().length(200),
    /** The file's bytes as text, when they still hashed to `hash` at pinning time. */
    source: p.text().nullable(),
    /** The validated procedure, as runs render it. */
    content: p.json<Procedure>(),
    pinnedAt: p.datetime(),
  },
});

export class ProcedureVersion extends ProcedureVersionSchema.class {}
ProcedureVersionSchema.setClass(ProcedureVersion);
