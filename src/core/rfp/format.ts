import { documentHtml, esc } from '../renewal/html-kit.js';
import { intervalBar } from '../renewal/svg-charts.js';
import { textTableLines } from '../text-table.js';
import type { RfpEvaluation, VendorEvaluation } from './evaluate.js';
import type { WeightSensitivity } from './score.js';

/** The RFP comparison as a terminal table and as a printable, self-contained HTML page. */

const n2 = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(2);
const pct = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined ? '–' : `${(x * 100).toFixed(digits).replace(/\.0$/, '')}%`;
const pp = (x: number | null) =>
  x === null ? 'none in 0–100%' : `${x > 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)} pp`;

export function sensitivityText(s: WeightSensitivity): string {
  return s.change === null
    ? 'no weight from 0% to 100% changes the winner'
    : `${pp(s.change)} (to ${pct(s.newWeight)}) and ${s.newWinner} ties, then wins`;
}

const table = (head: string[], rows: string[][]): string[] => textTableLines(head, rows, { compact: true });

export function renderRfpTable(e: RfpEvaluation): string {
  const evaluators = e.evaluators.map((x) => x.id);
  const lines = [
    `${e.rfp.displayName} (${e.rfp.name})`,
    `${e.vendors.length} responses, ${e.evaluators.length} evaluators (${e.evaluators
      .map((x) => `${x.id}${x.name ? ` ${x.name}` : ''}`)
      .join(', ')}); scale ${e.rfp.scale.min}–${e.rfp.scale.max}`,
    '',
    'Ranking: weighted totals of normalised scores, 95% t interval over evaluators',
    ...table(
      ['rank', 'vendor', 'total', 'interval', ...evaluators, 'raw total', 'classification'],
      e.vendors.map((v) => [
        String(v.rank ?? '–'),
        v.vendor,
        n2(v.total),
        `${n2(v.low)}–${n2(v.high)}`,
        ...evaluators.map((id) => n2(v.byEvaluator.find((b) => b.evaluator === id)?.total)),
        n2(v.rawTotal),
        `${v.classificationLabel} (${v.signalCount}/${v.signals.length} signals)`,
      ]),
    ),
  ];
  if (e.ranking.winner) {
    lines.push(
      `  winner ${e.ranking.winner}${e.ranking.runnerUp ? `, ${n2(e.ranking.margin)} ahead of ${e.ranking.runnerUp}` : ''}; each evaluator's own winner: ${e.ranking.evaluatorWinners
        .map((w) => `${w.evaluator} ${w.winner ?? '–'}`)
        .join(', ')}`,
    );
  }
  lines.push(
    '',
    'By section (mean normalised score)',
    ...table(
      ['section', 'weight', ...e.vendors.map((v) => v.vendor), 'alpha'],
      e.rfp.sections.map((s) => [
        s.id,
        pct(s.weight),
        ...e.vendors.map((v) => n2(v.bySection.find((b) => b.section === s.id)?.score)),
        n2(e.agreement.bySection.find((a) => a.section === s.id)?.alpha),
      ]),
    ),
    '',
    `Agreement between evaluators (Krippendorff's alpha, interval metric, units = vendor x question): raw scores ${n2(
      e.agreement.raw.alpha,
    )} (95% ${n2(e.agreement.raw.low)}–${n2(e.agreement.raw.high)}, ${e.agreement.raw.units} units); normalised ${n2(
      e.agreement.normalised.alpha,
    )} (95% ${n2(e.agreement.normalised.low)}–${n2(e.agreement.normalised.high)})`,
    `Normalisation: ${e.normalisation.description}; ${e.normalisation.evaluators
      .map((x) => `${x.evaluator} mean ${n2(x.mean)} sd ${n2(x.sd)}`)
      .join(', ')}`,
    '',
    'Sensitivity: the smallest change of one weight (others rescaled proportionally) at which another vendor ties the winner',
    ...table(
      ['section', 'weight', 'change', 'new weight', 'new winner'],
      e.sensitivity.sections.map((s) => [
        s.id,
        pct(s.weight),
        pp(s.change),
        pct(s.newWeight),
        s.newWinner ?? '–',
      ]),
    ),
  );
  const t = e.sensitivity.tightest;
  lines.push(
    t
      ? `  tightest: ${t.level} ${t.id} (${pct(t.weight)}): ${sensitivityText(t)}`
      : '  no single weight change from 0% to 100% changes the winner',
    '',
    'Classification: value-era partner = at least 4 of 6 signals, one of them outcome pricing or before/after data',
  );
  for (const v of e.vendors) {
    lines.push(`  ${v.vendor}: ${v.classificationLabel}: ${v.classificationReason}`);
    for (const s of v.signals) lines.push(`    ${s.met ? '[x]' : '[ ]'} ${s.label}: ${s.detail}`);
  }
  const issues = e.issues.map((i) => `  ${i.message}`);
  if (issues.length > 0) lines.push('', 'Notes', ...issues);
  return `${lines.join('\n')}\n`;
}

const CSS = `
.heat td.num { text-align: center; }
.h0 { background: #fde7e7; } .h1 { background: #fff1d6; } .h2 { background: #f3f3f3; } .h3 { background: #e3f4e8; } .h4 { background: #c9ebd4; }
.signal-yes { color: #14532d; font-weight: 700; } .signal-no { color: #8b1212; }
`;

function heatClass(score: number | null | undefined, scale: { min: number; max: number }): string {
  if (score === null || score === undefined) return '';
  const f = (score - scale.min) / (scale.max - scale.min || 1);
  return `h${Math.max(0, Math.min(4, Math.floor(f * 5)))}`;
}

function vendorCard(v: VendorEvaluation): string {
  const tone = v.classification === 'value_era_partner' ? 'good' : 'bad';
  return `<div class="panel ${tone}" style="padding:2.5mm 3.5mm">
<p><b>${esc(v.displayName)}</b> (${esc(v.vendor)}): <span class="tag ${tone}">${esc(v.classificationLabel)}</span> ${esc(v.classificationReason)}</p>
<ul class="small">${v.signals
    .map(
      (s) =>
        `<li><span class="${s.met ? 'signal-yes' : 'signal-no'}">${s.met ? '✓' : '✗'} ${esc(s.label)}</span>: ${esc(s.detail)} <span class="muted">(rule: ${esc(s.rule)})</span></li>`,
    )
    .join('')}</ul>
<p class="small">Pricing: ${esc(v.pricing.model.replace('_', ' '))}${v.pricing.rate ? `, ${esc(v.pricing.rate)} per ${esc(v.pricing.unit ?? 'unit')}` : ''}, ${esc(
    pct(v.pricing.atRisk),
  )} at risk. Evidence: ${v.evidence.length} item(s)${v.missingEvidence.length > 0 ? `; required but missing: ${esc(v.missingEvidence.map((m) => `${m.question}/${m.request}`).join(', '))}` : ''}.</p>
</div>`;
}

export function renderRfpHtml(e: RfpEvaluation): string {
  const scale = e.rfp.scale;
  const axis = { min: scale.min, max: scale.max };
  const evaluators = e.evaluators.map((x) => x.id);
  const ranking = e.vendors
    .map(
      (v) =>
        `<tr><td class="num">${v.rank ?? '–'}</td><td><b>${esc(v.displayName)}</b><br><span class="small muted">${esc(v.vendor)}</span></td><td class="num"><b>${n2(
          v.total,
        )}</b><br><span class="small">${n2(v.low)}–${n2(v.high)}</span></td><td>${intervalBar(
          v.total ?? 0,
          v.low,
          v.high,
          axis,
          {
            title: `${v.vendor} total ${n2(v.total)}`,
            width: 120,
          },
        )}</td>${evaluators.map((id) => `<td class="num">${n2(v.byEvaluator.find((b) => b.evaluator === id)?.total)}</td>`).join('')}<td class="num">${n2(
          v.rawTotal,
        )}</td><td><span class="tag ${v.classification === 'value_era_partner' ? 'good' : 'bad'}">${esc(v.classificationLabel)}</span></td></tr>`,
    )
    .join('');
  const sections = e.rfp.sections
    .map(
      (s) =>
        `<tr><td>${esc(s.title)}<br><span class="small muted">${esc(s.id)}</span></td><td class="num">${pct(s.weight)}</td>${e.vendors
          .map((v) => {
            const score = v.bySection.find((b) => b.section === s.id)?.score;
            return `<td class="num ${heatClass(score, scale)}">${n2(score)}</td>`;
          })
          .join(
            '',
          )}<td class="num">${n2(e.agreement.bySection.find((a) => a.section === s.id)?.alpha)}</td></tr>`,
    )
    .join('');
  const questions = e.rfp.sections
    .flatMap((s) => s.questions.map((q) => ({ s, q })))
    .map(
      ({ q }) =>
        `<tr><td>${esc(q.title)}<br><span class="small muted">${esc(q.id)}</span></td><td class="num">${pct(q.globalWeight)}</td>${e.vendors
          .map((v) => {
            const row = v.byQuestion.find((b) => b.question === q.id);
            return `<td class="num ${heatClass(row?.score, scale)}">${n2(row?.score)}<br><span class="small muted">${esc(
              row?.raw.map((r) => r.score).join(' / ') ?? '',
            )}</span></td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  const sens = e.sensitivity.sections
    .map(
      (s) =>
        `<tr><td>${esc(s.title)}</td><td class="num">${pct(s.weight)}</td><td class="num">${esc(pp(s.change))}</td><td class="num">${pct(
          s.newWeight,
        )}</td><td>${esc(s.newWinner ?? '–')}</td></tr>`,
    )
    .join('');
  const t = e.sensitivity.tightest;
  const body = `<header>
<p class="eyebrow">RFP comparison · Covenant</p>
<h1>${esc(e.rfp.displayName)}</h1>
<div class="meta"><span>RFP <b>${esc(e.rfp.name)}</b></span><span>Client <b>${esc(e.rfp.client)}</b></span><span>${e.vendors.length} responses</span><span>${
    e.evaluators.length
  } evaluators: ${esc(e.evaluators.map((x) => `${x.name ?? x.id}${x.role ? ` (${x.role})` : ''}`).join(', '))}</span><span>Scale ${scale.min}–${scale.max}</span></div>
</header>
<section id="ranking" class="panel ${e.ranking.winner ? 'good' : 'warn'}">
<p class="eyebrow">Ranking</p>
<p class="decision">${esc(e.ranking.winner ? `${e.vendors.find((v) => v.vendor === e.ranking.winner)?.displayName ?? e.ranking.winner} leads` : 'No scores yet')}</p>
${
  e.ranking.winner
    ? `<p>${esc(
        `${n2(e.ranking.margin)} ahead of ${e.ranking.runnerUp ?? '–'} on the ${scale.min}–${scale.max} scale; each evaluator's own winner: ${e.ranking.evaluatorWinners
          .map((w) => `${w.evaluator} ${w.winner ?? '–'}`)
          .join(
            ', ',
          )}. ${t ? `The winner depends most on the weight of ${t.level} ${t.title}: ${sensitivityText(t)}.` : 'No single weight change changes the winner.'}`,
      )}</p>`
    : ''
}
</section>
<table>
<thead><tr><th class="num">Rank</th><th>Vendor</th><th class="num">Total</th><th>Total and 95% interval</th>${evaluators
    .map((id) => `<th class="num">${esc(id)}</th>`)
    .join('')}<th class="num">Raw</th><th>Classification</th></tr></thead>
<tbody>${ranking}</tbody></table>
<p class="small">Total = Σ weight × the evaluators' mean normalised score. ${esc(e.normalisation.description)}. Raw = the same weighting of the scores as given. Agreement between evaluators (Krippendorff's alpha, interval metric, units = vendor × question): raw ${n2(
    e.agreement.raw.alpha,
  )} (95% ${n2(e.agreement.raw.low)}–${n2(e.agreement.raw.high)}), normalised ${n2(e.agreement.normalised.alpha)} (95% ${n2(e.agreement.normalised.low)}–${n2(
    e.agreement.normalised.high,
  )}), ${e.agreement.raw.units} units.</p>
<section id="classification">
<h2>Cost-era vendor or value-era partner</h2>
<p class="small">A value-era partner shows at least ${e.classificationRules.minSignals} of the 6 signals, one of them outcome-based pricing or before and after data (docs/rfp.md).</p>
${e.vendors.map(vendorCard).join('')}
</section>
<section id="sections" class="page">
<h2>Scores by section and question</h2>
<table class="heat"><thead><tr><th style="width:40%">Section</th><th class="num">Weight</th>${e.vendors.map((v) => `<th class="num">${esc(v.vendor)}</th>`).join('')}<th class="num">Alpha</th></tr></thead><tbody>${sections}</tbody></table>
<table class="heat"><thead><tr><th style="width:40%">Question</th><th class="num">Weight</th>${e.vendors
    .map((v) => `<th class="num">${esc(v.vendor)}</th>`)
    .join('')}</tr></thead><tbody>${questions}</tbody></table>
<p class="small">Each cell: the evaluators' mean normalised score, and below it the raw scores (${esc(evaluators.join(' / '))}). Weight: the question's share of the total.</p>
</section>
<section id="sensitivity" class="page">
<h2>Sensitivity of the ranking to the weights</h2>
<p>For each section weight: the smallest change (in percentage points, the other weights rescaled proportionally so they still sum to 100%) at which another vendor ties the winner; any further change makes it win.</p>
<table><thead><tr><th>Section</th><th class="num">Weight</th><th class="num">Change</th><th class="num">New weight</th><th>New winner</th></tr></thead><tbody>${sens}</tbody></table>
<h3>By question</h3>
<table><thead><tr><th>Question</th><th class="num">Weight</th><th class="num">Change</th><th>New winner</th></tr></thead><tbody>${e.sensitivity.questions
    .map(
      (s) =>
        `<tr><td>${esc(s.title)}</td><td class="num">${pct(s.weight)}</td><td class="num">${esc(pp(s.change))}</td><td>${esc(s.newWinner ?? '–')}</td></tr>`,
    )
    .join('')}</tbody></table>
${e.issues.length > 0 ? `<h3>Notes</h3><ul class="small">${e.issues.map((i) => `<li>${esc(i.message)}</li>`).join('')}</ul>` : ''}
<footer>Generated by Covenant from ${esc(e.rfp.name)}, ${e.vendors.length} responses and ${e.evaluators.length} evaluators' scores.</footer>
</section>`;
  return documentHtml(`RFP comparison: ${e.rfp.displayName}`, body, CSS);
}
