import {
  procedureCategories,
  procedureKinds,
  procedureRisks,
  procedureTargets,
  type ProcedureSummary,
} from '@vigie/shared';
import { useDeferredValue, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { useMe } from '../../auth/api/get-me';
import { FilterBar, FilterSelect, SearchBox } from '../../inventory/components/list-controls';
import { hasFilters, readEnumParam, withFilter } from '../../inventory/lib/list-filters';
import { useProcedures } from '../api/get-procedures';
import { localized } from '../lib/localized';
import { LibraryProblems } from './library-problems';
import { ProcedureKindBadge, ProcedureRiskBadge } from './procedure-badges';

const filterKeys = ['kind', 'risk', 'category', 'appliesTo'] as const;

export function ProceduresPage() {
  const t = useT();
  const { locale } = useLocale();
  const isAdmin = useMe().data?.permissions.includes('user.manage') ?? false;
  const [params, setParams] = useSearchParams();
  const [searchInput, setSearchInput] = useState(() => params.get('q') ?? '');
  const search = useDeferredValue(searchInput.trim());
  const risk = readEnumParam(params, 'risk', procedureRisks);
  const procedures = useProcedures({
    kind: readEnumParam(params, 'kind', procedureKinds),
    category: readEnumParam(params, 'category', procedureCategories),
    appliesTo: readEnumParam(params, 'appliesTo', procedureTargets),
    search: search || undefined,
  });
  // The server filters by kind, category, equipment and text; risk is narrowed here.
  const items = procedures.data?.items.filter((item) => !risk || item.risk === risk);
  const setFilter = (key: string, value: string) =>
    setParams(withFilter(params, key, value), { replace: true });

  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('procedures.library') })}</title>
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('procedures.library')}</h1>
          {items && <p className="page__subtitle">{t('procedures.count', { count: items.length })}</p>}
        </div>
      </header>
      <div className="toolbar">
        <SearchBox
          value={searchInput}
          onChange={setSearchInput}
          placeholder={t('procedures.searchPlaceholder')}
        />
      </div>
      <FilterBar
        canClear={hasFilters(params, filterKeys)}
        onClear={() => setParams(new URLSearchParams(), { replace: true })}
      >
        <FilterSelect
          label={t('procedures.kind')}
          value={params.get('kind') ?? ''}
          onChange={(value) => setFilter('kind', value)}
          allLabel={t('inventory.all')}
          options={procedureKinds.map((kind) => ({ value: kind, label: t(`procedures.kind.${kind}`) }))}
        />
        <FilterSelect
          label={t('procedures.risk')}
          value={params.get('risk') ?? ''}
          onChange={(value) => setFilter('risk', value)}
          allLabel={t('inventory.all')}
          options={procedureRisks.map((value) => ({ value, label: t(`procedures.riskValue.${value}`) }))}
        />
        <FilterSelect
          label={t('procedures.category')}
          value={params.get('category') ?? ''}
          onChange={(value) => setFilter('category', value)}
          allLabel={t('inventory.allFeminine')}
          options={procedureCategories.map((value) => ({ value, label: t(`procedures.category.${value}`) }))}
        />
        <FilterSelect
          label={t('procedures.appliesTo')}
          value={params.get('appliesTo') ?? ''}
          onChange={(value) => setFilter('appliesTo', value)}
          allLabel={t('inventory.all')}
          options={procedureTargets.map((value) => ({ value, label: t(`procedures.target.${value}`) }))}
        />
      </FilterBar>

      {procedures.isPending ? (
        <LoadingState />
      ) : procedures.isError && !items ? (
        <ErrorState
          error={procedures.error}
          title={t('procedures.loadError')}
          onRetry={() => void procedures.refetch()}
        />
      ) : items && items.length === 0 ? (
        <EmptyState
          title={search || hasFilters(params, filterKeys) ? t('procedures.noMatch') : t('procedures.empty')}
        />
      ) : items ? (
        <ul
          className="procedure-list"
          aria-label={t('procedures.listLabel')}
          aria-busy={procedures.isPlaceholderData}
        >
          {items.map((item) => (
            <ProcedureCard key={item.id} procedure={item} title={localized(item.title, locale)} />
          ))}
        </ul>
      ) : null}

      {isAdmin && <LibraryProblems />}
    </div>
  );
}

function ProcedureCard({ procedure, title }: { procedure: ProcedureSummary; title: string }) {
  const t = useT();
  return (
    <li className="procedure-card" data-testid={`procedure-${procedure.id}`}>
      <div className="procedure-card__badges">
        <ProcedureKindBadge kind={procedure.kind} />
        <ProcedureRiskBadge risk={procedure.risk} />
      </div>
      <Link className="procedure-card__title" to={`/procedures/${procedure.id}`}>
        {title}
      </Link>
      <p className="procedure-card__meta">
        <span className="mono">{procedure.id}</span>
        <span>{t('procedures.stepCount', { count: procedure.stepCount })}</span>
        <span>{t('procedures.minutes', { minutes: procedure.estimated_minutes })}</span>
        <span>{procedure.categories.map((category) => t(`procedures.category.${category}`)).join(', ')}</span>
      </p>
    </li>
  );
}
