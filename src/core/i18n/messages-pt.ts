import { ANALYSIS_PT } from './dashboard/analysis-pt.js';
import { COMMON_PT } from './dashboard/common-pt.js';
import { MONEY_PT } from './dashboard/money-pt.js';
import { OVERVIEW_PT } from './dashboard/overview-pt.js';
import { RENEWAL_PT } from './dashboard/renewal-pt.js';
import { RFP_PT } from './dashboard/rfp-pt.js';
import { MAIL_PT } from './documents/mail-pt.js';
import { SCORECARD_PT } from './documents/scorecard-pt.js';
import type { Messages } from './messages-en.js';

export const PT: Messages = {
  ...COMMON_PT,
  ...OVERVIEW_PT,
  ...ANALYSIS_PT,
  ...MONEY_PT,
  ...RENEWAL_PT,
  ...RFP_PT,
  ...SCORECARD_PT,
  ...MAIL_PT,
  'nav.contracts': 'Contratos',
  'nav.drilldown': 'Análise detalhada',
  'nav.operations': 'Operações',
  'nav.automation': 'Automação',
  'nav.settlement': 'Liquidação',
  'nav.proposals': 'Propostas',
  'nav.renewal': 'Renovação',
  'nav.rfp': 'Concurso (RFP)',
  'nav.glossary': 'Glossário',
  'nav.logout': 'Terminar sessão',
  'nav.skip': 'Saltar para o conteúdo',
  'nav.language': 'Idioma',
  'login.title': 'Iniciar sessão',
  'login.email': 'E-mail',
  'login.password': 'Palavra-passe',
  'login.busy': 'A iniciar sessão…',
  'login.submit': 'Entrar',
  'table.downloadCsv': 'Transferir CSV',
  'table.downloadXlsx': 'Transferir XLSX',
  'chart.showTable': 'Mostrar os números numa tabela',
  'settlement.eyebrow': 'Liquidação',
  'settlement.invoice': 'Fatura',
  'settlement.trace': 'Rastreio das linhas de resultado',
  'settlement.traceIntro':
    'Para cada resultado: o valor medido com a dimensão da amostra n e o intervalo de 95%, a meta, os pontos da curva de pagamento (valor → pagamento como fração da alocação do resultado) e o pagamento resultante.',
  'settlement.total': 'Total',
  'settlement.line': 'linha',
  'settlement.label': 'descrição',
  'settlement.amount': 'montante',
  'settlement.part': 'parte',
  'settlement.scope': 'âmbito',
  'settlement.value': 'valor',
  'settlement.interval': 'intervalo de 95%',
  'settlement.target': 'meta',
  'settlement.points': 'pontos da curva',
  'settlement.pay': 'pagamento',
  'settlement.insufficient': 'insuficiente',
  'settlement.kind': '{kind, select, provisional {provisória} other {final}}',
  'settlement.id': 'liquidação {id}',
  'settlement.notStored': '(não guardada)',
  'settlement.currency': 'moeda {code}',
  'settlement.lines': '{count, plural, one {# linha de fatura} other {# linhas de fatura}}',
  'settlement.provisional':
    'Provisória. Alguns resultados ainda não estão maduros; a liquidação final e o seu acerto seguem-se depois de {date}.',
  'settlement.footer': 'Liquidação · {contract} · {period} ({kind})',
  'pdf.page': 'página',
  'pdf.of': 'de',
};
