import { ErrorBanner, Loading } from '../components/error-banner';
import { contractName, useContracts } from '../lib/contracts';
import { hrefOf } from '../lib/hash-route';
import { TableDownloads } from '../components/table-downloads';

/** Every contract the caller may see, with links to its overview, drill-down and settlement. */
export function ContractsPage() {
  const contracts = useContracts();
  return (
    <section aria-labelledby="contracts-title">
      <h1 id="contracts-title">Contracts</h1>
      <ErrorBanner error={contracts.error} onRetry={contracts.reload} />
      {contracts.loading && <Loading what="contracts" />}
      {contracts.data && contracts.data.length === 0 && <p>No contracts you may see.</p>}
      {contracts.data && contracts.data.length > 0 && (
        <div className="table-wrap">
          <table className="stack" data-testid="contracts-table">
            <caption>Contracts, their vendor, term and settlement</caption>
            <thead>
              <tr>
                <th scope="col">Contract</th>
                <th scope="col">Vendor</th>
                <th scope="col">Term</th>
                <th scope="col">Version</th>
                <th scope="col">Settled</th>
                <th scope="col">Pages</th>
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
                  <td data-label="Vendor">{c.vendor}</td>
                  <td data-label="Term">
                    {c.term.start} to {c.term.end}
                  </td>
                  <td data-label="Version">
                    v{c.version} from {c.effectiveFrom}
                  </td>
                  <td data-label="Settled">
                    {c.settlement}, {c.currency}
                  </td>
                  <td className="links" data-label="Pages">
                    <a href={hrefOf(['contracts', c.id])}>Overview</a>{' '}
                    <a href={hrefOf(['drilldown'], { contract: c.id })}>Drill-down</a>{' '}
                    <a href={hrefOf(['contracts', c.id, 'settlement'])}>Settlement</a>
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
