import type { Tenant, User } from '@vigie/shared';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useFormatDate } from '../../../lib/time-zone';

interface UsersTableProps {
  users: readonly User[];
  tenants: readonly Tenant[] | undefined;
  onEdit: (user: User) => void;
  busy: boolean;
}

export function UsersTable({ users, tenants, onEdit, busy }: UsersTableProps) {
  const t = useT();
  const formatDate = useFormatDate();
  const tenantName = (id: number | null) =>
    id === null ? t('common.none') : (tenants?.find((tenant) => tenant.id === id)?.name ?? `#${id}`);

  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="users-caption">
      <table className="table" aria-busy={busy}>
        <caption id="users-caption" className="visually-hidden">
          {t('users.listCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('users.username')}</th>
            <th scope="col">{t('users.displayName')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.tenant')}</th>
            <th scope="col">{t('users.locale')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('users.createdAt')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('users.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} data-testid={`user-row-${user.username}`}>
              <th scope="row" className="mono">
                {user.username}
              </th>
              <td>{user.displayName}</td>
              <td>{t(`role.${user.role}`)}</td>
              <td>{tenantName(user.tenantId)}</td>
              <td>{user.locale.toUpperCase()}</td>
              <td>
                <span className={user.active ? 'badge badge--ok' : 'badge badge--muted'}>
                  {user.active ? t('users.active') : t('users.inactive')}
                </span>
              </td>
              <td className="nowrap">{formatDate(user.createdAt, 'datetime')}</td>
              <td className="table__actions">
                <button
                  type="button"
                  className="button button--small button--secondary"
                  aria-label={t('users.editNamed', { name: user.displayName })}
                  onClick={() => onEdit(user)}
                >
                  {t('users.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
