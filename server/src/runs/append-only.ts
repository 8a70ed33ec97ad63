/**
 * Triggers that make a table append-only in the database itself: any UPDATE or DELETE is refused,
 * whoever holds the file (DESIGN.md §3: a correction is a new record, never an edit). Declared on
 * the entity, so migrations create them and a table rebuilt by a later migration gets them back.
 */
export function appendOnlyTriggers(table: string) {
  return [
    {
      name: `${table}_append_only`,
      timing: 'before' as const,
      events: ['update' as const, 'delete' as const],
      forEach: 'row' as const,
      // No "end" anywhere in the body: the ORM's trigger introspection would cut it there.
      body: `select raise(abort, '${table} is write-once: rows are never updated or deleted')`,
    },
  ];
}
