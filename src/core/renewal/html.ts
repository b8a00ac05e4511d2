import { Dec } from '../money/money.js';
import {
  formatAmount,
  formatChange,
  formatCount,
  formatDifference,
  formatInterval,
  formatMoney,
  formatP,
  formatPercent,
  formatValue,
} from './format.js';
import { barChart, documentHtml, esc, lineChart, sparkline } from './html-kit.js';
import type {
  Evidence,
  MeasurementPeriod,
  MeasurementRow,
  OutcomeRow,
  Reason,
  RecommendationId,
  Scorecard,
} from './types.js';

/**
 * The renewal scorecard as one self-contained, printable HTML document (A4; the PDF is
 * this document printed by Chromium): the recommendation and its reasons first, then one
 * page per section with its charts.
 */

const TONE: Record<RecommendationId, 'good' | 'warn' | 'bad'> = {
  renew: 'good',
  renew_with_changes: 'warn',
  re_tender: 'bad',
};

const EVIDENCE: Record<Evidence, { text: string; tone: string }> = {
  moved: { text: 'moved', tone: 'good' },
  did_not_move: { text: 'did not move', tone: 'neutral' },
  worse: { text: 'worse', tone: 'bad' },
  insufficient: { text: 'insufficient data', tone: 'neutral' },
};

const tag = (text: string, tone: string) => `<span class="tag ${tone}">${esc(text)}</span>`;

export function renderScorecardHtml(card: Scorecard): string {
  const title = `Renewal scorecard: ${card.contract.displayName}`;
  const body = [
    summary(card),
    outcomesSection(card),
    moneySection(card),
    valueSection(card),
    operationsSection(card),
    recalibrationSection(card),
    rulesSection(card),
  ].join('\n');
  return documentHtml(title, body);
}

function summary(card: Scorecard): string {
  const { contract, recommendation: rec, termSoFar } = card;
  const moved = card.outcomes.filter((o) => o.term.evidence === 'moved').length;
  const counted = card.outcomes.filter((o) => o.term.evidence !== 'insufficient').length;
  const c = card.money.currency;
  const adjustments = new Dec(card.money.term.adjustments);
  const reasons = (list: Reason[]) =>
    list.map((r) => `<li>${esc(r.text)} <span class="small muted">[${esc(r.rule)}]</span></li>`).join('');
  return `<header id="summary">
<p class="eyebrow">Renewal scorecard · Covenant</p>
<h1>${esc(contract.displayName)}</h1>
<div class="meta">
<span>Contract <b>${esc(contract.id)}</b> v${contract.version}</span>
<span>Client <b>${esc(contract.client)}</b></span>
<span>Vendor <b>${esc(contract.vendor)}</b></span>
<span>Term ${esc(contract.term.start)} to ${esc(contract.term.end)}</span>
<span>Scored ${esc(termSoFar.display)}${termSoFar.complete ? ' (whole term)' : ' (term so far)'}</span>
<span>As of ${esc(card.asOf)}</span>
<span>Zone ${esc(contract.timezone)}</span>
</div>
</header>
<section id="recommendation" class="panel ${TONE[rec.decision]}">
<p class="eyebrow">Recommendation</p>
<p class="decision">${esc(capitalise(rec.label))}</p>
<p>${esc(decisionLine(rec.decision))}</p>
<ol>${reasons(rec.reasons)}</ol>
${
  rec.otherReasons.length > 0
    ? `<p class="small" style="margin-top:2mm"><b>Also found</b> (rules that push to a milder recommendation):</p><ul class="small">${reasons(rec.otherReasons)}</ul>`
    : ''
}
</section>
<div class="figures">
<div class="figure"><div class="value">${moved} of ${counted}</div><div class="label">outcomes moved in the better direction (p &lt; 0.05) over the term so far</div></div>
<div class="figure"><div class="value">${esc(formatMoney(adjustments.toString(), c))}</div><div class="label">outcome adjustments on a base fee of ${esc(
    formatMoney(card.money.term.baseFee, c),
  )} (${esc(adjustments.isNegative() ? `${formatPercent(card.money.term.withheldShare)} of the at-risk amount withheld` : 'net bonus')})</div></div>
<div class="figure"><div class="value">${esc(formatChange(card.value.valueChange))}</div><div class="label">value per contact, first to latest quarter</div></div>
<div class="figure"><div class="value">${esc(formatChange(card.value.costChange))}</div><div class="label">cost per contact, first to latest quarter</div></div>
</div>
<p class="small">"Moved" means the difference from the contract's baseline is in the better direction with p &lt; 0.05 (contract-format.md, Evidence); intervals are 95%. The rules that decide the recommendation are listed on the last page and in docs/renewal.md.</p>`;
}

const decisionLine = (decision: RecommendationId) =>
  decision === 'renew'
    ? 'Renew as is: the outcomes moved with evidence and nothing the rules check for calls for a change.'
    : decision === 'renew_with_changes'
      ? 'Renew, with the changes the reasons below call for written into the next contract.'
      : 'Re-tender: the numbers below show outcomes that did not move or a material breach.';

function outcomeCells(o: OutcomeRow, currency: string): string {
  const t = o.term;
  const ev = EVIDENCE[t.evidence];
  const spark = sparkline(
    o.trend.map((q) => q.value),
    {
      refs: [
        ...(o.baseline.value !== null ? [{ value: o.baseline.value, label: 'baseline', dashed: true }] : []),
        { value: o.target, label: 'target' },
      ],
      width: 88,
      height: 30,
      format: (x) => formatValue(x, o.unit, o.metric),
      title: `${o.label} by quarter: ${o.trend.map((q) => `${q.display} ${formatValue(q.value, o.unit, o.metric)}`).join(', ')}`,
    },
  );
  const net = new Dec(o.money.net);
  return `<tr>
<td><b>${esc(o.portfolioName)}</b>: ${esc(o.label)}<br><span class="small muted">${esc(formatPercent(o.weight))} of the at-risk amount</span></td>
<td class="num">${esc(formatValue(o.baseline.value, o.unit, o.metric))}<br><span class="small muted">${esc(
    o.baseline.written ? 'written' : (o.baseline.period ?? 'measured'),
  )}</span><br>→ ${esc(formatValue(o.target, o.unit, o.metric))}</td>
<td class="num"><b>${esc(formatValue(t.value, o.unit, o.metric))}</b><br><span class="small">${esc(
    formatInterval(t.low, t.high, o.unit, o.metric),
  )}</span><br><span class="small muted">n = ${esc(formatCount(t.n))}</span></td>
<td class="num">${esc(formatDifference(t.difference, o.unit, o.metric))}<br><span class="small">${esc(formatP(t.p))}</span><br>${tag(ev.text, ev.tone)}</td>
<td class="num">${esc(formatPercent(t.attainment))}${o.targetBeyondBaseline ? '' : '†'}</td>
<td>${spark}</td>
<td class="num"><span class="${net.isNegative() ? 'neg' : ''}">${esc(formatMoney(o.money.net, currency))}</span></td>
</tr>`;
}

function outcomesSection(card: Scorecard): string {
  const c = card.money.currency;
  const quarters = card.quarters;
  const trendRows = card.outcomes
    .map(
      (o) =>
        `<tr><td>${esc(o.portfolioName)}: ${esc(o.label)}</td>${o.trend
          .map(
            (q) =>
              `<td class="num">${esc(formatValue(q.value, o.unit, o.metric))}<br><span class="small">${esc(
                q.insufficient ? `n = ${q.n}, insufficient` : formatP(q.p),
              )}</span> ${q.evidence === 'moved' ? tag('moved', 'good') : q.evidence === 'worse' ? tag('worse', 'bad') : ''}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  return `<section id="outcomes" class="page">
<h2>Outcomes over ${esc(card.termSoFar.display)}</h2>
<p>Each outcome of the contract on its scope (${esc(card.contract.vendor)} on the portfolio's workflows), over the term so far against the contract's baseline, with its trend by quarter (dashed line: baseline; green line: target) and the money its invoice lines paid (+) or withheld (−).</p>
<table>
<thead><tr><th>Outcome</th><th class="num">Baseline → target</th><th class="num">Term so far</th><th class="num">Difference</th><th class="num">Attain&shy;ment</th><th>By quarter</th><th class="num">Paid (+)<br>withheld (−)</th></tr></thead>
<tbody>${card.outcomes.map((o) => outcomeCells(o, c)).join('')}</tbody>
</table>
<h3>By quarter</h3>
<table>
<thead><tr><th>Outcome</th>${quarters.map((q) => `<th class="num">${esc(q.display)}</th>`).join('')}</tr></thead>
<tbody>${trendRows}</tbody>
</table>
<p class="small">Attainment = (value − baseline) / (target − baseline): 100% is the target met.${
    card.outcomes.some((o) => !o.targetBeyondBaseline)
      ? ' † The target is not better than the baseline, so attainment reads backwards (above 100% can be a value worse than the target).'
      : ''
  } A quarter's p compares that quarter with the baseline.${
    quarters.some((q) => !q.complete) ? ' * = to date.' : ''
  }</p>
</section>`;
}

function moneySection(card: Scorecard): string {
  const { money } = card;
  const c = money.currency;
  const m = (x: string) => esc(formatAmount(x));
  const chart = barChart(
    money.periods.map((p) => ({
      label: p.display,
      bars: [
        { value: new Dec(p.bonuses).toNumber(), label: 'bonuses', className: 'good' as const },
        { value: new Dec(p.penalties).toNumber(), label: 'penalties', className: 'bad' as const },
        { value: new Dec(p.caps).toNumber(), label: 'caps', className: 'neutral' as const },
      ],
    })),
    {
      format: (x) => formatMoney(x, c).replace(`${c} `, ''),
      title: 'Outcome adjustments by settlement period',
    },
  );
  const row = (p: (typeof money.periods)[number]) =>
    `<tr><td>${esc(p.display)}</td><td>${esc(p.kind)}${p.versions.length > 1 ? ` (v${p.versions.join(', v')})` : ` v${p.versions[0] ?? ''}`}</td><td class="num">${m(
      p.baseFee,
    )}</td><td class="num">${m(p.atRisk)}</td><td class="num">${m(p.bonuses)}</td><td class="num">${m(p.penalties)}</td><td class="num">${m(
      p.caps,
    )}</td><td class="num">${m(p.adjustments)}</td><td class="num">${m(p.total)}</td></tr>`;
  const t = money.term;
  return `<section id="money" class="page">
<h2>Money paid and withheld</h2>
<p>The invoice of each settlement period, computed with the versions in force (not stored): bonuses (green), penalties (red) and the caps that cut them, in ${esc(c)}.</p>
<div class="chart">${chart}</div>
<table>
<thead><tr><th>Period</th><th>Kind</th><th class="num">Base fee (${esc(c)})</th><th class="num">At risk</th><th class="num">Bonuses</th><th class="num">Penalties</th><th class="num">Caps</th><th class="num">Adjustments</th><th class="num">Invoice total</th></tr></thead>
<tbody>${money.periods.map(row).join('')}
<tr class="total"><td>Term so far</td><td></td><td class="num">${m(t.baseFee)}</td><td class="num">${m(t.atRisk)}</td><td class="num">${m(t.bonuses)}</td><td class="num">${m(
    t.penalties,
  )}</td><td class="num">${m(t.caps)}</td><td class="num">${m(t.adjustments)}</td><td class="num">${m(t.total)}</td></tr></tbody>
</table>
<p class="small">Withheld, net of bonuses and caps: ${esc(formatPercent(t.withheldShare))} of the amount at risk. A provisional period has an outcome that matures later (fcr, retention_90d); its final settlement may differ.</p>
</section>`;
}

function valueSection(card: Scorecard): string {
  const { value } = card;
  const c = card.contract.currency;
  const money = (x: number | null) => formatValue(x, 'money', '', c);
  const chart = lineChart(
    value.periods.map((p) => p.display),
    [
      {
        label: 'cost per contact',
        values: value.periods.map((p) => p.costPerContact),
        colour: '#8b1212',
        dashed: true,
      },
      { label: 'value per contact', values: value.periods.map((p) => p.valuePerContact), colour: '#14532d' },
    ],
    {
      format: (x) => money(x).replace(`${c} `, ''),
      title: 'Cost per contact and value per contact by quarter',
    },
  );
  return `<section id="value" class="page">
<h2>Cost per contact against value per contact</h2>
<p>metrics.md, Value: cost per contact = the invoice total / contacts in the contract's scope (bot-only contacts included, not billed); value per contact = (revenue + retention uplift value) / contacts. In the value era, cost per contact may rise while value per contact rises faster.</p>
<div class="chart">${chart}</div>
<table>
<thead><tr><th>Quarter</th><th class="num">Contacts</th><th class="num">Cost per contact</th><th class="num">Value per contact</th><th class="num">Value / cost</th></tr></thead>
<tbody>${value.periods
    .map(
      (p) =>
        `<tr><td>${esc(p.display)}</td><td class="num">${esc(formatCount(p.contacts))}</td><td class="num">${esc(money(p.costPerContact))}</td><td class="num">${esc(
          money(p.valuePerContact),
        )}</td><td class="num">${esc(
          p.costPerContact && p.valuePerContact !== null
            ? (p.valuePerContact / p.costPerContact).toFixed(2)
            : '–',
        )}</td></tr>`,
    )
    .join('')}
<tr class="total"><td>First to latest quarter</td><td></td><td class="num">${esc(formatChange(value.costChange))}</td><td class="num">${esc(
    formatChange(value.valueChange),
  )}</td><td></td></tr></tbody>
</table>
</section>`;
}

function measurementCell(row: MeasurementRow, p: MeasurementPeriod): string {
  const value = formatValue(p.value, row.unit, row.metric);
  const mark =
    p.status === 'missed'
      ? tag(p.evidentMiss ? 'missed' : 'below?', p.evidentMiss ? 'bad' : 'warn')
      : p.status === 'met'
        ? tag('met', 'good')
        : '';
  return `<td class="num">${esc(value)}${mark ? `<br>${mark}` : ''}<br><span class="small muted">n = ${esc(formatCount(p.n))}</span></td>`;
}

function operationsSection(card: Scorecard): string {
  const quarters = card.quarters;
  const rows = (group: MeasurementRow['group']) =>
    card.operations
      .filter((r) => r.group === group)
      .map(
        (r) =>
          `<tr><td><b>${esc(r.label)}</b><br><span class="small muted">${esc(r.source ?? `${r.metric}, no threshold`)}</span></td><td class="num">${
            r.threshold === null
              ? '–'
              : `${r.direction === 'lower' ? '≤' : '≥'} ${esc(formatValue(r.threshold, r.unit, r.metric))}`
          }</td>${r.periods.map((p) => measurementCell(r, p)).join('')}${measurementCell(r, r.term)}</tr>`,
      )
      .join('');
  const head = `<thead><tr><th>Measurement</th><th class="num">Contract</th>${quarters
    .map((q) => `<th class="num">${esc(q.display)}</th>`)
    .join('')}<th class="num">Term so far</th></tr></thead>`;
  const sites = card.attritionBySite
    .map(
      (s) =>
        `<tr><td>${esc(s.site)}</td>${s.periods
          .map(
            (p) =>
              `<td class="num">${esc(formatValue(p.value, 'ratio', 'attrition'))}<br><span class="small muted">headcount ${esc(formatCount(p.n))}</span></td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  return `<section id="operations" class="page">
<h2>Remote operations and security</h2>
<p>The key measurements the contract sets in remoteOperations and security (reported and alerted, no payout), per quarter and over the term so far. "Missed" means the value and its whole 95% interval are on the wrong side of the contract's level; "below?" means the value is, but the interval still reaches the level (it may be noise).</p>
<h3>Remote operations</h3>
<table>${head}<tbody>${rows('remote_operations')}</tbody></table>
<h3>Security and continuity</h3>
<table>${head}<tbody>${rows('security')}</tbody></table>
<h3>Annualised agent attrition by site</h3>
<table><thead><tr><th>Site</th>${quarters.map((q) => `<th class="num">${esc(q.display)}</th>`).join('')}</tr></thead><tbody>${sites}</tbody></table>
<p class="small">Access compliance: the contract requires every login to use MFA, a compliant device and an allowed country (100%); the renewal rules treat a quarter under ${esc(
    formatPercent(card.recommendation.settings.accessMissFloor),
  )} as a miss and under ${esc(formatPercent(card.recommendation.settings.accessBreachFloor))} as a material breach.</p>
</section>`;
}

function recalibrationSection(card: Scorecard): string {
  const r = card.recalibrations;
  const versions = r.versions
    .map(
      (v) =>
        `<tr><td>v${v.version}</td><td>${esc(v.effectiveFrom)}</td><td>${esc(v.origin)}</td><td class="small">${esc(v.createdAt)}</td></tr>`,
    )
    .join('');
  const proposals =
    r.proposals.length === 0
      ? '<p>No recalibration was proposed in the term so far.</p>'
      : `<table><thead><tr><th>Proposal</th><th>Period</th><th>Triggers</th><th>Status</th><th>Effective</th><th>Decisions</th></tr></thead><tbody>${r.proposals
          .map(
            (p) =>
              `<tr><td>${esc(p.id)}</td><td>${esc(p.period)}</td><td>${esc(p.triggersFired.join(', ') || '–')}</td><td>${esc(p.status)}${
                p.appliedVersion === null ? '' : ` (v${p.appliedVersion})`
              }</td><td>${esc(p.effectiveFrom)}</td><td class="small">${esc(
                p.decisions.map((d) => `${d.party} ${d.decision} ${d.decidedAt}`).join('; ') || '–',
              )}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const triggers =
    r.triggers.length === 0
      ? '<p class="muted">The contract has no recalibration triggers.</p>'
      : `<table><thead><tr><th>Quarter</th><th>Against</th><th>Triggers that fired</th></tr></thead><tbody>${r.triggers
          .map(
            (t) =>
              `<tr><td>${esc(t.display)}</td><td>${esc(t.reference)}</td><td>${
                t.fired.length === 0
                  ? '<span class="muted">none</span>'
                  : t.fired.map((f) => `<b>${esc(f.measure)}</b>: ${esc(f.arithmetic)}`).join('<br>')
              }</td></tr>`,
          )
          .join('')}</tbody></table>`;
  return `<section id="recalibrations" class="page">
<h2>Recalibrations</h2>
<p>How the terms changed when volume, channel mix or automation moved: the contract's versions, the recalibration proposals with the parties' decisions, and the triggers evaluated on each quarter against recalibration.reference.</p>
<h3>Versions</h3>
<table><thead><tr><th>Version</th><th>Effective from</th><th>Origin</th><th>Stored</th></tr></thead><tbody>${versions}</tbody></table>
<h3>Proposals</h3>
${proposals}
<h3>Triggers by quarter</h3>
${triggers}
</section>`;
}

function rulesSection(card: Scorecard): string {
  const rec = card.recommendation;
  return `<section id="rules" class="page">
<h2>How the recommendation was reached</h2>
<p>Each rule reads the numbers above; the recommendation is the most severe one a fired rule pushes to (re-tender, then renew with changes, then renew). The rules and their constants are in docs/renewal.md.</p>
<table><thead><tr><th>Rule</th><th>Pushes to</th><th>Condition</th><th>Fired</th></tr></thead><tbody>${rec.rules
    .map(
      (r) =>
        `<tr><td class="small">${esc(r.id)}</td><td>${tag(capitalise(labelOf(r.recommendation)), TONE[r.recommendation])}</td><td class="small">${esc(
          r.condition,
        )}</td><td>${r.fired ? '<b>yes</b>' : '<span class="muted">no</span>'}</td></tr>`,
    )
    .join('')}</tbody></table>
<footer>Generated by Covenant from the data in the store as of ${esc(card.asOf)}. Every number is the metric engine's (metrics.md) on the contract's scope and zone (${esc(
    card.contract.timezone,
  )}); money is exact decimal, rounded per invoice line.</footer>
</section>`;
}

const labelOf = (id: RecommendationId) =>
  id === 'renew' ? 'renew' : id === 're_tender' ? 're-tender' : 'renew with changes';
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
