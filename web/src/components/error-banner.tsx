import { messageOf } from '../lib/api';
import { useT } from '../lib/i18n';

/** A failed load or action, in words, announced to screen readers. */
export function ErrorBanner({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner">
      <span>{messageOf(error)}</span>
      {onRetry && (
        <button type="button" className="button-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** `what`: an already translated noun phrase ("contracts", "the overview"). */
export function Loading({ what }: { what: string }) {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t('common.loading', { what })}
    </p>
  );
}
