import type { RunContext } from '@vigie/shared';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n/i18n-provider';

/** What a run was started for, linked when it has a page. */
export function RunContextLink({ context }: { context: RunContext }) {
  const t = useT();
  if (context.kind === 'none' || context.id === null) return <>{t('runs.context.none')}</>;
  const label = context.label ?? `${t(`runs.context.${context.kind}`)} #${context.id}`;
  if (context.kind === 'incident') return <Link to={`/incidents/${context.id}`}>{label}</Link>;
  return <>{label}</>;
}
