import { ErrorBanner, Loading } from '../components/error-banner';
import { useGet } from '../lib/use-resource';
import { n2, pct1, pp } from './renewal-format';
import type { Agreement, Comparison, ComparisonVendor, WeightSensitivity } from './rfp-types';

/**
 * `#/rfp`: the comparison of the responses to the RFP (docs/rfp.md), the JSON of `covenant
 * rfp score --format json`: the ranking with totals and intervals, cost-era vendor or
 * value-era partner with the signals, evaluator agreement, per-section scores and how far
 * each weight must move to change the winner. The client's page.
 */

const CLASS_TONE: Record<string, string> = { value_era_partner: 'good', cost_era_vendor: 'warn' };

export function RfpPage() {
  const comparison = useGet<Comparison>('/rfp');
  const data = comparison.data;
  return (
    <section aria-labelledby="rfp-title">
      <h1 id="rfp-title">RFP comparison{data ? `: ${data.rfp.displayName}` : ''}</h1>
      <ErrorBanner error={comparison.error} onRetry={comparison.reload} />
      {comparison.loading && <Loading what="the comparison" />}
      {data && (
        <>
          <p className="muted">
            {data.rfp.name} · client {data.rfp.client} · {data.vendors.length} responses ·{' '}
            {data.evaluators.length} evaluators ({data.evaluators.map((e) => e.name ?? e.id).join(', ')}) ·
            scale {data.rfp.scale.min}–{data.rfp.scale.max}
          </p>
          <Ranking data={data} />
          <Classification data={data} />
          <AgreementSection data={data} />
          <SectionScores data={data} />
          <Sensitivity data={data} />
          {data.issues.length > 0 && (
            <section className="section" aria-labelledby="rfp-issues-title">
              <h2 id="rfp-issues-title">Notes on the files</h2>
              <ul>
                {data.issues.map((issue) => (
                  <li key={`${issue.code}-${issue.file ?? ''}-${issue.message}`}>{issue.message}</li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </section>
  );
}

const nameOf = (data: Comparison, vendor: string | null) =>
  vendor === null ? '–' : (data.vendors.find((v) => v.vendor === vendor)?.displayName ?? vendor);

/** A total on the scale with its interval: a line from low to high and a dot at the total (the numbers are beside it). */
function IntervalMark({ v, scale }: { v: ComparisonVendor; scale: { min: number; max: number } }) {
  if (v.total === null) return null;
  const x = (value: number) => 4 + ((value - scale.min) / (scale.max - scale.min || 1)) * 152;
  const low = v.low ?? v.total;
  const high = v.high ?? v.total;
  return (
    <svg width="160" height="18" viewBox="0 0 160 18" aria-hidden="true" focusable="false">
      <line x1="4" x2="156" y1="9" y2="9" stroke="#c9ced6" strokeWidth="1" />
      <line
        x1={x(Math.max(scale.min, low))}
        x2={x(Math.min(scale.max, high))}
        y1="9"
        y2="9"
        stroke="#1f4e9c"
        strokeWidth="3"
      />
      <circle cx={x(Math.min(scale.max, Math.max(scale.min, v.total)))} cy="9" r="5" fill="#1a1a1a" />
    </svg>
  );
}

function Ranking({ data }: { data: Comparison }) {
  const evaluators = data.evaluators.map((e) => e.id);
  const winners = data.ranking.evaluatorWinners;
  const unanimous = winners.length > 0 && winners.every((w) => w.winner === data.ranking.winner);
  return (
    <section className="section" aria-labelledby="rfp-ranking-title">
      <h2 id="rfp-ranking-title">Ranking</h2>
      {data.ranking.winner && (
        <p>
          <strong>{nameOf(data, data.ranking.winner)}</strong> ranks first
          {data.ranking.margin !== null && data.ranking.runnerUp
            ? `, ${n2(data.ranking.margin)} ahead of ${nameOf(data, data.ranking.runnerUp)}`
            : ''}
          .{' '}
          {unanimous
            ? `Every evaluator ranks ${nameOf(data, data.ranking.winner)} first.`
            : `Evaluators' own winners: ${winners.map((w) => `${w.evaluator} ${nameOf(data, w.winner)}`).join(', ')}.`}
        </p>
      )}
      <div className="table-wrap">
        <table className="stack" data-testid="rfp-ranking">
          <caption>
            Weighted totals of normalised scores on the {data.rfp.scale.min}–{data.rfp.scale.max} scale, with
            a 95% t interval over evaluators
          </caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Vendor</th>
              <th scope="col">Total (95% CI)</th>
              {evaluators.map((e) => (
                <th scope="col" key={e}>
                  {e}
                </th>
              ))}
              <th scope="col">Raw total</th>
              <th scope="col">Classification</th>
            </tr>
          </thead>
          <tbody>
            {data.vendors.map((v) => (
              <tr
                key={v.vendor}
                data-testid={`rfp-rank-${v.vendor}`}
                data-rank={v.rank ?? ''}
                data-total={v.total ?? ''}
                data-unscored={v.unscored ? 'true' : undefined}
              >
                <td data-label="Rank">{v.rank ?? '–'}</td>
                <th scope="row">
                  {v.displayName}
                  <span className="th-note">{v.vendor}</span>
                </th>
                <td data-label="Total (95% CI)">
                  {v.unscored ? (
                    <span className="badge badge-neutral">
                      unscored, submitted {v.submittedAt?.slice(0, 16).replace('T', ' ')}
                    </span>
                  ) : (
                    <>
                      <span className="value-main">{n2(v.total)}</span>{' '}
                      <span className="muted">
                        ({n2(v.low)}–{n2(v.high)})
                      </span>
                      <IntervalMark v={v} scale={data.rfp.scale} />
                    </>
                  )}
                </td>
                {evaluators.map((e) => (
                  <td key={e} data-label={e} className="num">
                    {n2(v.byEvaluator.find((b) => b.evaluator === e)?.total)}
                  </td>
                ))}
                <td data-label="Raw total" className="num">
                  {n2(v.rawTotal)}
                </td>
                <td data-label="Classification">
                  {v.classificationLabel}, {v.signalCount} of {v.signals.length}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(data.submissions?.length ?? 0) > 0 && (
        <p className="banner banner-info" role="note">
          Submitted here and not yet scored: {data.submissions?.map((s) => nameOf(data, s.vendor)).join(', ')}
          . A vendor's submission replaces its earlier response, so it stays out of the ranking until the
          evaluators score it in their RFPScores files.
        </p>
      )}
    </section>
  );
}

function Classification({ data }: { data: Comparison }) {
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

const alphaText = (a: Agreement) =>
  a.alpha === null
    ? 'undefined (no pairable scores)'
    : `${n2(a.alpha)} (95% CI ${n2(a.low)}–${n2(a.high)}, ${a.units} units)`;

function AgreementSection({ data }: { data: Comparison }) {
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
        </div>
      </div>
      <p className="muted">Normalisation: {data.normalisation.description}.</p>
    </section>
  );
}

function SectionScores({ data }: { data: Comparison }) {
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
      </div>
    </section>
  );
}

function sensitivitySentence(data: Comparison, s: WeightSensitivity): string {
  return s.change === null
    ? 'no weight from 0% to 100% changes the winner'
    : `${pp(s.change)} (from ${pct1(s.weight)} to ${pct1(s.newWeight)}), where ${nameOf(data, s.newWinner)} ties, then wins`;
}

function SensitivityTable({
  data,
  items,
  caption,
}: {
  data: Comparison;
  items: (WeightSensitivity & { title: string })[];
  caption: string;
}) {
  return (
    <div className="table-wrap">
      <table className="stack compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Weight</th>
            <th scope="col" className="num">
              Now
            </th>
            <th scope="col">Change that changes the winner</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id} data-change={s.change ?? ''}>
              <th scope="row">{s.title}</th>
              <td data-label="Now" className="num">
                {pct1(s.weight)}
              </td>
              <td data-label="Change">{sensitivitySentence(data, s)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Sensitivity({ data }: { data: Comparison }) {
  const t = data.sensitivity.tightest;
  return (
    <section className="section" aria-labelledby="rfp-sensitivity-title" data-testid="rfp-sensitivity">
      <h2 id="rfp-sensitivity-title">How far each weight must move to change the winner</h2>
      <p>
        {t ? (
          <>
            The winner depends most on the {t.level} <strong>{t.title}</strong>:{' '}
            {sensitivitySentence(data, t)}, the other weights rescaled to keep 100%.
          </>
        ) : (
          'No single weight, anywhere from 0% to 100%, changes the winner.'
        )}
      </p>
      <SensitivityTable data={data} items={data.sensitivity.sections} caption="Section weights" />
      <details>
        <summary>Question weights (share of the total)</summary>
        <SensitivityTable
          data={data}
          items={data.sensitivity.questions}
          caption="Question weights in the total"
        />
      </details>
    </section>
  );
}
