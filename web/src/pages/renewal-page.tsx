import { useId } from 'react';
import type { Scorecard } from '../../../src/core/renewal/types';
import { ErrorBanner, Loading } from '../components/error-banner';
import { SelectField } from '../components/select-field';
import { contractName, useContracts } from '../lib/contracts';
import { hrefOf, type Route, updateQuery } from '../lib/hash-route';
import { todayIso } from '../lib/periods';
import { currentContract } from '../lib/roles';
import { useGet } from '../lib/use-resource';
import { MechanicsSection } from './renewal-mechanics';
import { MoneySection, ValueSection } from './renewal-money';
import { OperationsSection } from './renewal-operations';
import { OutcomesSection } from './renewal-outcomes';
import { RecalibrationSection } from './renewal-recalibrations';
import { RecommendationCard } from './renewal-recommendation';
import { EvidenceSection } from './renewal-evidence';
import { WhatIfSection } from './renewal-what-if';
import { useMe } from '../state/session';
import { useLanguage, useT } from '../lib/i18n';

/**
 * `#/renewal?contract=&asOf=`: the renewal scorecard of a contract (docs/renewal.md), the
 * JSON of `covenant renewal --format json`: the recommendation with each reason's numbers,
 * then the outcomes, money, value per contact, remote operations and security, and the
 * recalibrations; the PDF is the CLI's document printed on the server.
 */

export function RenewalPage({ route }: { route: Route }) {
  const contracts = useContracts();
  const t = useT();
  const list = contracts.data ?? [];
  const id = route.query.get('contract') ?? currentContract(list, todayIso())?.id ?? null;
  const asOf = route.query.get('asOf');
  const validAsOf = asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null;
  const query = validAsOf ? `?asOf=${encodeURIComponent(validAsOf)}` : '';
  const card = useGet<Scorecard>(id ? `/contracts/${encodeURIComponent(id)}/renewal${query}` : null);
  const summary = list.find((c) => c.id === id);
  const data = card.data;
  const asOfId = useId();
  const isClientAdmin = useMe().user.role === 'client_admin';
  // The PDF in the language on screen (the server would otherwise use the saved setting).
  const language = useLanguage();
  const pdfQuery = `${query ? `${query}&` : '?'}lang=${language}`;
  const pdfHref = id ? `/api/contracts/${encodeURIComponent(id)}/renewal.pdf${pdfQuery}` : null;

  return (
    <section aria-labelledby="renewal-title">
      <h1 id="renewal-title">
        {data || summary
          ? t('renewal.titleOf', { contract: data ? data.contract.displayName : contractName(summary ?? { id: '', displayName: null }) })
          : t('renewal.title')}
      </h1>
      <div className="toolbar">
        {list.length > 0 && id && (
          <SelectField
            label={t('contracts.contract')}
            value={id}
            options={list.map((c) => ({ value: c.id, label: contractName(c) }))}
            onChange={(value) => updateQuery({ contract: value })}
            testId="renewal-contract"
          />
        )}
        <div className="field">
          <label htmlFor={asOfId}>{t('renewal.asOf')}</label>
          <input
            id={asOfId}
            type="date"
            value={validAsOf ?? ''}
            onChange={(event) => updateQuery({ asOf: event.target.value || null })}
            aria-describedby={`${asOfId}-hint`}
            data-testid="renewal-as-of"
          />
          <span id={`${asOfId}-hint`} className="muted">
            {t('renewal.asOfHint')}
          </span>
        </div>
        {pdfHref && (
          <p className="toolbar-links">
            <a href={pdfHref} download data-testid="renewal-pdf-link">
              {t('renewal.pdf')}
            </a>
            {id && <a href={hrefOf(['contracts', id])}>{t('contracts.overview')}</a>}
          </p>
        )}
      </div>
      <ErrorBanner error={contracts.error ?? card.error} onRetry={card.reload} />
      {contracts.data && !id && <p>{t('renewal.noContract')}</p>}
      {card.loading && <Loading what={t('renewal.what')} />}
      {data && (
        <>
          <RecommendationCard card={data} />
          <OutcomesSection card={data} />
          <MoneySection card={data} />
          <MechanicsSection card={data} />
          <ValueSection card={data} />
          <OperationsSection card={data} />
          <RecalibrationSection card={data} />
          <EvidenceSection card={data} />
          {isClientAdmin && id && <WhatIfSection contractId={id} />}
        </>
      )}
    </section>
  );
}
