import type { ShiftLogLink } from '@vigie/shared';
import { useDeferredValue, useId, useState, type ReactNode } from 'react';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { useFormatDate } from '../../../lib/time-zone';
import { useIncidents } from '../../incidents/api/get-incidents';
import { useDevices } from '../../inventory/api/get-devices';
import { useRacks } from '../../inventory/api/get-racks';
import { localized } from '../../procedures/lib/localized';
import { useRuns } from '../../runs/api/get-runs';
import { useOccurrences } from '../../tasks/api/get-occurrences';

const pickableKinds = ['incident', 'run', 'occurrence', 'rack', 'device'] as const;
type PickableKind = (typeof pickableKinds)[number];
const resultLimit = 5;
// Runs and occurrences have no text search on the server: the latest ones are filtered here.
const recentLimit = 100;
const msPerHour = 3_600_000;

/**
 * Searches incidents (by reference or title), recent runs, the site's occurrences around now,
 * racks or devices, and adds the chosen one as a link. The label shown here is only a preview:
 * the server names each linked record itself.
 */
export function LinkPicker({
  siteId,
  links,
  onChange,
}: {
  siteId: number;
  links: readonly ShiftLogLink[];
  onChange: (links: ShiftLogLink[]) => void;
}) {
  const t = useT();
  const id = useId();
  const [kind, setKind] = useState<PickableKind>('incident');
  const [search, setSearch] = useState('');
  const text = useDeferredValue(search.trim());
  const searching = text.length > 0;
  const linked = (link: ShiftLogLink) => links.some((item) => item.kind === link.kind && item.id === link.id);

  return (
    <fieldset className="shift-links">
      <legend className="field__label">{t('shift.links')}</legend>
      {links.length > 0 && (
        <ul className="shift-links__chosen">
          {links.map((link) => (
            <li key={`${link.kind}-${link.id}`} className="badge">
              {t(`shift.link.${link.kind}`)} · {link.label}{' '}
              <button
                type="button"
                className="button button--ghost button--small"
                aria-label={t('shift.linkRemove', { label: link.label })}
                onClick={() => onChange(links.filter((item) => item !== link))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="shift-links__search">
        <label className="visually-hidden" htmlFor={`${id}-kind`}>
          {t('shift.linkKind')}
        </label>
        <select
          id={`${id}-kind`}
          className="input"
          value={kind}
          onChange={(event) => setKind(event.target.value as PickableKind)}
        >
          {pickableKinds.map((option) => (
            <option key={option} value={option}>
              {t(`shift.link.${option}`)}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor={`${id}-search`}>
          {t('shift.linkSearch')}
        </label>
        <input
          id={`${id}-search`}
          className="input"
          type="search"
          placeholder={t('shift.linkSearchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      {searching && (
        <ul className="shift-links__results">
          <LinkResults kind={kind} text={text} siteId={siteId}>
            {(results) =>
              results.length === 0 ? (
                <li className="panel__hint">{t('shift.linkNoMatch')}</li>
              ) : (
                results.map((result) => (
                  <li key={result.id}>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      disabled={linked(result)}
                      onClick={() => {
                        onChange([...links, result]);
                        setSearch('');
                      }}
                    >
                      {t('shift.linkAdd', { label: result.label })}
                    </button>
                  </li>
                ))
              )
            }
          </LinkResults>
        </ul>
      )}
    </fieldset>
  );
}

type ResultsRender = (results: ShiftLogLink[]) => ReactNode;

/** Only the chosen kind's list is queried, and only while there is text to search. */
function LinkResults({
  kind,
  text,
  siteId,
  children,
}: {
  kind: PickableKind;
  text: string;
  siteId: number;
  children: ResultsRender;
}) {
  if (kind === 'incident') return <IncidentResults text={text}>{children}</IncidentResults>;
  if (kind === 'run') return <RunResults text={text}>{children}</RunResults>;
  if (kind === 'occurrence') {
    return (
      <OccurrenceResults text={text} siteId={siteId}>
        {children}
      </OccurrenceResults>
    );
  }
  if (kind === 'rack') return <RackResults text={text}>{children}</RackResults>;
  return <DeviceResults text={text}>{children}</DeviceResults>;
}

function IncidentResults({ text, children }: { text: string; children: ResultsRender }) {
  const incidents = useIncidents({ search: text, limit: resultLimit, sort: 'newest' });
  return children(
    (incidents.data?.items ?? []).map((item) => ({
      kind: 'incident',
      id: item.id,
      label: `${item.reference} · ${item.title}`,
    })),
  );
}

function RackResults({ text, children }: { text: string; children: ResultsRender }) {
  const racks = useRacks({ search: text, limit: resultLimit });
  return children((racks.data?.items ?? []).map((item) => ({ kind: 'rack', id: item.id, label: item.name })));
}

function DeviceResults({ text, children }: { text: string; children: ResultsRender }) {
  const devices = useDevices({ search: text, limit: resultLimit });
  return children(
    (devices.data?.items ?? []).map((item) => ({ kind: 'device', id: item.id, label: item.name })),
  );
}

const matches = (text: string, ...fields: (string | null | undefined)[]) => {
  const wanted = text.toLocaleLowerCase();
  return fields.some((field) => field?.toLocaleLowerCase().includes(wanted));
};

function RunResults({ text, children }: { text: string; children: ResultsRender }) {
  const { locale } = useLocale();
  const runs = useRuns({ limit: recentLimit });
  return children(
    (runs.data?.items ?? [])
      .filter((run) =>
        matches(
          text.replace(/^#/, ''),
          String(run.id),
          run.procedure.id,
          localized(run.procedure.title, locale),
          run.context.label,
        ),
      )
      .slice(0, resultLimit)
      .map((run) => ({
        kind: 'run',
        id: run.id,
        label: `#${run.id} · ${localized(run.procedure.title, locale)}`,
      })),
  );
}

/** The site's occurrences of the last and next 24 hours. */
function OccurrenceResults({
  text,
  siteId,
  children,
}: {
  text: string;
  siteId: number;
  children: ResultsRender;
}) {
  const formatDate = useFormatDate();
  // Fixed while the results are open, so the query (and its key) stays the same.
  const [hour] = useState(() => Math.floor(Date.now() / msPerHour) * msPerHour);
  const occurrences = useOccurrences({
    siteId,
    from: new Date(hour - 24 * msPerHour).toISOString(),
    to: new Date(hour + 25 * msPerHour).toISOString(),
    limit: recentLimit,
  });
  return children(
    (occurrences.data?.items ?? [])
      .filter((occurrence) => matches(text, occurrence.title, occurrence.procedureId))
      .slice(0, resultLimit)
      .map((occurrence) => ({
        kind: 'occurrence',
        id: occurrence.id,
        label: `${occurrence.title} · ${formatDate(occurrence.scheduledAt, 'datetime')}`,
      })),
  );
}
