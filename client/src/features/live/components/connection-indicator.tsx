import { useLiveStatus, type LiveStatus } from '../../../lib/live-socket';
import { useT } from '../../../lib/i18n/i18n-provider';
import type { Translate } from '../../../lib/i18n/translate';
import { useFormatDate } from '../../../lib/time-zone';

function shortText(status: LiveStatus, t: Translate): string {
  switch (status.state) {
    case 'connected':
      return t('live.connected');
    case 'connecting':
      return t('live.connecting');
    case 'reconnecting':
      return t('live.reconnecting');
    case 'offline':
      return t('live.offline');
  }
}

function statusText(status: LiveStatus, t: Translate, time: string): string {
  switch (status.state) {
    case 'connected':
      return t('live.connected');
    case 'connecting':
      return t('live.connecting');
    case 'reconnecting':
      return t('live.reconnectingSince', { time });
    case 'offline':
      return t('live.offlineSince', { time });
  }
}

/** Whether the board is live: colour, text and a polite announcement when it changes. */
export function ConnectionIndicator() {
  const t = useT();
  const formatDate = useFormatDate();
  const status = useLiveStatus();
  const text = statusText(status, t, formatDate(status.since, 'timeWithSeconds'));
  return (
    <p
      className={`live-indicator live-indicator--${status.state}`}
      role="status"
      aria-live="polite"
      data-testid="connection-indicator"
      data-state={status.state}
      title={t('live.title', { status: text })}
    >
      <span className="live-indicator__dot" aria-hidden="true" />
      <span className="visually-hidden">{t('live.label')} – </span>
      <span className="live-indicator__text">{text}</span>
      <span className="live-indicator__short" aria-hidden="true">
        {shortText(status, t)}
      </span>
    </p>
  );
}
