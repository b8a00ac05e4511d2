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
  // RFPs stored as data (web/src/pages/rfp-*.tsx).
  'rfps.vendorsExample': 'e.g. brightpath, coastline',
  'rfps.whatList': 'the RFPs',
  'rfps.whatResponses': 'the responses',
  'rfps.title': 'RFPs',
  'rfps.introClient':
    "Your organisation's requests for proposals: open one to compare the responses; evaluators score them there.",
  'rfps.introVendor': 'The requests for proposals your organisation is invited to answer.',
  'rfps.create': 'Create an RFP',
  'rfps.none': 'No RFPs yet.',
  'rfps.rfp': 'RFP',
  'rfps.deadline': 'Deadline',
  'rfps.status': 'Status',
  'rfps.responses': 'Responses',
  'rfps.yourResponse': 'Your response',
  'rfps.open': 'open',
  'rfps.closed': 'closed',
  'rfps.responseCount': '{count} of {vendors} invited vendors',
  'rfps.submittedAt': 'submitted {at}',
  'rfps.notSubmitted': 'not submitted',
  'rfps.adminOnly': 'A client administrator creates RFPs.',
  'rfps.atLine': 'line {line}, {path}',
  'rfps.source': 'Questions',
  'rfps.fromTemplate': "The default template (the seed's questions)",
  'rfps.fromYaml': 'An RFP document in YAML (kind: RFP)',
  'rfps.id': 'RFP id',
  'rfps.idHint': "Lowercase letters, digits and '-'; it names the RFP in links and in the audit log.",
  'rfps.yaml': 'RFP YAML',
  'rfps.yamlFile': 'Read the YAML from a file',
  'rfps.titleLabel': "Title (optional: the document's name)",
  'rfps.deadlineHint': 'Your local time; responses are refused from this moment on.',
  'rfps.evaluators': 'Evaluators',
  'rfps.evaluatorsHint':
    "The e-mail addresses of the client's users who score the responses, separated by commas.",
  'rfps.vendors': 'Invited vendors (organisation ids, separated by commas)',
  'rfps.createSubmit': 'Create the RFP',
  'rfps.scoreTitle': 'Score the responses: {title}',
  'rfps.backToComparison': 'Back to the comparison',
  'rfps.notEvaluator': "You are not one of this RFP's evaluators.",
  'rfps.noResponses': 'No responses yet.',
  'rfps.scoredOf': '({done} of {count} questions scored)',
  'rfps.question': 'Question',
  'rfps.answer': 'Answer and evidence',
  'rfps.score': 'Score',
  'rfps.comment': 'Comment',
  'rfps.unanswered': 'not answered',
  'rfps.scoreFor': 'Score for {question}',
  'rfps.commentFor': 'Comment on {question}',
  'rfps.saveScores': 'Save the scores of {vendor}',
  'rfps.saved': 'Saved.',
  'rfps.deadlineWas': 'Responses closed {at}.',
  'rfps.progress': '{evaluator}: {scored} of {required} scored',
  'rfps.scoreLink': 'Score the responses',
  'rfps.closedOn':
    'Responses to this RFP closed on {at} ({instant}). Your stored response stays as submitted.',
  'rfps.unscoredNote':
    "Not ranked yet: {vendors}. An evaluator's scores count once they cover every response on every question.",
} as const;

export type MessageKey = keyof typeof EN;
export type Messages = Record<MessageKey, string>;
