import { pct1 } from './renewal-format';
import type { Comparison } from './rfp-types';

/** Cost-era vendor or value-era partner: each response's classification with the signals it shows. */

const CLASS_TONE: Record<string, string> = { value_era_partner: 'good', cost_era_vendor: 'warn' };

export function Classification({ data }: { data: Comparison }) {
  return (
    <section className="section" aria-labelledby="rfp-class-title">
      <h2 id="rfp-class-title">Cost-era vendor or value-era partner</h2>
      <p className="muted">
        By stated rules on what a response commits to and attaches: a value-era partner shows at least{' '}
        {data.classificationRules.minSignals} of the 6 signals, one of them an outcome signal (outcome-based
        pricing or before and after data).
      </p>
      <div className="tiles">
        {data.vendors.map((v) => (
          <article
            key={v.vendor}
            className="tile"
            data-testid={`rfp-class-${v.vendor}`}
            data-classification={v.classification}
            aria-labelledby={`rfp-class-${v.vendor}-name`}
          >
            <div className="tile-head">
              <h3 id={`rfp-class-${v.vendor}-name`}>{v.displayName}</h3>
              <span className={`badge badge-${CLASS_TONE[v.classification] ?? 'neutral'}`}>
                {v.classificationLabel}
              </span>
            </div>
            <p className="muted">
              {v.classificationReason}
              {v.unscored ? ' (unscored submission)' : ''}
            </p>
            <ul>
              {v.signals.map((s) => (
                <li key={s.id} data-signal={s.id} data-met={s.met}>
                  <span className={`verdict ${s.met ? 'verdict-good' : 'verdict-bad'}`}>
                    <span aria-hidden="true">{s.met ? '✓ ' : '✗ '}</span>
                    {s.label}: {s.met ? 'shown' : 'not shown'}
                  </span>
                  <span className="muted">{s.detail}</span>
                </li>
              ))}
            </ul>
            <p className="muted">
              Pricing: {v.pricing.model.replaceAll('_', ' ')}
              {v.pricing.rate ? `, ${data.rfp.currency} ${v.pricing.rate}` : ''}
              {v.pricing.unit ? ` per ${v.pricing.unit.replaceAll('_', ' ')}` : ''}, {pct1(v.pricing.atRisk)}{' '}
              at risk. {v.unanswered.length > 0 ? `Unanswered: ${v.unanswered.join(', ')}. ` : ''}
              {v.missingEvidence.length > 0
                ? `Required evidence missing: ${v.missingEvidence.map((m) => `${m.question}/${m.request}`).join(', ')}.`
                : ''}
            </p>
          </article>
        ))}
      </div>
    </section>
  );
}
