import type { AuditEntryT } from '../../../src/server/api/records-schemas';
import { ErrorBanner, Loading } from '../components/error-banner';
import { useGet } from '../lib/use-resource';
import { TableDownloads } from '../components/table-downloads';

/** The audit log for the client admin: every change, who and when, and whether the hash chain is intact. */
export function AuditPage() {
  const entries = useGet<AuditEntryT[]>('/audit');
  const check = useGet<{ ok: boolean; entries: number; problem?: string }>('/audit/verify');
  const list = [...(entries.data ?? [])].reverse();
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <ErrorBanner error={entries.error ?? check.error} onRetry={entries.reload} />
      {check.data && (
        <p data-testid="audit-chain" data-ok={check.data.ok}>
          {check.data.ok ? `${check.data.entries} entries, chain intact` : `Chain broken: ${check.data.problem}`}
        </p>
      )}
      {entries.loading && <Loading what="the audit log" />}
      <table className="data-table">
        <caption>Audit log</caption>
        <thead>
          <tr>
            <th>#</th>
            <th>When</th>
            <th>Who</th>
            <th>What</th>
            <th>Subject</th>
            <th>Before</th>
            <th>After</th>
          </tr>
        </thead>
        <tbody>
          {list.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td>{e.at}</td>
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
    </section>
  );
}
