import { Link } from 'react-router';
import { useT } from '../../../lib/i18n/i18n-provider';
import { usePendingHandovers } from '../api/get-pending-handovers';

/** The board's flag: submitted handovers nobody has acknowledged yet. Nothing while there are none. */
export function PendingHandoversBanner() {
  const t = useT();
  const pending = usePendingHandovers();
  const count = pending.data?.items.length ?? 0;
  if (count === 0) return null;
  return (
    <div className="alert alert--warning" role="status" data-testid="pending-handovers-banner">
      <p>
        {t('shift.boardPending', { count })} <Link to="/shift">{t('shift.boardPendingLink')}</Link>
      </p>
    </div>
  );
}
