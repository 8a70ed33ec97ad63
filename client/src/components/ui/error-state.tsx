import { errorMessage } from '../../lib/error-message';
import { useT } from '../../lib/i18n/i18n-provider';

interface ErrorStateProps {
  error: unknown;
  /** What could not be done, e.g. "The users could not be loaded." */
  title?: string;
  onRetry?: () => void;
}

export function ErrorState({ error, title, onRetry }: ErrorStateProps) {
  const t = useT();
  return (
    <div className="alert alert--error" role="alert">
      {title && <p className="alert__title">{title}</p>}
      <p>{errorMessage(error, t)}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
