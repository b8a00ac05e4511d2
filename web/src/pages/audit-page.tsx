import type { AuditEntryT } from '../../../src/server/api/records-schemas';
import { ErrorBanner, Loading } from '../components/error-banner';
import { formatDateTime } from '../lib/format';
import { useGet } from '../lib/use-resource';
import { TableDownloads } from '../components/table-downloads';
import { useT } from '../lib/i18n';

/** The audit log for the client admin: every change, who and when, and whether the hash chain is intact. */
export function AuditPage() {
  const entries = useGet<AuditEntryT[]>('/audit');
  const t = useT();
  const check = useGet<{ ok: boolean; entries: number; problem?: string }>('/audit/verify');
  const list = [...(entries.data ?? [])].reverse();
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('nav.audit')}</h1>
      <ErrorBanner error={entries.error ?? check.error} onRetry={entries.reload} />
      {check.data && (
        <p data-testid="audit-chain" data-ok={check.data.ok}>
          {check.data.ok
            ? t('audit.intact', { count: check.data.entries })
            : t('audit.broken', { problem: check.data.problem ?? '' })}
        </p>
      )}
      {entries.loading && <Loading what={t('audit.what')} />}
      {/* Scrolls inside its box on a phone instead of widening the page. */}
      <div className="table-wrap">
      <table className="data-table">
        <caption>{t('nav.audit')}</caption>
        <thead>
          <tr>
            <th>#</th>
            <th>{t('audit.when')}</th>
            <th>{t('audit.who')}</th>
            <th>{t('audit.what2')}</th>
            <th>{t('audit.subject')}</th>
            <th>{t('audit.before')}</th>
            <th>{t('audit.after')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td>{formatDateTime(e.at)}</td>
              <td>{e.actor}</td>
              <td>{e.action}</td>
              <td>{e.subject}</td>
              <td>{e.before ?? ''}</td>
              <td>{e.after ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <TableDownloads />
      </div>
    </section>
  );
}
