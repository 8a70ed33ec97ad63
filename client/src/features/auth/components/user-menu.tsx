import type { Me } from '@vigie/shared';
import { useNavigate } from 'react-router';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useSignOut } from '../api/sign-out';

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

/** The signed-in user's name and role, and sign-out, in a popover (light dismiss and Escape for free). */
export function UserMenu({ me }: { me: Me }) {
  const t = useT();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { displayName, role, username } = me.user;

  const onSignOut = () => {
    signOut.mutate(undefined, { onSettled: () => void navigate('/sign-in', { replace: true }) });
  };

  return (
    <div className="user-menu">
      <button
        type="button"
        className="user-menu__button"
        popoverTarget="user-menu-panel"
        aria-label={t('userMenu.label', { name: displayName })}
      >
        <span className="user-menu__avatar" aria-hidden="true">
          {initialsOf(displayName) || '?'}
        </span>
        <span className="user-menu__name">{displayName}</span>
      </button>
      <div id="user-menu-panel" className="user-menu__panel" popover="auto">
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
    </div>
  );
}
