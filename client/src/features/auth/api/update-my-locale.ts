import type { Locale, Me, UpdateMe } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequestNoContent } from '../../../lib/api-client';
import { meQueryKey } from './get-me';

export function updateMyLocale(body: UpdateMe) {
  return apiRequestNoContent('/api/auth/me', { method: 'PATCH', body });
}

/** Saves the language to the signed-in user's profile, so it follows them to other devices. */
export function useUpdateMyLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => updateMyLocale({ locale }),
    onMutate: (locale) => {
      queryClient.setQueryData<Me | null>(meQueryKey, (me) =>
        me ? { ...me, user: { ...me.user, locale } } : me,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
