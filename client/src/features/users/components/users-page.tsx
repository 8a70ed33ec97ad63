import type { User } from '@vigie/shared';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Dialog } from '../../../components/ui/dialog';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useTenants } from '../../tenants/api/get-tenants';
import { useUsers } from '../api/get-users';
import { CreateUserForm } from './create-user-form';
import { EditUserForm } from './edit-user-form';
import { UsersTable } from './users-table';

const pageSize = 25;
const searchDelayMs = 300;

type Editing = { user: User; stale: boolean } | null;

export function UsersPage() {
  const t = useT();
  const [searchParams] = useSearchParams();
  // `?q=` opens the page on a search (links, bookmarks); typing then stays local to the page, so a
  // debounce timer can never navigate (it once raced sign-out and landed on /sign-in?q=…).
  const [searchInput, setSearchInput] = useState(() => searchParams.get('q') ?? '');
  const [search, setSearch] = useState(() => searchInput.trim());
  // The cursors of the pages before the current one, for "previous"; a new search starts over.
  const [paging, setPaging] = useState<{ search: string; cursors: string[] }>({ search, cursors: [] });
  const cursors = paging.search === search ? paging.cursors : [];
  const cursor = cursors.at(-1);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const users = useUsers({ limit: pageSize, cursor, search: search || undefined });
  const tenants = useTenants();

  useEffect(() => {
    const next = searchInput.trim();
    if (next === search) return;
    const timer = window.setTimeout(() => setSearch(next), searchDelayMs);
    return () => window.clearTimeout(timer);
  }, [searchInput, search]);

  const page = users.data;
  const goNext = () => {
    if (page?.nextCursor) setPaging({ search, cursors: [...cursors, page.nextCursor] });
  };
  const goPrevious = () => setPaging({ search, cursors: cursors.slice(0, -1) });

  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('users.title') })}</title>
      <header className="page__header">
        <h1 className="page__title">{t('users.title')}</h1>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            setNotice(null);
            setCreating(true);
          }}
        >
          {t('users.new')}
        </button>
      </header>

      <div className="toolbar">
        <div className="field field--inline">
          <label className="field__label" htmlFor="users-search">
            {t('users.search')}
          </label>
          <input
            id="users-search"
            className="input"
            type="search"
            placeholder={t('users.searchPlaceholder')}
            value={searchInput}
            onChange={(event) => setSearchInput(event.target.value)}
          />
        </div>
      </div>

      <div role="status" className="notice-area">
        {notice && <p className="alert alert--success">{notice}</p>}
      </div>

      {users.isPending ? (
        <LoadingState />
      ) : users.isError && !page ? (
        <ErrorState error={users.error} title={t('users.loadError')} onRetry={() => void users.refetch()} />
      ) : page && page.items.length === 0 && cursors.length === 0 ? (
        <EmptyState title={search ? t('users.noMatch', { search }) : t('users.empty')} />
      ) : page ? (
        <>
          {users.isError && (
            <ErrorState
              error={users.error}
              title={t('users.loadError')}
              onRetry={() => void users.refetch()}
            />
          )}
          <UsersTable
            users={page.items}
            tenants={tenants.data?.items}
            busy={users.isPlaceholderData}
            onEdit={(user) => {
              setNotice(null);
              setEditing({ user, stale: false });
            }}
          />
          <nav className="pagination" aria-label={t('common.pagination')}>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={goPrevious}
              disabled={cursors.length === 0 || users.isFetching}
            >
              {t('common.previous')}
            </button>
            <span className="pagination__page">{t('common.page', { page: cursors.length + 1 })}</span>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={goNext}
              disabled={!page.nextCursor || users.isFetching}
            >
              {t('common.next')}
            </button>
          </nav>
        </>
      ) : null}

      {creating && (
        <Dialog title={t('users.createTitle')} onClose={() => setCreating(false)}>
          <CreateUserForm
            onCancel={() => setCreating(false)}
            onCreated={(user) => {
              setCreating(false);
              setNotice(t('users.created', { username: user.username }));
            }}
          />
        </Dialog>
      )}
      {editing && (
        <Dialog
          title={t('users.editTitle', { username: editing.user.username })}
          onClose={() => setEditing(null)}
        >
          <EditUserForm
            // A new version remounts the form with the values someone else saved.
            key={editing.user.version}
            user={editing.user}
            stale={editing.stale}
            onCancel={() => setEditing(null)}
            onStale={(current) => setEditing({ user: current, stale: true })}
            onSaved={(user) => {
              setEditing(null);
              setNotice(t('users.updated', { username: user.username }));
            }}
          />
        </Dialog>
      )}
    </div>
  );
}
