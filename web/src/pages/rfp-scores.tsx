import { n2, pct1 } from './renewal-format';
import type { Agreement, Comparison } from './rfp-types';
import { TableDownloads } from '../components/table-downloads';

/** The scores: evaluator agreement (raw and normalised, by section), each evaluator's use of the scale, scores by section. */

const alphaText = (a: Agreement) =>
  a.alpha === null
    ? 'undefined (no pairable scores)'
    : `${n2(a.alpha)} (95% CI ${n2(a.low)}–${n2(a.high)}, ${a.units} units)`;

export function AgreementSection({ data }: { data: Comparison }) {
  const sections = new Map(data.rfp.sections.map((s) => [s.id, s.title]));
  return (
    <section className="section" aria-labelledby="rfp-agreement-title" data-testid="rfp-agreement">
      <h2 id="rfp-agreement-title">Evaluator agreement</h2>
      <p>
        Krippendorff's alpha (interval), units = vendor × question: on the raw scores{' '}
        <strong data-testid="rfp-alpha-raw">{alphaText(data.agreement.raw)}</strong>; once each evaluator's
        leniency is removed{' '}
        <strong data-testid="rfp-alpha-normalised">{alphaText(data.agreement.normalised)}</strong>.
      </p>
      <div className="split">
        <div className="table-wrap">
          <table className="stack compact">
            <caption>Agreement by section (raw scores)</caption>
            <thead>
              <tr>
                <th scope="col">Section</th>
                <th scope="col">Alpha (95% CI)</th>
              </tr>
            </thead>
            <tbody>
              {data.agreement.bySection.map((s) => (
                <tr key={s.section}>
                  <th scope="row">{sections.get(s.section) ?? s.section}</th>
                  <td data-label="Alpha">{alphaText(s)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <TableDownloads />
        </div>
        <div className="table-wrap">
          <table className="stack compact">
            <caption>Each evaluator's use of the scale (normalised away)</caption>
            <thead>
              <tr>
                <th scope="col">Evaluator</th>
                <th scope="col" className="num">
                  Mean
                </th>
                <th scope="col" className="num">
                  SD
                </th>
                <th scope="col" className="num">
                  Scores
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
                        {e.degenerate ? ' · every score the same: no ranking information' : ''}
                      </span>
                    </th>
                    <td data-label="Mean" className="num">
                      {n2(e.mean)}
                    </td>
                    <td data-label="SD" className="num">
                      {n2(e.sd)}
                    </td>
                    <td data-label="Scores" className="num">
                      {e.n}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <TableDownloads />
        </div>
      </div>
      <p className="muted">Normalisation: {data.normalisation.description}.</p>
    </section>
  );
}

export function SectionScores({ data }: { data: Comparison }) {
  const scored = data.vendors.filter((v) => !v.unscored && v.total !== null);
  if (scored.length === 0) return null;
  return (
    <section className="section" aria-labelledby="rfp-sections-title">
      <h2 id="rfp-sections-title">Scores by section</h2>
      <div className="table-wrap">
        <table className="stack compact" data-testid="rfp-sections">
          <caption>Mean normalised score per section (raw score beneath), with each section's weight</caption>
          <thead>
            <tr>
              <th scope="col">Section</th>
              <th scope="col" className="num">
                Weight
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
                <td data-label="Weight" className="num">
                  {pct1(s.weight)}
                </td>
                {scored.map((v) => {
                  const score = v.bySection.find((b) => b.section === s.id);
                  return (
                    <td key={v.vendor} data-label={v.displayName} className="num">
                      {n2(score?.score)}
                      <span className="th-note">raw {n2(score?.raw)}</span>
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
