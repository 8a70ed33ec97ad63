import { NavLink, Outlet } from 'react-router';
import { useT } from '../../lib/i18n/i18n-provider';
import { RequireArea } from './require-area';

export function AdminLayout() {
  const t = useT();
  return (
    <RequireArea area="admin">
      <div className="admin">
        <nav className="subnav" aria-label={t('admin.sections')}>
          <p className="subnav__title">{t('admin.title')}</p>
          <ul className="subnav__list">
            <li>
              <NavLink className="subnav__link" to="/admin/users">
                {t('users.title')}
              </NavLink>
            </li>
            <li>
              <NavLink className="subnav__link" to="/admin/holidays">
                {t('holidays.title')}
              </NavLink>
            </li>
          </ul>
        </nav>
        <Outlet />
      </div>
    </RequireArea>
  );
}
