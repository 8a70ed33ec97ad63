import { shiftLogCategories, type ShiftLogCategory, type ShiftLogEntry } from '@vigie/shared';
import { useState } from 'react';
import '../shift.css';
import { ErrorState } from '../../../components/ui/error-state';
import { EmptyState } from '../../../components/ui/empty-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useSignedInMe } from '../../../app/routes/use-signed-in-me';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useSites } from '../../sites/api/get-sites';
import { HandoverDraftPanel } from './handover-draft-panel';
import { PendingHandovers } from './pending-handovers';
import { ShiftEntryForm } from './shift-entry-form';
import { ShiftLogList } from './shift-log-list';

/** The main courante of a site, live, and the shift handover (relève). */
export function ShiftPage() {
  const t = useT();
  const me = useSignedInMe();
  const sites = useSites();
  const [chosenSiteId, setChosenSiteId] = useState<number | null>(null);
  const [category, setCategory] = useState<ShiftLogCategory | undefined>(undefined);
  const [correcting, setCorrecting] = useState<ShiftLogEntry | null>(null);
  if (!me) return null;
  const canWrite = me.permissions.includes('shift.write');
  const siteId = chosenSiteId ?? sites.data?.items[0]?.id ?? null;

  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('shift.title') })}</title>
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('shift.title')}</h1>
          <p className="page__subtitle">{t('shift.subtitle')}</p>
        </div>
        {sites.data && sites.data.items.length > 1 && (
          <div className="page__actions field field--inline">
            <label className="field__label" htmlFor="shift-site">
              {t('shift.site')}
            </label>
            <select
              id="shift-site"
              className="input"
              value={siteId ?? ''}
              onChange={(event) => {
                setChosenSiteId(Number(event.target.value));
                setCorrecting(null);
              }}
            >
              {sites.data.items.map((site) => (
                <option key={site.id} value={site.id}>
                  {site.code} · {site.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </header>
      {sites.isPending && <LoadingState />}
      {sites.isError && <ErrorState error={sites.error} onRetry={() => void sites.refetch()} />}
      {sites.data && siteId === null && <EmptyState title={t('shift.noSite')} />}
      {siteId !== null && (
        <div className="shift-layout">
          <section className="panel shift-layout__log" aria-labelledby="shift-log-title">
            <h2 className="panel__title" id="shift-log-title">
              {t('shift.logTitle')}
            </h2>
            <div className="panel__body">
              {canWrite && (
                <ShiftEntryForm
                  key={`${siteId}-${correcting?.id ?? 'new'}`}
                  siteId={siteId}
                  correcting={correcting}
                  onCorrectionDone={() => setCorrecting(null)}
                />
              )}
              <div className="field field--inline">
                <label className="field__label" htmlFor="shift-category-filter">
                  {t('shift.category')}
                </label>
                <select
                  id="shift-category-filter"
                  className="input"
                  value={category ?? ''}
                  onChange={(event) =>
                    setCategory(event.target.value ? (event.target.value as ShiftLogCategory) : undefined)
                  }
                >
                  <option value="">{t('shift.allCategories')}</option>
                  {shiftLogCategories.map((option) => (
                    <option key={option} value={option}>
                      {t(`shift.category.${option}`)}
                    </option>
                  ))}
                </select>
              </div>
              <ShiftLogList
                siteId={siteId}
                category={category}
                canWrite={canWrite}
                onCorrect={(entry) => {
                  setCorrecting(entry);
                  window.scrollTo({ top: 0, behavior: 'smooth' });
                }}
              />
            </div>
          </section>
          <section className="panel" aria-labelledby="shift-handover-title">
            <h2 className="panel__title" id="shift-handover-title">
              {t('shift.handoverTitle')}
            </h2>
            <div className="panel__body">
              <h3 className="section__title">{t('shift.pendingTitle')}</h3>
              <PendingHandovers myUserId={me.user.id} canWrite={canWrite} />
              {canWrite && <HandoverDraftPanel key={siteId} siteId={siteId} />}
            </div>
          </section>
        </div>
      )}
    </div>
  );
}
