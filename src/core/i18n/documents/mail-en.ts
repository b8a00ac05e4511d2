/** E-mails (proposals, disputes, final settlements, outcome alerts, the monthly scorecard), in English. */
export const MAIL_EN = {
  'mail.proposal.subject': 'Covenant: proposal {proposal} awaits your approval',
  'mail.proposal.text':
    'Proposal {proposal} to recalibrate {contract} awaits your approval.\n\nReview it: {link}\n',
  'mail.dispute.subject':
    'Covenant: dispute {dispute} {event, select, opened {opened} resolved {resolved} updated {updated} other {{event}}} ({contract} {period})',
  'mail.dispute.text':
    'Dispute {dispute} on {line} of {contract} {period} is {status, select, open {open} accepted {accepted} rejected {rejected} withdrawn {withdrawn} other {{status}}}.\n\n{link}\n',
  'mail.settlement.subject': 'Covenant: final settlement of {contract} {period}',
  'mail.settlement.text':
    'The final settlement {settlement} of {contract} {period} totals {total}.\n\n{link}\n',
  'mail.alert.subject':
    'Covenant: {label} of {contract} {state, select, on_track {is on track} at_risk {is at risk} likely_miss {will likely miss its target} insufficient {has insufficient data} other {is {state}}} ({period})',
  'mail.alert.text':
    '{label} ({contract}, {period}) moved from {previous, select, on_track {on track} at_risk {at risk} likely_miss {likely miss} insufficient {insufficient data} other {no state}} to {state, select, on_track {on track} at_risk {at risk} likely_miss {likely miss} insufficient {insufficient data} other {{state}}}. Money at risk in the period: {risk}.\n\nProjections and alerts: {link}\n',
  'mail.scorecard.subject': 'Covenant scorecard: {contract} (as of {date})',
  'mail.scorecard.text':
    'The scorecard of {contract} as of {date}, attached as a PDF.\n\nOn the dashboard: {link}\n',
} as const;
