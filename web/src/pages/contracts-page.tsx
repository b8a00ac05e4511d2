import { ErrorBanner, Loading } from '../components/error-banner';
import { contractName, useContracts } from '../lib/contracts';
import { formatDate } from '../lib/format';
import { hrefOf } from '../lib/hash-route';
import { TableDownloads } from '../components/table-downloads';
import { useT } from '../lib/i18n';

/** Every contract the caller may see, with links to its overview, drill-down and settlement. */
export function ContractsPage() {
  const contracts = useContracts();
  const t = useT();
  return (
    <section aria-labelledby="contracts-title">
      <h1 id="contracts-title">{t('nav.contracts')}</h1>
      <ErrorBanner error={contracts.error} onRetry={contracts.reload} />
      {contracts.loading && <Loading what={t('contracts.what')} />}
      {contracts.data && contracts.data.length === 0 && <p>{t('contracts.none')}</p>}
      {contracts.data && contracts.data.length > 0 && (
        <div className="table-wrap">
          <table className="stack" data-testid="contracts-table">
            <caption>{t('contracts.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('contracts.contract')}</th>
                <th scope="col">{t('common.vendor')}</th>
                <th scope="col">{t('contracts.term')}</th>
                <th scope="col">{t('contracts.version')}</th>
                <th scope="col">{t('contracts.settled')}</th>
                <th scope="col">{t('contracts.pages')}</th>
              </tr>
            </thead>
            <tbody>
              {contracts.data.map((c) => (
                <tr key={c.id} data-testid={`contract-row-${c.id}`}>
                  <th scope="row">
                    <a href={hrefOf(['contracts', c.id])} data-testid={`contract-link-${c.id}`}>
                      {contractName(c)}
                    </a>
                  </th>
                  <td data-label={t('common.vendor')}>{c.vendor}</td>
                  <td data-label={t('contracts.term')}>
                    {t('common.range', { from: formatDate(c.term.start), to: formatDate(c.term.end) })}
                  </td>
                  <td data-label={t('contracts.version')}>
                    {t('contracts.versionFrom', { version: c.version, date: formatDate(c.effectiveFrom) })}
                  </td>
                  <td data-label={t('contracts.settled')}>
                    {t('contracts.settlement', { settlement: c.settlement })}, {c.currency}
                  </td>
                  <td className="links" data-label={t('contracts.pages')}>
                    <a href={hrefOf(['contracts', c.id])}>{t('contracts.overview')}</a>{' '}
                    <a href={hrefOf(['drilldown'], { contract: c.id })}>{t('nav.drilldown')}</a>{' '}
                    <a href={hrefOf(['contracts', c.id, 'settlement'])}>{t('nav.settlement')}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <TableDownloads />
        </div>
      )}
    </section>
  );
}
