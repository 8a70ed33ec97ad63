import type { RunContextRequest } from '@vigie/shared';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/error-message';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useSites } from '../../sites/api/get-sites';
import { useStartRun } from '../api/start-run';
import { useRunPermissions } from '../hooks/use-run-permissions';

interface StartRunButtonProps {
  procedureId: string;
  /** The version the user was reading: if the library changed meanwhile, the server answers 409. */
  procedureVersion?: string;
  context?: RunContextRequest;
  label?: string;
  className?: string;
}

/** Starts a run of the procedure (roles with `run.tick`) and opens its checklist. */
export function StartRunButton({
  procedureId,
  procedureVersion,
  context,
  label,
  className,
}: StartRunButtonProps) {
  const t = useT();
  const navigate = useNavigate();
  const { canTick, userId } = useRunPermissions();
  const start = useStartRun();
  // A free run is done on a site chosen here (the first, like the shift page, unless changed);
  // an incident's or occurrence's run takes its context's site on the server.
  const free = (context ?? { kind: 'none' }).kind === 'none';
  const sites = useSites({ enabled: canTick && free });
  const [chosenSiteId, setChosenSiteId] = useState<number | null>(null);
  const siteId = free ? (chosenSiteId ?? sites.data?.items[0]?.id ?? null) : null;
  const siteFieldId = useId();
  if (!canTick) return null;
  return (
    <>
      {free && sites.data && sites.data.items.length > 1 && (
        <div className="field field--inline">
          <label className="field__label" htmlFor={siteFieldId}>
            {t('inventory.site')}
          </label>
          <select
            id={siteFieldId}
            className="input"
            value={siteId ?? ''}
            onChange={(event) => setChosenSiteId(Number(event.target.value))}
          >
            {sites.data.items.map((site) => (
              <option key={site.id} value={site.id}>
                {site.code} · {site.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <button
        type="button"
        className={className ?? 'button button--primary button--touch'}
        // Wait for the sites, so a free run is not started without the preselected one.
        disabled={start.isPending || (free && sites.isPending)}
        onClick={() =>
          start.mutate(
            {
              procedureId,
              ...(procedureVersion ? { procedureVersion } : {}),
              context: context ?? { kind: 'none' },
              assigneeId: userId ?? null,
              ...(siteId === null ? {} : { siteId }),
            },
            { onSuccess: (run) => void navigate(`/runs/${run.id}`) },
          )
        }
      >
        {start.isPending ? t('runs.starting') : (label ?? t('runs.start'))}
      </button>
      {start.isError && (
        <p className="alert alert--error" role="alert">
          {t('runs.startError')} {errorMessage(start.error, t)}
        </p>
      )}
    </>
  );
}
