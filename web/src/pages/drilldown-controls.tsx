import { PeriodPicker } from '../components/period-picker';
import { SelectField } from '../components/select-field';
import { contractName, portfolioName } from '../lib/contracts';
import { updateQuery } from '../lib/hash-route';
import { DRILL_METRICS } from '../lib/scope';
import type { Contract, ContractSummary, Portfolio } from '../lib/types';
import { useCatalog } from '../state/catalog';
import { useT } from '../lib/i18n';

interface Props {
  contracts: ContractSummary[];
  contractId: string;
  terms: Contract;
  portfolio: Portfolio;
  metric: string;
  period: string;
  grain: 'day' | 'week';
}

/** Contract, portfolio, metric, period and grain of the drill-down, kept in the URL. */
export function DrilldownControls({ contracts, contractId, terms, portfolio, metric, period, grain }: Props) {
  const { byId } = useCatalog();
  const t = useT();
  const outcomeMetrics = portfolio.outcomes.map((o) => o.metric);
  const metrics = [...new Set([...outcomeMetrics, ...DRILL_METRICS])];
  const labelOf = (id: string) =>
    outcomeMetrics.includes(id)
      ? t('drill.outcomeOption', { label: byId.get(id)?.label.singular ?? id })
      : (byId.get(id)?.label.singular ?? id);
  return (
    <fieldset className="toolbar">
      <legend className="visually-hidden">{t('drill.legend')}</legend>
      <SelectField
        label={t('contracts.contract')}
        value={contractId}
        options={contracts.map((c) => ({ value: c.id, label: contractName(c) }))}
        onChange={(value) => updateQuery({ contract: value, portfolio: null, metric: null })}
        testId="drill-contract"
      />
      <SelectField
        label={t('drill.portfolio')}
        value={portfolio.id}
        options={terms.portfolios.map((p) => ({ value: p.id, label: portfolioName(p) }))}
        onChange={(value) => updateQuery({ portfolio: value, metric: null })}
        testId="drill-portfolio"
      />
      <SelectField
        label={t('common.metric')}
        value={metric}
        options={metrics.map((id) => ({ value: id, label: labelOf(id) }))}
        onChange={(value) => updateQuery({ metric: value })}
        testId="drill-metric"
      />
      <PeriodPicker term={terms.term} value={period} onChange={(value) => updateQuery({ period: value })} />
      <SelectField
        label={t('drill.grain')}
        value={grain}
        options={[
          { value: 'day', label: t('drill.byDay') },
          { value: 'week', label: t('drill.byWeek') },
        ]}
        onChange={(value) => updateQuery({ grain: value })}
        testId="drill-grain"
      />
    </fieldset>
  );
}
