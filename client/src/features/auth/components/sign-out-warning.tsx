import { Dialog } from '../../../components/ui/dialog';
import { useT } from '../../../lib/i18n/i18n-provider';
import type { PendingTicks } from '../../runs/offline/pending-ticks';

interface SignOutWarningProps {
  pending: PendingTicks;
  signingOut: boolean;
  onStay: () => void;
  onSignOut: () => void;
}

/** Asked before signing out while ticks of this user are still on the device (not sent, or refused). */
export function SignOutWarning({ pending, signingOut, onStay, onSignOut }: SignOutWarningProps) {
  const t = useT();
  return (
    <Dialog title={t('runs.device.signOutTitle')} onClose={onStay}>
      <div className="form" data-testid="sign-out-warning">
        {pending.waiting > 0 && <p>{t('runs.device.signOutWaiting', { count: pending.waiting })}</p>}
        {pending.refused > 0 && <p>{t('runs.device.signOutRefused', { count: pending.refused })}</p>}
        <p>{t('runs.device.signOutKept')}</p>
        <div className="form__actions">
          <button type="button" className="button button--primary button--touch" onClick={onStay}>
            {t('runs.device.stay')}
          </button>
          <button
            type="button"
            className="button button--secondary button--touch"
            onClick={onSignOut}
            disabled={signingOut}
          >
            {signingOut ? t('userMenu.signingOut') : t('runs.device.signOutAnyway')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
