import { csvImportResultSchema, errorBodySchema, type CsvImportKind } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, ResponseShapeError } from '../../../lib/api-client';
import { inventoryKeys } from './inventory-keys';

/** Sends a CSV file (part `file`); a dry run checks every row and writes nothing. */
export async function importInventoryCsv(kind: CsvImportKind, file: File, dryRun: boolean) {
  const path = `/api/${kind}/import?dryRun=${dryRun ? 'true' : 'false'}`;
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    body: form,
  });
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // Not JSON: handled by status below.
  }
  if (!response.ok) {
    const body = errorBodySchema.safeParse(json);
    throw new ApiError(
      response.status,
      body.success ? body.data.error : { code: 'internal_error', message: response.statusText },
    );
  }
  const parsed = csvImportResultSchema.safeParse(json);
  if (!parsed.success) throw new ResponseShapeError(path, parsed.error.issues);
  return parsed.data;
}

export function useImportInventoryCsv() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file, dryRun }: { kind: CsvImportKind; file: File; dryRun: boolean }) =>
      importInventoryCsv(kind, file, dryRun),
    onSuccess: (result) => {
      if (result.committed) void queryClient.invalidateQueries({ queryKey: inventoryKeys.all });
    },
  });
}
