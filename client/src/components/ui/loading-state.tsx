import { useT } from '../../lib/i18n/i18n-provider';

export function LoadingState({ label, fullPage = false }: { label?: string; fullPage?: boolean }) {
  const t = useT();
  return (
    <div className={fullPage ? 'loading-state loading-state--full' : 'loading-state'} role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}
