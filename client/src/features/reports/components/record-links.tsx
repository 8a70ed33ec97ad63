import type { LocalizedText } from '@vigie/shared';
import { Link } from 'react-router';
import { useLocale } from '../../../lib/i18n/i18n-provider';
import { useRecordAccess } from '../hooks/use-record-access';

export function IncidentLink({ id, reference, title }: { id: number; reference: string; title: string }) {
  return (
    <Link to={`/incidents/${id}`}>
      <span className="mono">{reference}</span> {title}
    </Link>
  );
}

/** A run's title, a link for readers who have run pages, text for the others. */
export function RunLink({ id, title }: { id: number; title: LocalizedText | string }) {
  const { locale } = useLocale();
  const access = useRecordAccess();
  const text = typeof title === 'string' ? title : title[locale];
  return access.runs ? <Link to={`/runs/${id}`}>{text}</Link> : <span>{text}</span>;
}
