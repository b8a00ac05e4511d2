import type { MAIL_EN } from './mail-en.js';

export const MAIL_PT: Record<keyof typeof MAIL_EN, string> = {
  'mail.proposal.subject': 'Covenant: a proposta {proposal} aguarda a sua aprovação',
  'mail.proposal.text':
    'A proposta {proposal} de recalibração de {contract} aguarda a sua aprovação.\n\nAnalise-a: {link}\n',
  'mail.dispute.subject':
    'Covenant: disputa {dispute} {event, select, opened {aberta} resolved {resolvida} updated {atualizada} other {{event}}} ({contract} {period})',
  'mail.dispute.text':
    'A disputa {dispute} sobre {line} de {contract} {period} está {status, select, open {aberta} accepted {aceite} rejected {rejeitada} withdrawn {retirada} other {{status}}}.\n\n{link}\n',
  'mail.settlement.subject': 'Covenant: liquidação final de {contract} {period}',
  'mail.settlement.text':
    'A liquidação final {settlement} de {contract} {period} totaliza {total}.\n\n{link}\n',
  'mail.alert.subject':
    'Covenant: {label} de {contract} {state, select, on_track {está no bom caminho} at_risk {está em risco} likely_miss {vai provavelmente falhar a meta} insufficient {tem dados insuficientes} other {está {state}}} ({period})',
  'mail.alert.text':
    '{label} ({contract}, {period}) passou de {previous, select, on_track {no bom caminho} at_risk {em risco} likely_miss {provável falha} insufficient {dados insuficientes} other {sem estado}} para {state, select, on_track {no bom caminho} at_risk {em risco} likely_miss {provável falha} insufficient {dados insuficientes} other {{state}}}. Dinheiro em risco no período: {risk}.\n\nProjeções e alertas: {link}\n',
  'mail.scorecard.subject': 'Avaliação Covenant: {contract} (em {date})',
  'mail.scorecard.text': 'A avaliação de {contract} em {date}, em anexo como PDF.\n\nNo painel: {link}\n',
};
