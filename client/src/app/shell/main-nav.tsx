import { NavLink } from 'react-router';
import { useT } from '../../lib/i18n/i18n-provider';
import type { Area } from '../navigation';

export function MainNav({
  areas,
  id,
  open,
  onNavigate,
}: {
  areas: readonly Area[];
  id: string;
  open: boolean;
  onNavigate: () => void;
}) {
  const t = useT();
  return (
    <nav id={id} className={open ? 'main-nav main-nav--open' : 'main-nav'} aria-label={t('nav.label')}>
      <ul className="main-nav__list">
        {areas.map((area) => (
          <li key={area.id}>
            <NavLink
              to={area.path}
              end={area.path === '/'}
              className="main-nav__link"
              data-area={area.id}
              onClick={onNavigate}
            >
              {t(area.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
