import type { Me } from '@vigie/shared';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../../lib/i18n/i18n-provider';
import { usePendingTicks } from '../../runs/hooks/use-tick-queue';
import { hasPendingTicks } from '../../runs/offline/device-ticks';
import { useSignOut } from '../api/sign-out';
import { SignOutWarning } from './sign-out-warning';

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

/** The signed-in user's name and role, and sign-out, in a popover (light dismiss and Escape for free). */
const panelId = 'user-menu-panel';

export function UserMenu({ me }: { me: Me }) {
  const t = useT();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { displayName, role, username } = me.user;
  const pending = usePendingTicks(me.user.id);
  const [warning, setWarning] = useState(false);

  const signOutNow = () => {
    signOut.mutate(undefined, { onSettled: () => void navigate('/sign-in', { replace: true }) });
  };
  // Ticks still on this device are only sent when this user is signed in here: say so first.
  const onSignOut = () => {
    if (!hasPendingTicks(pending)) {
      signOutNow();
      return;
    }
    document.getElementById(panelId)?.hidePopover();
    setWarning(true);
  };

  return (
    <div className="user-menu">
      <button
        type="button"
        className="user-menu__button"
        popoverTarget={panelId}
        aria-label={t('userMenu.label', { name: displayName })}
      >
        {/* Initials drawn by CSS: decoration, kept out of the visible text the button's name must contain. */}
        <span
          className="user-menu__avatar"
          aria-hidden="true"
          data-initials={initialsOf(displayName) || '?'}
        />
        <span className="user-menu__name">{displayName}</span>
      </button>
      <div id={panelId} className="user-menu__panel" popover="auto">
        <p className="user-menu__display-name">{displayName}</p>
        <p className="user-menu__meta">{username}</p>
        <p className="user-menu__meta" data-testid="user-role">
          {t('userMenu.role', { role: t(`role.${role}`) })}
        </p>
        <button
          type="button"
          className="button button--secondary button--block"
          onClick={onSignOut}
          disabled={signOut.isPending}
        >
          {signOut.isPending ? t('userMenu.signingOut') : t('userMenu.signOut')}
        </button>
      </div>
      {warning && (
        <SignOutWarning
          pending={pending}
          signingOut={signOut.isPending}
          onStay={() => setWarning(false)}
          onSignOut={signOutNow}
        />
      )}
    </div>
  );
}
