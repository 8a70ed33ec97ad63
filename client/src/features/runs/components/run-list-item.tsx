import type { RunSummary } from '@vigie/shared';
import { Link } from 'react-router';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { useFormatDate } from '../../../lib/time-zone';
import { ProcedureKindBadge } from '../../procedures/components/procedure-badges';
import { localized } from '../../procedures/lib/localized';
import { usePendingTicks } from '../hooks/use-tick-queue';
import { useRunPermissions } from '../hooks/use-run-permissions';
import { DeviceTickCounts } from '../offline/device-ticks';
import { RunProgressBar, RunStateBadge } from './run-badges';
import { RunContextLink } from './run-context-link';

/** A run in a list: procedure, state, context, who, progress. */
export function RunListItem({ run, compact = false }: { run: RunSummary; compact?: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const formatDate = useFormatDate();
  // Ticks of this run still on this device: seen from "my runs" without opening the run.
  const pending = usePendingTicks(useRunPermissions().userId, run.id);
  return (
    <li className="run-item" data-testid={`run-item-${run.id}`}>
      <p className="run-item__meta">
        <RunStateBadge state={run.state} />
        <ProcedureKindBadge kind={run.procedure.kind} />
        <span>{t('runs.run', { id: run.id })}</span>
        <DeviceTickCounts pending={pending} />
      </p>
      <Link className="run-item__title" to={`/runs/${run.id}`}>
        {localized(run.procedure.title, locale)}
      </Link>
      <p className="run-item__meta">
        <span>
          <RunContextLink context={run.context} />
        </span>
        <span>{run.assignee?.displayName ?? t('runs.unassigned')}</span>
        {!compact && <span>{formatDate(run.startedAt)}</span>}
      </p>
      <RunProgressBar progress={run.progress} compact />
    </li>
  );
}
