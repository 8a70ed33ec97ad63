import { Link, useLocation } from 'react-router';
import { useT } from '../../lib/i18n/i18n-provider';
import { areaCovers, type Area } from '../navigation';

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
  const { pathname } = useLocation();
  return (
    <nav id={id} className={open ? 'main-nav main-nav--open' : 'main-nav'} aria-label={t('nav.label')}>
      <ul className="main-nav__list">
        {areas.map((area) => {
          const current = areaCovers(area, pathname);
          return (
            <li key={area.id}>
              <Link
                to={area.path}
                className={current ? 'main-nav__link active' : 'main-nav__link'}
                aria-current={current ? 'page' : undefined}
                data-area={area.id}
                onClick={onNavigate}
              >
                {t(area.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
