import type { MAIL_EN } from './mail-en.js';

export const MAIL_DE: Record<keyof typeof MAIL_EN, string> = {
  'mail.proposal.subject': 'Covenant: Vorschlag {proposal} wartet auf Ihre Zustimmung',
  'mail.proposal.text':
    'Der Vorschlag {proposal} zur Neukalibrierung von {contract} wartet auf Ihre Zustimmung.\n\nZur Prüfung: {link}\n',
  'mail.dispute.subject':
    'Covenant: Einspruch {dispute} {event, select, opened {eröffnet} resolved {entschieden} updated {aktualisiert} other {{event}}} ({contract} {period})',
  'mail.dispute.text':
    'Der Einspruch {dispute} zu {line} von {contract} {period} ist {status, select, open {offen} accepted {angenommen} rejected {abgelehnt} withdrawn {zurückgezogen} other {{status}}}.\n\n{link}\n',
  'mail.settlement.subject': 'Covenant: endgültige Abrechnung von {contract} {period}',
  'mail.settlement.text':
    'Die endgültige Abrechnung {settlement} von {contract} {period} beträgt {total}.\n\n{link}\n',
  'mail.alert.subject':
    'Covenant: {label} von {contract} {state, select, on_track {ist auf Kurs} at_risk {ist gefährdet} likely_miss {verfehlt wohl sein Ziel} insufficient {hat zu wenige Daten} other {ist {state}}} ({period})',
  'mail.alert.text':
    '{label} ({contract}, {period}) wechselte von {previous, select, on_track {auf Kurs} at_risk {gefährdet} likely_miss {wohl verfehlt} insufficient {zu wenige Daten} other {keinem Status}} zu {state, select, on_track {auf Kurs} at_risk {gefährdet} likely_miss {wohl verfehlt} insufficient {zu wenige Daten} other {{state}}}. Gefährdeter Betrag im Zeitraum: {risk}.\n\nPrognosen und Warnungen: {link}\n',
  'mail.scorecard.subject': 'Covenant-Bewertung: {contract} (Stand {date})',
  'mail.scorecard.text':
    'Die Bewertung von {contract} mit Stand {date}, als PDF angehängt.\n\nIm Dashboard: {link}\n',
};
