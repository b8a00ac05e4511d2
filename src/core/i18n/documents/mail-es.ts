import type { MAIL_EN } from './mail-en.js';

export const MAIL_ES: Record<keyof typeof MAIL_EN, string> = {
  'mail.proposal.subject': 'Covenant: la propuesta {proposal} espera tu aprobación',
  'mail.proposal.text':
    'La propuesta {proposal} de recalibración de {contract} espera tu aprobación.\n\nRevísala: {link}\n',
  'mail.dispute.subject':
    'Covenant: disputa {dispute} {event, select, opened {abierta} resolved {resuelta} updated {actualizada} other {{event}}} ({contract} {period})',
  'mail.dispute.text':
    'La disputa {dispute} sobre {line} de {contract} {period} está {status, select, open {abierta} accepted {aceptada} rejected {rechazada} withdrawn {retirada} other {{status}}}.\n\n{link}\n',
  'mail.settlement.subject': 'Covenant: liquidación definitiva de {contract} {period}',
  'mail.settlement.text':
    'La liquidación definitiva {settlement} de {contract} {period} suma {total}.\n\n{link}\n',
  'mail.alert.subject':
    'Covenant: {label} de {contract} {state, select, on_track {va por buen camino} at_risk {está en riesgo} likely_miss {probablemente no alcanzará su objetivo} insufficient {tiene datos insuficientes} other {está {state}}} ({period})',
  'mail.alert.text':
    '{label} ({contract}, {period}) ha pasado de {previous, select, on_track {en buen camino} at_risk {en riesgo} likely_miss {probable incumplimiento} insufficient {datos insuficientes} other {sin estado}} a {state, select, on_track {en buen camino} at_risk {en riesgo} likely_miss {probable incumplimiento} insufficient {datos insuficientes} other {{state}}}. Importe en riesgo en el periodo: {risk}.\n\nPrevisiones y alertas: {link}\n',
  'mail.scorecard.subject': 'Evaluación Covenant: {contract} (a {date})',
  'mail.scorecard.text': 'La evaluación de {contract} a {date}, adjunta en PDF.\n\nEn el panel: {link}\n',
};
