import { ErrorBanner, Loading } from '../components/error-banner';
import { PeriodPicker } from '../components/period-picker';
import { SelectField } from '../components/select-field';
import { StatusBadge } from '../components/status-badge';
import { contractName, useContracts } from '../lib/contracts';
import { formatDate, formatMoney } from '../lib/format';
import { hrefOf, navigate, type Route, updateQuery } from '../lib/hash-route';
import { defaultQuarter, todayIso } from '../lib/periods';
import { currentContract } from '../lib/roles';
import type { Invoice, Settlement } from '../lib/types';
import { useGet } from '../lib/use-resource';
import { DisputesPanel } from './disputes-panel';
import { InvoicePart } from './invoice-part';
import { MechanicsPanel } from './mechanics-panel';
import { useT } from '../lib/i18n';

/** The invoice for a contract and period: its lines with traces, provisional or final, and the total. */
export function SettlementPage({ route, contractId }: { route: Route; contractId?: string }) {
  const contracts = useContracts();
  const t = useT();
  const list = contracts.data ?? [];
  const id = contractId ?? route.query.get('contract') ?? currentContract(list, todayIso())?.id ?? null;
  const summary = list.find((c) => c.id === id);
  const period = route.query.get('period') ?? (summary ? defaultQuarter(summary.term) : null);
  const invoice = useGet<Invoice>(
    id && period
      ? `/contracts/${encodeURIComponent(id)}/settlement?period=${encodeURIComponent(period)}`
      : null,
  );
  const data = invoice.data;
  const parts = (data?.parts ?? []) as unknown as Settlement[];
  const maturesOn = parts
    .map((p) => p.maturesOn)
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);

  return (
    <section aria-labelledby="settle-title">
      <h1 id="settle-title">
        {summary ? t('settle.titleOf', { contract: contractName(summary) }) : t('nav.settlement')}
      </h1>
      <div className="toolbar">
        {list.length > 0 && id && (
          <SelectField
            label={t('contracts.contract')}
            value={id}
            options={list.map((c) => ({ value: c.id, label: contractName(c) }))}
            onChange={(value) => navigate(hrefOf(['contracts', value, 'settlement'], { period }))}
            testId="settle-contract"
          />
        )}
        {summary && period && (
          <PeriodPicker
            term={summary.term}
            value={period}
            onChange={(value) => updateQuery({ period: value })}
          />
        )}
        {id && (
          <p className="toolbar-links">
            <a href={hrefOf(['contracts', id], { period })}>{t('contracts.overview')}</a>
          </p>
        )}
      </div>
      <ErrorBanner error={contracts.error ?? invoice.error} onRetry={invoice.reload} />
      {invoice.loading && <Loading what={t('settle.what')} />}
      {data && (
        <>
          <div className="summary-row">
            <div className="card stat">
              <h2 className="stat-label">{t('settle.total', { period: data.period })}</h2>
              <p className="stat-value" data-testid="settlement-total" data-amount={data.total}>
                {formatMoney(data.total, data.currency)}
              </p>
              <StatusBadge status={data.kind} testId="settlement-kind" />
              {data.kind === 'provisional' && maturesOn && (
                <p className="muted">{t('settle.finalAfter', { date: formatDate(maturesOn) })}</p>
              )}
            </div>
          </div>
          {id && <DisputesPanel contractId={id} period={data.period} />}
          <MechanicsPanel parts={parts} />
          {parts.map((part) => (
            <InvoicePart
              key={`${part.version}-${part.part?.from ?? ''}`}
              part={part}
              split={parts.length > 1}
            />
          ))}
        </>
      )}
    </section>
  );
}
