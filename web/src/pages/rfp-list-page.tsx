import type { RfpSummaryT } from '../../../src/server/api/schemas';
import { ErrorBanner, Loading } from '../components/error-banner';
import { TableDownloads } from '../components/table-downloads';
import { useT } from '../lib/i18n';
import { isClientRole } from '../lib/roles';
import type { Me } from '../lib/types';
import { useGet } from '../lib/use-resource';

/**
 * `#/rfp`: the RFPs stored for the tenant (docs/rfp.md, Stored RFPs). The client's users
 * open each RFP's comparison; a vendor manager sees the RFPs their vendor is invited to and
 * opens the response form. A client_admin creates a new RFP from here.
 */

/** An instant as the reader's local date and time, with the UTC instant in the title. */
export const localTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function RfpListPage({ me }: { me: Me }) {
  const t = useT();
  const list = useGet<{ rfps: RfpSummaryT[] }>('/rfps');
  const client = isClientRole(me.user.role);
  return (
    <section aria-labelledby="rfps-title">
      <h1 id="rfps-title">{t('rfps.title')}</h1>
      <p className="muted">{client ? t('rfps.introClient') : t('rfps.introVendor')}</p>
      {me.user.role === 'client_admin' && (
        <p>
          <a className="button-primary" href="#/rfp/new" data-testid="rfp-new">
            {t('rfps.create')}
          </a>
        </p>
      )}
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {list.loading && <Loading what={t('rfps.whatList')} />}
      {list.data && list.data.rfps.length === 0 && <p data-testid="rfps-empty">{t('rfps.none')}</p>}
      {list.data && list.data.rfps.length > 0 && (
        <>
        <table className="stack" data-testid="rfps-table" aria-label={t('rfps.title')}>
          <thead>
            <tr>
              <th scope="col">{t('rfps.rfp')}</th>
              <th scope="col">{t('rfps.deadline')}</th>
              <th scope="col">{t('rfps.status')}</th>
              <th scope="col">{client ? t('rfps.responses') : t('rfps.yourResponse')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.rfps.map((r) => (
              <tr key={r.id} data-testid={`rfp-row-${r.id}`}>
                <td>
                  <a href={client ? `#/rfp/${r.id}` : `#/rfp/${r.id}/respond`} data-testid={`rfp-link-${r.id}`}>
                    {r.title}
                  </a>{' '}
                  <span className="muted">{r.id}</span>
                </td>
                <td title={r.deadline}>{localTime(r.deadline)}</td>
                <td>{r.open ? t('rfps.open') : t('rfps.closed')}</td>
                <td>
                  {client
                    ? t('rfps.responseCount', { count: r.responses, vendors: r.vendors.length })
                    : r.submission
                      ? t('rfps.submittedAt', { at: localTime(r.submission.submittedAt) })
                      : t('rfps.notSubmitted')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <TableDownloads />
        </>
      )}
    </section>
  );
}
