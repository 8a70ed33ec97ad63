import type { Me } from '@vigie/shared';
import { useMe } from '../../features/auth/api/get-me';

/**
 * For routes under ProtectedLayout, which renders them only once the user is known. Null only in the
 * instant between sign-out and the redirect, when nothing should render.
 */
export function useSignedInMe(): Me | null {
  return useMe().data ?? null;
}
