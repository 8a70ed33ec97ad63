import { useT } from '../../../lib/i18n/i18n-provider';
import type { Translate } from '../../../lib/i18n/translate';
import { formatDuration, type ClockReading } from '../lib/sla-countdown';
import { SlaIcon } from './sla-icon';

const levelLabels = {
  ok: 'incidents.clock.ok',
  warning: 'incidents.clock.warning',
  breached: 'incidents.clock.breached',
  paused: 'incidents.clock.paused',
  met: 'incidents.clock.met',
} as const;

export function timeLeftText(remainingMs: number, t: Translate): string {
  const { days, clock } = formatDuration(remainingMs);
  if (remainingMs < 0) {
    return days > 0
      ? t('incidents.clock.overDays', { days, time: clock })
      : t('incidents.clock.over', { time: clock });
  }
  return days > 0
    ? t('incidents.clock.leftDays', { days, time: clock })
    : t('incidents.clock.left', { time: clock });
}

/** One clock's state and time left (or over), e.g. "⚠ Prise en compte · Alerte (75 %) · reste 04:12". */
export function SlaCountdown({
  reading,
  showMetric = true,
}: {
  reading: ClockReading | null;
  showMetric?: boolean;
}) {
  const t = useT();
  if (!reading) {
    return <span className="sla sla--none">{t('incidents.clock.none')}</span>;
  }
  const { level, clock, remainingMs } = reading;
  return (
    <span className={`sla sla--${level}`} data-level={level} data-metric={clock.metric}>
      <SlaIcon level={level} />
      {showMetric && <span className="sla__metric">{t(`incidents.clockShort.${clock.metric}`)}</span>}
      {level !== 'ok' && <span className="sla__level">{t(levelLabels[level])}</span>}
      {remainingMs !== null && <span className="sla__time">{timeLeftText(remainingMs, t)}</span>}
    </span>
  );
}
