import type { SlaClock } from '@vigie/shared';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useFormatDate } from '../../../lib/time-zone';
import { useNow } from '../hooks/use-now';
import { readClock } from '../lib/sla-countdown';
import { SlaCountdown } from './sla-countdown';

/** The three clocks of an incident, ticking every second. */
export function SlaClocks({ clocks }: { clocks: readonly SlaClock[] }) {
  const t = useT();
  const formatDate = useFormatDate();
  const now = useNow(1000);
  return (
    <ul className="sla-clocks" data-testid="sla-clocks">
      {clocks.map((clock) => (
        <li key={clock.metric} className="sla-clocks__item" data-metric={clock.metric}>
          <p className="sla-clocks__metric">{t(`incidents.clock.${clock.metric}`)}</p>
          <SlaCountdown reading={readClock(clock, now)} showMetric={false} />
          <p className="sla-clocks__meta">
            {t('incidents.clock.target', { minutes: clock.targetMinutes })}
            {clock.dueAt && clock.stoppedAt === null && (
              <>
                {' · '}
                {t('incidents.clock.due', { time: formatDate(clock.dueAt) })}
              </>
            )}
            {clock.stoppedAt && (
              <>
                {' · '}
                {t('incidents.clock.stopped', { time: formatDate(clock.stoppedAt) })}
              </>
            )}
            {clock.pausedMinutes > 0 && (
              <>
                {' · '}
                {t('incidents.clock.pausedFor', { minutes: Math.round(clock.pausedMinutes) })}
              </>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
