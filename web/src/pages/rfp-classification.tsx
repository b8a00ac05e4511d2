import { useT } from '../lib/i18n';
import { pct1 } from './renewal-format';
import type { Comparison } from './rfp-types';

/** Cost-era vendor or value-era partner: each response's classification with the signals it shows. */

const CLASS_TONE: Record<string, string> = { value_era_partner: 'good', cost_era_vendor: 'warn' };

export function Classification({ data }: { data: Comparison }) {
  const t = useT();
  return (
    <section className="section" aria-labelledby="rfp-class-title">
      <h2 id="rfp-class-title">{t('rfp.classTitle')}</h2>
      <p className="muted">
        {t('rfp.classIntro', { min: data.classificationRules.minSignals })}
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
                {t('rfp.classLabel', { classification: v.classification })}
              </span>
            </div>
            <p className="muted">
              {v.classificationReason}
              {v.unscored ? ` ${t('rfp.unscoredSubmission')}` : ''}
            </p>
            <ul>
              {v.signals.map((s) => (
                <li key={s.id} data-signal={s.id} data-met={s.met}>
                  <span className={`verdict ${s.met ? 'verdict-good' : 'verdict-bad'}`}>
                    <span aria-hidden="true">{s.met ? '✓ ' : '✗ '}</span>
                    {t('rfp.signal', { signal: s.id })}: {s.met ? t('rfp.shown') : t('rfp.notShown')}
                  </span>
                  <span className="muted">{s.detail}</span>
                </li>
              ))}
            </ul>
            <p className="muted">
              {t('rfp.pricing', { model: v.pricing.model.replaceAll('_', ' ') })}
              {v.pricing.rate ? `, ${data.rfp.currency} ${v.pricing.rate}` : ''}
              {v.pricing.unit ? ` ${t('rfp.per', { unit: v.pricing.unit.replaceAll('_', ' ') })}` : ''},{' '}
              {t('rfp.atRisk', { share: pct1(v.pricing.atRisk) })}{' '}
              {v.unanswered.length > 0 ? `${t('rfp.unanswered', { list: v.unanswered.join(', ') })} ` : ''}
              {v.missingEvidence.length > 0
                ? t('rfp.missingEvidence', {
                    list: v.missingEvidence.map((m) => `${m.question}/${m.request}`).join(', '),
                  })
                : ''}
            </p>
          </article>
        ))}
      </div>
    </section>
  );
}
