import { timeOf } from '../lib/format';
import { useT } from '../lib/i18n';
import { useLive } from '../state/live';

/** "updated hh:mm:ss": when the data on screen was last refreshed by a data-version event (or first loaded). */
export function DataVersion() {
  const { updatedAt, serverVersion, connected, version } = useLive();
  const t = useT();
  return (
    <p
      className="data-version"
      data-testid="data-version"
      data-version={serverVersion ?? ''}
      data-refreshes={version}
      role="status"
      aria-live="polite"
    >
      <span className={connected ? 'live-dot live-on' : 'live-dot'} aria-hidden="true" />
      {connected ? t('common.live') : t('common.offline')} · {t('common.updated')}{' '}
      <time dateTime={updatedAt.toISOString()}>{timeOf(updatedAt)}</time>
    </p>
  );
}
