import { useState } from 'react';
import { isApiError } from '../../../lib/api-client';
import { newIdempotencyKey } from '../../runs/lib/idempotency-key';

/**
 * The Idempotency-Key of a write the user may have to send again: kept while the attempts get no
 * answer (network down: the write may have landed), renewed once the server has answered.
 */
export function useRetryKey(): { key: string; settled: (error?: unknown) => void } {
  const [key, setKey] = useState(newIdempotencyKey);
  return {
    key,
    settled: (error?: unknown) => {
      if (error === undefined || isApiError(error)) setKey(newIdempotencyKey());
    },
  };
}
