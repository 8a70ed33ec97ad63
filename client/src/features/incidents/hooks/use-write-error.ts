import type { Incident } from '@vigie/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { useT } from '../../../lib/i18n/i18n-provider';
import { conflictingIncident } from '../api/incident-cache';

export interface WriteFailure {
  /** One sentence for the user; on a conflict it names who changed the incident. */
  message: string;
  /** The incident as it now stands, when the server sent it (409): already in the cache. */
  current: Incident | null;
}

/** Words a refused incident write; a 409 stores the current incident so every view shows it. */
export function useWriteError(): (error: unknown) => WriteFailure {
  const t = useT();
  const queryClient = useQueryClient();
  return useCallback(
    (error: unknown) => {
      const current = conflictingIncident(queryClient, error);
      if (current) {
        const name = current.updatedBy?.displayName ?? t('incidents.system');
        return {
          current,
          message: t('incidents.conflictNamed', {
            reference: current.reference,
            name,
            status: t(`incidents.status.${current.status}`),
          }),
        };
      }
      if (isApiError(error, 'rule_violation')) {
        return { current: null, message: t('incidents.ruleViolation', { message: error.message }) };
      }
      return { current: null, message: errorMessage(error, t) };
    },
    [queryClient, t],
  );
}
