import { deviceTypeImportResultSchema, errorBodySchema, type DeviceTypeImportResult } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, ResponseShapeError } from '../../../lib/api-client';
import { inventoryKeys } from './inventory-keys';

const path = '/api/device-types/import';
/** Files per request: a large library goes in several requests, so progress moves and a failure costs little. */
export const importBatchSize = 50;

/** One multipart request (parts named `files`); XMLHttpRequest, because fetch reports no upload progress. */
function postBatch(
  files: readonly File[],
  onProgress: (loadedBytes: number) => void,
): Promise<DeviceTypeImportResult> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.withCredentials = true;
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = (event) => onProgress(event.loaded);
    request.onerror = () => reject(new TypeError('Network error'));
    request.onload = () => {
      let json: unknown = null;
      try {
        json = JSON.parse(request.responseText);
      } catch {
        // Not JSON: handled below by status.
      }
      if (request.status < 200 || request.status >= 300) {
        const body = errorBodySchema.safeParse(json);
        reject(
          new ApiError(
            request.status,
            body.success
              ? body.data.error
              : {
                  code: request.status === 413 ? 'payload_too_large' : 'internal_error',
                  message: request.statusText,
                },
          ),
        );
        return;
      }
      const parsed = deviceTypeImportResultSchema.safeParse(json);
      if (parsed.success) resolve(parsed.data);
      else reject(new ResponseShapeError(path, parsed.error.issues));
    };
    request.send(form);
  });
}

/** A batch failed: the batches before it are imported (and were reported); these files were not sent. */
export class ImportStoppedError extends Error {
  constructor(
    readonly unsent: readonly File[],
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : 'Import stopped');
    this.name = 'ImportStoppedError';
  }
}

export interface ImportProgress {
  /** Share of the bytes sent, 0–1. */
  fraction: number;
  /** The batch being sent, from 1. */
  batch: number;
  batches: number;
}

export function mergeImportResults(
  into: DeviceTypeImportResult,
  next: DeviceTypeImportResult,
): DeviceTypeImportResult {
  return {
    created: into.created + next.created,
    updated: into.updated + next.updated,
    rejected: into.rejected + next.rejected,
    files: [...into.files, ...next.files],
  };
}

export const emptyImportResult: DeviceTypeImportResult = { created: 0, updated: 0, rejected: 0, files: [] };

/**
 * Sends the files in batches, reporting progress and each batch's answer as it comes, so a later
 * failure does not lose what earlier batches imported (it throws ImportStoppedError with the rest).
 */
export async function importDeviceTypes(
  files: readonly File[],
  onProgress: (progress: ImportProgress) => void,
  onBatch: (result: DeviceTypeImportResult) => void,
): Promise<DeviceTypeImportResult> {
  const totalBytes = Math.max(
    1,
    files.reduce((sum, file) => sum + file.size, 0),
  );
  const batches = Math.max(1, Math.ceil(files.length / importBatchSize));
  let merged = emptyImportResult;
  let sentBytes = 0;
  for (let start = 0; start < files.length; start += importBatchSize) {
    const batch = files.slice(start, start + importBatchSize);
    const batchNumber = start / importBatchSize + 1;
    const report = (bytes: number) =>
      onProgress({ fraction: Math.min(1, bytes / totalBytes), batch: batchNumber, batches });
    report(sentBytes);
    let result: DeviceTypeImportResult;
    try {
      result = await postBatch(batch, (loaded) => report(sentBytes + loaded));
    } catch (error) {
      throw new ImportStoppedError(files.slice(start), error);
    }
    sentBytes += batch.reduce((sum, file) => sum + file.size, 0);
    report(sentBytes);
    onBatch(result);
    merged = mergeImportResults(merged, result);
  }
  return merged;
}

export function useImportDeviceTypes(
  onProgress: (progress: ImportProgress) => void,
  onBatch: (result: DeviceTypeImportResult) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (files: readonly File[]) => importDeviceTypes(files, onProgress, onBatch),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: inventoryKeys.deviceTypes });
      await queryClient.invalidateQueries({ queryKey: inventoryKeys.racks });
    },
  });
}
