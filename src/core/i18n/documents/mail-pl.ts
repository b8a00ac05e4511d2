import type { MAIL_EN } from './mail-en.js';

export const MAIL_PL: Record<keyof typeof MAIL_EN, string> = {
  'mail.proposal.subject': 'Covenant: propozycja {proposal} czeka na Twoje zatwierdzenie',
  'mail.proposal.text':
    'Propozycja {proposal} rekalibracji umowy {contract} czeka na Twoje zatwierdzenie.\n\nSprawdź ją: {link}\n',
  'mail.dispute.subject':
    'Covenant: spór {dispute} {event, select, opened {otwarty} resolved {rozstrzygnięty} updated {zaktualizowany} other {{event}}} ({contract} {period})',
  'mail.dispute.text':
    'Spór {dispute} dotyczący {line} z {contract} {period} jest {status, select, open {otwarty} accepted {przyjęty} rejected {odrzucony} withdrawn {wycofany} other {{status}}}.\n\n{link}\n',
  'mail.settlement.subject': 'Covenant: ostateczne rozliczenie {contract} {period}',
  'mail.settlement.text':
    'Ostateczne rozliczenie {settlement} umowy {contract} za {period} wynosi {total}.\n\n{link}\n',
  'mail.alert.subject':
    'Covenant: {label} w {contract} {state, select, on_track {zgodnie z planem} at_risk {zagrożony} likely_miss {prawdopodobnie nie osiągnie celu} insufficient {za mało danych} other {{state}}} ({period})',
  'mail.alert.text':
    '{label} ({contract}, {period}) zmienił stan z {previous, select, on_track {zgodnie z planem} at_risk {zagrożony} likely_miss {prawdopodobnie nieosiągnięty} insufficient {za mało danych} other {brak stanu}} na {state, select, on_track {zgodnie z planem} at_risk {zagrożony} likely_miss {prawdopodobnie nieosiągnięty} insufficient {za mało danych} other {{state}}}. Kwota zagrożona w okresie: {risk}.\n\nPrognozy i alerty: {link}\n',
  'mail.scorecard.subject': 'Ocena Covenant: {contract} (stan na {date})',
  'mail.scorecard.text':
    'Ocena umowy {contract} według stanu na {date} w załączniku PDF.\n\nW panelu: {link}\n',
};
