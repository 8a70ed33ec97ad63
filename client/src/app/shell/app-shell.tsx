import type { Me } from '@vigie/shared';
import { useEffect, useRef, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '../../features/auth/components/language-switch';
import { UserMenu } from '../../features/auth/components/user-menu';
import { useOfflineTickSync } from '../../features/runs/hooks/use-tick-queue';
import { ConnectionIndicator } from '../../features/live/components/connection-indicator';
import { useT } from '../../lib/i18n/i18n-provider';
import { visibleAreas } from '../navigation';
import { useRefetchThroughWorker } from '../service-worker/use-refetch-through-worker';
import { DeviceTicksBadge } from './device-ticks-badge';
import { MainNav } from './main-nav';

const navId = 'main-nav';

/** Header, navigation and the page: everything a signed-in user sees around each area. */
export function AppShell({ me }: { me: Me }) {
  const t = useT();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(location.pathname);
  // Ticks kept on this device while offline are sent wherever the technician is in the app.
  useOfflineTickSync(me.user.id);
  useRefetchThroughWorker();

  // After a navigation, move focus to the new page so screen readers and keyboards start there.
  useEffect(() => {
    if (previousPath.current === location.pathname) return;
    previousPath.current = location.pathname;
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  useEffect(() => {
    if (!menuOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [menuOpen]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <button
          type="button"
          className="topbar__menu-button"
          aria-expanded={menuOpen}
          aria-controls={navId}
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span className="hamburger" aria-hidden="true" />
          <span className="topbar__menu-label">{t('nav.menu')}</span>
        </button>
        <p className="brand">
          <span className="brand__mark" aria-hidden="true" />
          {t('app.name')}
          <span className="brand__tagline">{t('app.tagline')}</span>
        </p>
        <div className="topbar__tools">
          <DeviceTicksBadge userId={me.user.id} />
          <ConnectionIndicator />
          <LanguageSwitch />
          <UserMenu me={me} />
        </div>
      </header>
      <div className="shell__body">
        <MainNav
          id={navId}
          areas={visibleAreas(me.permissions)}
          open={menuOpen}
          onNavigate={() => setMenuOpen(false)}
        />
        <main id="main" className="shell__main" tabIndex={-1} ref={mainRef}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
