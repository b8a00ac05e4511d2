/**
 * English, the reference: every other language has exactly these keys (i18n.test.ts).
 * Messages are ICU MessageFormat: `{name}` placeholders, `{count, plural, ...}` plurals.
 * Metric labels are not here: they come from the metric catalog (metric-labels.ts).
 */
export const EN = {
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
  // The tenant in the header (multi-tenant server).
  'tenant.label': 'Organisation',
  'tenant.demo': 'Demo',
  'tenant.demoTitle': 'A demo: made-up data, and sign-ins whose passwords are published',
  // Single sign-on on the login page (docs/sign-in.md).
  'login.sso': 'Sign in with {name}',
  'login.passwordBelow': 'or with your email and password',
  'login.ssoOnly': 'Your organisation signs in with single sign-on only.',
  // Outsourcing-market mechanics (issue 18): settlement PDF, settlement page, what-if, alerts.
  'settlement.mechanics': 'Contract mechanics',
  'settlement.mechanicsIntro':
    'The outsourcing-market mechanics of the contract: the allocation pool, earn-back of penalties, service level defaults counted toward chronic failure, and how continuous improvement set the targets.',
  'settlement.mechanic': 'mechanic',
  'settlement.item': 'item',
  'settlement.detail': 'detail',
  'mechanics.title': 'Contract mechanics',
  'mechanics.pool':
    'Allocation pool {pool}: portfolio weights sum to it; penalties together are still cut at the at-risk amount.',
  'mechanics.earnBackTerms':
    'Earn-back: a penalty comes back ({share}) when the outcome then meets its target for {periods, plural, one {# period} other {# periods}}.',
  'mechanics.noEarnBack': 'No penalty completed its earn-back in this period.',
  'mechanics.chronicTerms':
    'Chronic failure: {misses} defaults of one outcome within {within} consecutive periods give the client a termination right.',
  'mechanics.outcome': 'Outcome',
  'mechanics.defaults': 'Defaults',
  'mechanics.status': 'Status',
  'mechanics.rightFrom': 'Termination right from {period}',
  'mechanics.oneShort': 'One default short',
  'mechanics.noRight': 'No termination right',
  'mechanics.improvement': 'Continuous improvement: version {version} from {date}',
  'mechanics.computation': 'Best value, gap and share',
  'whatIf.mechanics': 'Market mechanics',
  'whatIf.pool': 'Allocation pool (portfolio weights sum to it)',
  'whatIf.earnBackPeriods': 'Earn-back: periods the target must then be met',
  'whatIf.earnBackShare': 'Earn-back: share of the penalty given back',
  'whatIf.noEarnBack': 'no earn-back',
  'alerts.oneShort': 'One default short of chronic failure',
  'mechanics.earnBacksPaid': 'Earn-backs paid',
  'mechanics.penaltyOf': 'penalty of',
  'mechanics.noEarnBacks': 'No penalty was earned back in the term so far.',
} as const;

export type MessageKey = keyof typeof EN;
export type Messages = Record<MessageKey, string>;
