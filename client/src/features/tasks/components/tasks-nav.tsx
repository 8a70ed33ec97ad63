import { NavLink } from 'react-router';
import { useT } from '../../../lib/i18n/i18n-provider';
import '../tasks.css';

/** List ↔ calendar switch shown on both task pages. */
export function TasksNav() {
  const t = useT();
  return (
    <nav className="tasks-switch" aria-label={t('tasks.title')}>
      <NavLink className="tasks-switch__option" to="/tasks" end>
        {t('tasks.list')}
      </NavLink>
      <NavLink className="tasks-switch__option" to="/tasks/calendar">
        {t('tasks.calendar')}
      </NavLink>
    </nav>
  );
}
