import '../procedures.css';
import { NavLink, Outlet } from 'react-router';
import { useT } from '../../../lib/i18n/i18n-provider';

/** The procedures area: the library and the runs; the area's access check is done by the route. */
export function ProceduresLayout() {
  const t = useT();
  return (
    <div className="admin">
      <nav className="subnav" aria-label={t('procedures.sections')}>
        <p className="subnav__title">{t('procedures.title')}</p>
        <ul className="subnav__list">
          <li>
            <NavLink className="subnav__link" to="/procedures">
              {t('procedures.library')}
            </NavLink>
          </li>
          <li>
            <NavLink className="subnav__link" to="/runs">
              {t('procedures.runs')}
            </NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
