import { type T, useT } from '../lib/i18n';
import { n2, pct1 } from './renewal-format';
import type { Agreement, Comparison } from './rfp-types';
import { TableDownloads } from '../components/table-downloads';
import { formatCount } from '../lib/format';

/** The scores: evaluator agreement (raw and normalised, by section), each evaluator's use of the scale, scores by section. */

const alphaText = (t: T, a: Agreement) =>
  a.alpha === null
    ? t('rfp.alphaUndefined')
    : t('rfp.alpha', { alpha: n2(a.alpha), low: n2(a.low), high: n2(a.high), count: a.units });

export function AgreementSection({ data }: { data: Comparison }) {
  const sections = new Map(data.rfp.sections.map((s) => [s.id, s.title]));
  const t = useT();
  return (
    <section className="section" aria-labelledby="rfp-agreement-title" data-testid="rfp-agreement">
      <h2 id="rfp-agreement-title">{t('rfp.agreement')}</h2>
      <p>
        {t('rfp.alphaRaw')} <strong data-testid="rfp-alpha-raw">{alphaText(t, data.agreement.raw)}</strong>;{' '}
        {t('rfp.alphaNormalised')}{' '}
        <strong data-testid="rfp-alpha-normalised">{alphaText(t, data.agreement.normalised)}</strong>.
      </p>
      <div className="split">
        <div className="table-wrap">
          <table className="stack compact">
            <caption>{t('rfp.bySection')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rfp.section')}</th>
                <th scope="col">{t('rfp.alphaCol')}</th>
              </tr>
            </thead>
            <tbody>
              {data.agreement.bySection.map((s) => (
                <tr key={s.section}>
                  <th scope="row">{sections.get(s.section) ?? s.section}</th>
                  <td data-label={t('rfp.alphaCol')}>{alphaText(t, s)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <TableDownloads />
        </div>
        <div className="table-wrap">
          <table className="stack compact">
            <caption>{t('rfp.useOfScale')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rfp.evaluator')}</th>
                <th scope="col" className="num">
                  {t('rfp.mean')}
                </th>
                <th scope="col" className="num">
                  {t('rfp.sd')}
                </th>
                <th scope="col" className="num">
                  {t('rfp.scores')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.normalisation.evaluators.map((e) => {
                const who = data.evaluators.find((x) => x.id === e.evaluator);
                return (
                  <tr key={e.evaluator}>
                    <th scope="row">
                      {who?.name ?? e.evaluator}
                      <span className="th-note">
                        {e.evaluator}
                        {who?.role ? ` · ${who.role}` : ''}
                        {e.degenerate ? ` · ${t('rfp.degenerate')}` : ''}
                      </span>
                    </th>
                    <td data-label={t('rfp.mean')} className="num">
                      {n2(e.mean)}
                    </td>
                    <td data-label={t('rfp.sd')} className="num">
                      {n2(e.sd)}
                    </td>
                    <td data-label={t('rfp.scores')} className="num">
                      {formatCount(e.n)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <TableDownloads />
        </div>
      </div>
      <p className="muted">{t('rfp.normalisation', { description: data.normalisation.description })}</p>
    </section>
  );
}

export function SectionScores({ data }: { data: Comparison }) {
  const t = useT();
  const scored = data.vendors.filter((v) => !v.unscored && v.total !== null);
  if (scored.length === 0) return null;
  return (
    <section className="section" aria-labelledby="rfp-sections-title">
      <h2 id="rfp-sections-title">{t('rfp.scoresBySection')}</h2>
      <div className="table-wrap">
        <table className="stack compact" data-testid="rfp-sections">
          <caption>{t('rfp.sectionsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rfp.section')}</th>
              <th scope="col" className="num">
                {t('rfp.weight')}
              </th>
              {scored.map((v) => (
                <th scope="col" key={v.vendor} className="num">
                  {v.displayName}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rfp.sections.map((s) => (
              <tr key={s.id} data-testid={`rfp-section-${s.id}`}>
                <th scope="row">{s.title}</th>
                <td data-label={t('rfp.weight')} className="num">
                  {pct1(s.weight)}
                </td>
                {scored.map((v) => {
                  const score = v.bySection.find((b) => b.section === s.id);
                  return (
                    <td key={v.vendor} data-label={v.displayName} className="num">
                      {n2(score?.score)}
                      <span className="th-note">{t('rfp.raw', { value: n2(score?.raw) })}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <TableDownloads />
      </div>
    </section>
  );
}
