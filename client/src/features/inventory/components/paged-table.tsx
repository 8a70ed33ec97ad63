import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { Pagination } from './list-controls';
import type { usePagedSearch } from './use-paged-search';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * One keyset-paged inventory list: loading, error (kept off screen while an older page still shows),
 * empty, or the table with its caption and pager.
 */
export function PagedTable<T>({
  query,
  paged,
  emptyTitle,
  captionId,
  caption,
  head,
  children,
}: {
  query: UseQueryResult<Page<T>>;
  paged: ReturnType<typeof usePagedSearch>;
  emptyTitle: string;
  captionId: string;
  caption: string;
  /** The header row. */
  head: ReactNode;
  /** The body rows of the current page. */
  children: (items: T[]) => ReactNode;
}) {
  const t = useT();
  const page = query.data;
  if (query.isPending) return <LoadingState />;
  if (!page) {
    return (
      <ErrorState error={query.error} title={t('inventory.loadError')} onRetry={() => void query.refetch()} />
    );
  }
  if (page.items.length === 0 && paged.pageNumber === 1) return <EmptyState title={emptyTitle} />;
  return (
    <>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="table" aria-busy={query.isPlaceholderData}>
          <caption id={captionId} className="visually-hidden">
            {caption}
          </caption>
          <thead>{head}</thead>
          <tbody>{children(page.items)}</tbody>
        </table>
      </div>
      <Pagination
        pageNumber={paged.pageNumber}
        hasPrevious={paged.pageNumber > 1}
        hasNext={Boolean(page.nextCursor)}
        busy={query.isFetching}
        onPrevious={paged.goPrevious}
        onNext={() => paged.goNext(page.nextCursor)}
      />
    </>
  );
}
