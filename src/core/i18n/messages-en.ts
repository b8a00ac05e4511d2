/**
 * English, the reference: every other language has exactly these keys (i18n.test.ts).
 * Messages are ICU MessageFormat: `{name}` placeholders, `{count, plural, ...}` plurals.
 * Metric labels are not here: they come from the metric catalog (metric-labels.ts). The
 * dashboard's pages keep theirs per area in dashboard/<area>-<lang>.ts, spread in here.
 */
import { ANALYSIS_EN } from './dashboard/analysis-en.js';
import { COMMON_EN } from './dashboard/common-en.js';
import { MONEY_EN } from './dashboard/money-en.js';
import { OVERVIEW_EN } from './dashboard/overview-en.js';
import { RENEWAL_EN } from './dashboard/renewal-en.js';
import { RFP_EN } from './dashboard/rfp-en.js';
import { MAIL_EN } from './documents/mail-en.js';
import { SCORECARD_EN } from './documents/scorecard-en.js';

export const EN = {
  ...COMMON_EN,
  ...OVERVIEW_EN,
  ...ANALYSIS_EN,
  ...MONEY_EN,
  ...RENEWAL_EN,
  ...RFP_EN,
  ...SCORECARD_EN,
  ...MAIL_EN,
  'nav.contracts': 'Contracts',
  'nav.drilldown': 'Drill-down',
  'nav.operations': 'Operations',
  'nav.automation': 'Automation',
  'nav.settlement': 'Settlement',
  'nav.proposals': 'Proposals',
  'nav.renewal': 'Renewal',
  'nav.rfp': 'RFP',
  'nav.glossary': 'Glossary',
  'nav.logout': 'Sign out',
  'nav.skip': 'Skip to content',
  'nav.language': 'Language',
  'login.title': 'Sign in',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.busy': 'Signing in…',
  'login.submit': 'Sign in',
  'table.downloadCsv': 'Download CSV',
  'table.downloadXlsx': 'Download XLSX',
  'chart.showTable': 'Show the numbers as a table',
  'settlement.eyebrow': 'Settlement',
  'settlement.invoice': 'Invoice',
  'settlement.trace': 'Trace of the outcome lines',
  'settlement.traceIntro':
    "Each outcome's measured value with its sample size n and 95% interval, the target, the payout curve's points (value → pay as a fraction of the outcome's allocation) and the pay that results.",
  'settlement.total': 'Total',
  'settlement.line': 'line',
  'settlement.label': 'label',
  'settlement.amount': 'amount',
  'settlement.part': 'part',
  'settlement.scope': 'scope',
  'settlement.value': 'value',
  'settlement.interval': '95% interval',
  'settlement.target': 'target',
  'settlement.points': 'curve points',
  'settlement.pay': 'pay',
  'settlement.insufficient': 'insufficient',
  'settlement.kind': '{kind, select, provisional {provisional} other {final}}',
  'settlement.id': 'settlement {id}',
  'settlement.notStored': '(not stored)',
  'settlement.currency': 'currency {code}',
  'settlement.lines': '{count, plural, one {# invoice line} other {# invoice lines}}',
  'settlement.provisional':
    'Provisional. Some outcomes have not matured; the final settlement and its true-up follow after {date}.',
  'settlement.footer': 'Settlement · {contract} · {period} ({kind})',
  'pdf.page': 'page',
  'pdf.of': 'of',
} as const;

export type MessageKey = keyof typeof EN;
export type Messages = Record<MessageKey, string>;
