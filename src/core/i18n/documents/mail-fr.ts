import type { MAIL_EN } from './mail-en.js';

export const MAIL_FR: Record<keyof typeof MAIL_EN, string> = {
  'mail.proposal.subject': 'Covenant : la proposition {proposal} attend votre approbation',
  'mail.proposal.text':
    'La proposition {proposal} de recalibrage de {contract} attend votre approbation.\n\nPour l’examiner : {link}\n',
  'mail.dispute.subject':
    'Covenant : litige {dispute} {event, select, opened {ouvert} resolved {résolu} updated {mis à jour} other {{event}}} ({contract} {period})',
  'mail.dispute.text':
    'Le litige {dispute} sur {line} de {contract} {period} est {status, select, open {ouvert} accepted {accepté} rejected {rejeté} withdrawn {retiré} other {{status}}}.\n\n{link}\n',
  'mail.settlement.subject': 'Covenant : règlement définitif de {contract} {period}',
  'mail.settlement.text':
    'Le règlement définitif {settlement} de {contract} {period} s’élève à {total}.\n\n{link}\n',
  'mail.alert.subject':
    'Covenant : {label} de {contract} {state, select, on_track {est en bonne voie} at_risk {est à risque} likely_miss {manquera probablement sa cible} insufficient {manque de données} other {est {state}}} ({period})',
  'mail.alert.text':
    '{label} ({contract}, {period}) est passé de {previous, select, on_track {en bonne voie} at_risk {à risque} likely_miss {probablement manqué} insufficient {données insuffisantes} other {aucun état}} à {state, select, on_track {en bonne voie} at_risk {à risque} likely_miss {probablement manqué} insufficient {données insuffisantes} other {{state}}}. Montant à risque sur la période : {risk}.\n\nProjections et alertes : {link}\n',
  'mail.scorecard.subject': 'Bilan Covenant : {contract} (au {date})',
  'mail.scorecard.text':
    'Le bilan de {contract} au {date}, en pièce jointe au format PDF.\n\nSur le tableau de bord : {link}\n',
};
