import { useEffect, useRef, useState } from 'react';
import { apiPost, messageOf } from '../lib/api';
import { formatMoney } from '../lib/format';
import { MechanicsControls } from './what-if-mechanics';
import { useT } from '../lib/i18n';
import { TableDownloads } from '../components/table-downloads';

export interface Terms {
  currency: string;
  rate: string;
  atRisk: number;
  bonusCap: number;
  allocationPool: number;
  earnBack: { periods: number; share: number } | null;
  portfolios: {
    id: string;
    name: string;
    weight: number;
    outcomes: { metric: string; label: string; direction: string; target: number; weight: number }[];
  }[];
}
interface Period {
  period: string;
  inForce: { total: string };
  proposed: { total: string };
  lines: { id: string; label: string; inForce: string | null; proposed: string | null; difference: string }[];
  difference: string;
}
interface Result {
  yaml: string;
  terms: Terms;
  repricedMs: number;
  backtest: { currency: string; periods: Period[]; totals: { inForce: string; proposed: string; difference: string } };
}
export interface Edits {
  name?: string;
  rate?: string;
  atRisk?: number;
  bonusCap?: number;
  allocationPool?: number;
  earnBack?: { periods: number; share: number } | null;
  portfolios?: Record<string, { weight?: number }>;
  outcomes?: Record<string, { target?: number; weight?: number }>;
}

const pct = (v: number) => Number((v * 100).toFixed(2));

/**
 * The negotiation what-if (client admin): edit the next term's targets, weights, at-risk
 * share, bonus cap and rate; every change is back-tested on the last four quarters by the
 * server (re-pricing the measured quarters) and shown beside the contract in force.
 */
export function WhatIfSection({ contractId }: { contractId: string }) {
  const [edits, setEdits] = useState<Edits>({});
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [elapsed, setElapsed] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  const seq = useRef(0);
  const t = useT();

  useEffect(() => {
    const mine = ++seq.current;
    const started = performance.now();
    setPending(true);
    apiPost<Result>(`/contracts/${encodeURIComponent(contractId)}/what-if`, edits)
      .then((r) => {
        if (mine !== seq.current) return;
        setResult(r);
        setError(null);
        setElapsed(performance.now() - started);
      })
      .catch((e: unknown) => {
        if (mine === seq.current) setError(messageOf(e));
      })
      .finally(() => {
        if (mine === seq.current) setPending(false);
      });
  }, [contractId, edits]);

  const terms = result?.terms;
  const c = result?.backtest.currency ?? 'EUR';
  const setOutcome = (key: string, field: 'target' | 'weight', value: number) =>
    setEdits((e) => ({ ...e, outcomes: { ...e.outcomes, [key]: { ...e.outcomes?.[key], [field]: value } } }));
  const save = () => {
    if (!result) return;
    const url = URL.createObjectURL(new Blob([result.yaml], { type: 'application/yaml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${edits.name ?? `${contractId}-proposed`}.yaml`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section className="section" aria-labelledby="whatif-title" data-testid="renewal-what-if">
      <h2 id="whatif-title">{t('whatif.title')}</h2>
      <p className="muted">
        {t('whatif.intro')} <code>covenant backtest</code>{t('whatif.introEnd')}
      </p>
      {terms && (
        <form className="whatif-form" onSubmit={(e) => e.preventDefault()}>
          <label>
            {t('whatif.name')}{' '}
            <input
              value={edits.name ?? `${contractId}-proposed`}
              onChange={(e) => setEdits({ ...edits, name: e.target.value })}
              data-testid="whatif-name"
            />
          </label>
          <label>
            {t('whatif.rate', { currency: terms.currency })}{' '}
            <input
              type="number"
              step="0.01"
              min="0"
              defaultValue={terms.rate}
              onChange={(e) => e.target.value && setEdits({ ...edits, rate: Number(e.target.value).toFixed(2) })}
              data-testid="whatif-rate"
            />
          </label>
          <label>
            {t('whatif.atRisk', { value: pct(edits.atRisk ?? terms.atRisk) })}{' '}
            <input
              type="range"
              min="0"
              max="30"
              step="0.5"
              defaultValue={pct(terms.atRisk)}
              onChange={(e) => setEdits({ ...edits, atRisk: Number(e.target.value) / 100 })}
              data-testid="whatif-at-risk"
            />
          </label>
          <label>
            {t('whatif.bonusCap', { value: pct(edits.bonusCap ?? terms.bonusCap) })}{' '}
            <input
              type="range"
              min="0"
              max="20"
              step="0.5"
              defaultValue={pct(terms.bonusCap)}
              onChange={(e) => setEdits({ ...edits, bonusCap: Number(e.target.value) / 100 })}
              data-testid="whatif-bonus-cap"
            />
          </label>
          <MechanicsControls terms={terms} edits={edits} setEdits={setEdits} />
          {terms.portfolios.map((p) => (
            <fieldset key={p.id}>
              <legend>
                {p.name}, {t('whatif.weight')}{' '}
                <input
                  type="number"
                  min="0"
                  max="250"
                  step="0.5"
                  defaultValue={pct(p.weight)}
                  aria-label={t('whatif.weightOf', { name: p.name })}
                  onChange={(e) =>
                    setEdits({
                      ...edits,
                      portfolios: { ...edits.portfolios, [p.id]: { weight: Number(e.target.value) / 100 } },
                    })
                  }
                  data-testid={`whatif-weight-${p.id}`}
                />
                %
              </legend>
              {p.outcomes.map((o) => (
                <div key={o.metric} className="whatif-outcome">
                  <span>{o.label}</span>
                  <label>
                    {t('whatif.target')}{' '}
                    <input
                      type="number"
                      step="0.005"
                      defaultValue={o.target}
                      onChange={(e) => setOutcome(`${p.id}/${o.metric}`, 'target', Number(e.target.value))}
                      data-testid={`whatif-target-${p.id}-${o.metric}`}
                    />
                  </label>
                  <label>
                    {t('whatif.weightPct')}{' '}
                    <input
                      type="number"
                      min="0"
                      max="100"
                      step="1"
                      defaultValue={pct(o.weight)}
                      onChange={(e) => setOutcome(`${p.id}/${o.metric}`, 'weight', Number(e.target.value) / 100)}
                      data-testid={`whatif-oweight-${p.id}-${o.metric}`}
                    />
                  </label>
                </div>
              ))}
            </fieldset>
          ))}
        </form>
      )}
      {error && (
        <p className="error" role="alert" data-testid="whatif-error">
          {error}
        </p>
      )}
      {result && (
        <div data-testid="whatif-result" data-pending={pending ? 'true' : 'false'}>
          <p>
            {t('whatif.inForce')} <b>{formatMoney(result.backtest.totals.inForce, c)}</b>, {t('whatif.proposed')}{' '}
            <b data-testid="whatif-total-proposed">{formatMoney(result.backtest.totals.proposed, c)}</b>,{' '}
            {t('whatif.difference')} <b data-testid="whatif-difference">{formatMoney(result.backtest.totals.difference, c)}</b>{' '}
            <span className="muted" data-testid="whatif-elapsed">
              ({t('whatif.elapsed', { ms: elapsed === null ? '–' : Math.round(elapsed) })})
            </span>
          </p>
          <div className="table-wrap">
            <table className="stack compact">
              <caption>{t('whatif.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('settle.line')}</th>
                  {result.backtest.periods.map((p) => (
                    <th scope="col" key={p.period}>
                      {t('whatif.column', { period: p.period })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.backtest.periods[0]?.lines.map((line) => (
                  <tr key={line.id}>
                    <th scope="row">{line.label}</th>
                    {result.backtest.periods.map((p) => {
                      const l = p.lines.find((x) => x.id === line.id);
                      return (
                        <td key={p.period}>
                          {l?.inForce ?? '–'} → {l?.proposed ?? '–'}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
            <TableDownloads />
          </div>
          <button type="button" onClick={save} disabled={Boolean(error)} data-testid="whatif-save">
            {t('whatif.save')}
          </button>
        </div>
      )}
    </section>
  );
}

