import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { meQueryKey, useMe } from '../features/auth/api/get-me';
import { useSites } from '../features/sites/api/get-sites';
import { setUnauthenticatedHandler } from '../lib/api-client';
import { defaultTimeZone } from '../lib/dates';
import { I18nProvider, useLocale } from '../lib/i18n/i18n-provider';
import { createQueryClient } from '../lib/query-client';
import { TimeZoneProvider } from '../lib/time-zone';
import { useLiveUpdates } from './use-live-updates';

/** Follows the signed-in user: their saved language, the live channel, their site's time zone. */
function SessionBridge({ children }: { children: ReactNode }) {
  const me = useMe();
  const { setLocale } = useLocale();
  const user = me.data?.user ?? null;
  const sites = useSites({ enabled: user !== null });
  const profileLocale = user?.locale;

  useEffect(() => {
    if (profileLocale) setLocale(profileLocale);
  }, [profileLocale, setLocale]);

  useLiveUpdates(user?.id ?? null);

  // One site for now; with several, the user's chosen site will provide the zone.
  const timeZone = (user && sites.data?.items[0]?.timeZone) || defaultTimeZone;
  return <TimeZoneProvider timeZone={timeZone}>{children}</TimeZoneProvider>;
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);

  useEffect(() => {
    // Any 401: forget the session and cached data; the protected layout then shows the sign-in page.
    setUnauthenticatedHandler(() => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, null);
    });
  }, [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <SessionBridge>{children}</SessionBridge>
      </I18nProvider>
    </QueryClientProvider>
  );
}
