import {
  createIncidentNoteSchema,
  incidentOrigins,
  procedureCategories,
  type TimelineEntry,
  type TimelineValue,
} from '@vigie/shared';
import { useState, type FormEvent } from 'react';
import { ErrorState } from '../../../components/ui/error-state';
import { FormField } from '../../../components/ui/form-field';
import { LoadingState } from '../../../components/ui/loading-state';
import { errorMessage } from '../../../lib/error-message';
import { zodFieldErrors } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n/i18n-provider';
import type { PlainMessageKey, Translate } from '../../../lib/i18n/translate';
import { useFormatDate } from '../../../lib/time-zone';
import { useAddIncidentNote } from '../api/add-incident-note';
import { useIncidentTimeline } from '../api/get-incident-timeline';
import { useRetryKey } from '../hooks/use-retry-key';
import { SlaIcon } from './sla-icon';

/** The timeline names fields as the server snapshots them; known ones get their label. */
const fieldLabels: Partial<Record<string, PlainMessageKey>> = {
  title: 'incidents.titleField',
  description: 'incidents.description',
  category: 'incidents.category',
  origin: 'incidents.origin',
  impact: 'incidents.impact',
  urgency: 'incidents.urgency',
  major: 'incidents.majorShort',
  priority: 'incidents.priority',
  site: 'incidents.site',
  room: 'incidents.room',
  racks: 'incidents.racks',
  devices: 'incidents.devices',
  tenants: 'incidents.tenants',
  tenantsDerived: 'incidents.tenantsDerived',
  assignee: 'incidents.assignee',
  workaround: 'incidents.workaround',
  rootCause: 'incidents.rootCause',
};

function valueText(field: string, value: TimelineValue, t: Translate): string {
  if (value === null) return t('common.none');
  if (typeof value === 'boolean') return value ? t('devices.yes') : t('devices.no');
  if (Array.isArray(value)) return value.length === 0 ? t('common.none') : value.join(', ');
  const category = procedureCategories.find((candidate) => candidate === value);
  if (field === 'category' && category) return t(`procedures.category.${category}`);
  const origin = incidentOrigins.find((candidate) => candidate === value);
  if (field === 'origin' && origin) return t(`incidents.origin.${origin}`);
  return String(value);
}

/** What happened, in a line; details (comment, reasons, changes) follow below it. */
function EntryBody({ entry }: { entry: TimelineEntry }) {
  const t = useT();
  const formatDate = useFormatDate();
  switch (entry.kind) {
    case 'transition': {
      const d = entry.details;
      return (
        <>
          <p className="timeline__what">
            {d.from === null
              ? t('incidents.timeline.created')
              : t('incidents.timeline.transition', {
                  from: t(`incidents.status.${d.from}`),
                  to: t(`incidents.status.${d.to}`),
                })}
          </p>
          <ul className="plain-list timeline__details">
            {d.pendingReason && (
              <li>
                {t('incidents.fieldValue', {
                  label: t('incidents.pendingReason'),
                  value: t(`incidents.pendingReason.${d.pendingReason}`),
                })}
              </li>
            )}
            {d.resolutionCode && (
              <li>
                {t('incidents.fieldValue', {
                  label: t('incidents.resolutionCode'),
                  value: t(`incidents.resolutionCode.${d.resolutionCode}`),
                })}
              </li>
            )}
            {d.solution && (
              <li>{t('incidents.fieldValue', { label: t('incidents.solution'), value: d.solution })}</li>
            )}
            {d.workaround && (
              <li>{t('incidents.fieldValue', { label: t('incidents.workaround'), value: d.workaround })}</li>
            )}
            {d.cancellationReason && (
              <li>
                {t('incidents.fieldValue', {
                  label: t('incidents.cancellationReason'),
                  value: t(`incidents.cancellationReason.${d.cancellationReason}`),
                })}
              </li>
            )}
            {d.comment && <li className="timeline__text">{d.comment}</li>}
          </ul>
        </>
      );
    }
    case 'field_change':
      return (
        <>
          <p className="timeline__what">{t('incidents.timeline.fieldChange')}</p>
          <ul className="plain-list timeline__details">
            {entry.details.changes.map((change) => {
              const label = fieldLabels[change.field];
              return (
                <li key={change.field}>
                  {t('incidents.fieldChange', {
                    label: label ? t(label) : change.field,
                    from: valueText(change.field, change.from, t),
                    to: valueText(change.field, change.to, t),
                  })}
                </li>
              );
            })}
          </ul>
        </>
      );
    case 'note':
      return (
        <>
          <p className="timeline__what">
            {t('incidents.timeline.note')}
            {entry.details.clientVisible && (
              <>
                {' '}
                <span className="badge">{t('incidents.noteClientVisible')}</span>
              </>
            )}
          </p>
          <p className="timeline__text">{entry.details.text}</p>
        </>
      );
    case 'sla_warning':
      return (
        <p className="timeline__what">
          <SlaIcon level="warning" />{' '}
          {t('incidents.timeline.slaWarning', {
            metric: t(`incidents.clock.${entry.details.metric}`),
            time: formatDate(entry.details.dueAt),
          })}
        </p>
      );
    case 'sla_breach':
      return (
        <p className="timeline__what">
          <SlaIcon level="breached" />{' '}
          {t('incidents.timeline.slaBreach', {
            metric: t(`incidents.clock.${entry.details.metric}`),
            time: formatDate(entry.details.dueAt),
          })}
        </p>
      );
    case 'escalation':
      return (
        <p className="timeline__what">{t('incidents.timeline.escalation', { level: entry.details.level })}</p>
      );
  }
}

function NoteForm({ incidentId }: { incidentId: number }) {
  const t = useT();
  const addNote = useAddIncidentNote();
  const retryKey = useRetryKey();
  const [text, setText] = useState('');
  const [clientVisible, setClientVisible] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = createIncidentNoteSchema.safeParse({ text, clientVisible }, { reportInput: true });
    if (!parsed.success) {
      setError(zodFieldErrors(parsed.error.issues, t).text);
      return;
    }
    setError(undefined);
    setDone(false);
    addNote.mutate(
      { id: incidentId, body: parsed.data, idempotencyKey: retryKey.key },
      {
        onSuccess: () => {
          retryKey.settled();
          setText('');
          setClientVisible(false);
          setDone(true);
        },
        // The text stays in the box so nothing typed is lost; a retry reuses the key if no answer came.
        onError: (failure) => {
          retryKey.settled(failure);
          setError(errorMessage(failure, t));
        },
      },
    );
  };
  return (
    <form className="form timeline__note-form" onSubmit={onSubmit} noValidate>
      <FormField label={t('incidents.addNote')} error={error}>
        {(control) => (
          <textarea
            {...control}
            className="input"
            name="note"
            rows={3}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </FormField>
      <label className="checkbox">
        <input
          type="checkbox"
          name="clientVisible"
          checked={clientVisible}
          onChange={(event) => setClientVisible(event.target.checked)}
        />
        {t('incidents.noteClientVisible')}
      </label>
      <div className="form__actions">
        <span role="status" className="field__hint">
          {done ? t('incidents.noteAdded') : ''}
        </span>
        <button type="submit" className="button button--primary" disabled={addNote.isPending}>
          {addNote.isPending ? t('incidents.adding') : t('incidents.addNote')}
        </button>
      </div>
    </form>
  );
}

/** Every transition, change, note and SLA event, oldest first, with who and when. */
export function IncidentTimeline({ incidentId, canAddNote }: { incidentId: number; canAddNote: boolean }) {
  const t = useT();
  const formatDate = useFormatDate();
  const timeline = useIncidentTimeline(incidentId);
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="section" aria-labelledby="incident-timeline">
      <h2 id="incident-timeline" className="section__title">
        {t('incidents.timeline')}
      </h2>
      {timeline.isPending ? (
        <LoadingState />
      ) : timeline.isError ? (
        <ErrorState
          error={timeline.error}
          title={t('incidents.timelineError')}
          onRetry={() => void timeline.refetch()}
        />
      ) : entries.length === 0 ? (
        <p className="field__hint">{t('incidents.timelineEmpty')}</p>
      ) : (
        <ol className="timeline" data-testid="incident-timeline">
          {entries.map((entry) => (
            <li key={entry.id} className={`timeline__entry timeline__entry--${entry.kind}`}>
              <p className="timeline__meta">
                <time dateTime={entry.at}>{formatDate(entry.at, 'datetime')}</time>{' '}
                {t('incidents.timeline.by', { name: entry.author?.displayName ?? t('incidents.system') })}
              </p>
              <EntryBody entry={entry} />
            </li>
          ))}
        </ol>
      )}
      {timeline.hasNextPage && (
        <button
          type="button"
          className="button button--secondary"
          disabled={timeline.isFetchingNextPage}
          onClick={() => void timeline.fetchNextPage()}
        >
          {t('incidents.timelineMore')}
        </button>
      )}
      {canAddNote && <NoteForm incidentId={incidentId} />}
    </section>
  );
}
