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

/** Sends the files in batches, reporting the share of bytes sent (0–1), and merges the answers. */
export async function importDeviceTypes(
  files: readonly File[],
  onProgress: (fraction: number) => void,
): Promise<DeviceTypeImportResult> {
  const totalBytes = Math.max(
    1,
    files.reduce((sum, file) => sum + file.size, 0),
  );
  const merged: DeviceTypeImportResult = { created: 0, updated: 0, rejected: 0, files: [] };
  let sentBytes = 0;
  for (let start = 0; start < files.length; start += importBatchSize) {
    const batch = files.slice(start, start + importBatchSize);
    const batchBytes = batch.reduce((sum, file) => sum + file.size, 0);
    const result = await postBatch(batch, (loaded) =>
      onProgress(Math.min(1, (sentBytes + loaded) / totalBytes)),
    );
    sentBytes += batchBytes;
    onProgress(Math.min(1, sentBytes / totalBytes));
    merged.created += result.created;
    merged.updated += result.updated;
    merged.rejected += result.rejected;
    merged.files.push(...result.files);
  }
  return merged;
}

export function useImportDeviceTypes(onProgress: (fraction: number) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (files: readonly File[]) => importDeviceTypes(files, onProgress),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: inventoryKeys.deviceTypes });
      await queryClient.invalidateQueries({ queryKey: inventoryKeys.racks });
    },
  });
}
