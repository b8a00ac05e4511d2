import { ANALYSIS_ES } from './dashboard/analysis-es.js';
import { COMMON_ES } from './dashboard/common-es.js';
import { MONEY_ES } from './dashboard/money-es.js';
import { OVERVIEW_ES } from './dashboard/overview-es.js';
import { RENEWAL_ES } from './dashboard/renewal-es.js';
import { RFP_ES } from './dashboard/rfp-es.js';
import { MAIL_ES } from './documents/mail-es.js';
import { SCORECARD_ES } from './documents/scorecard-es.js';
import type { Messages } from './messages-en.js';

export const ES: Messages = {
  ...COMMON_ES,
  ...OVERVIEW_ES,
  ...ANALYSIS_ES,
  ...MONEY_ES,
  ...RENEWAL_ES,
  ...RFP_ES,
  ...SCORECARD_ES,
  ...MAIL_ES,
  'nav.contracts': 'Contratos',
  'nav.drilldown': 'Análisis detallado',
  'nav.operations': 'Operaciones',
  'nav.automation': 'Automatización',
  'nav.settlement': 'Liquidación',
  'nav.proposals': 'Propuestas',
  'nav.renewal': 'Renovación',
  'nav.rfp': 'Licitación (RFP)',
  'nav.glossary': 'Glosario',
  'nav.logout': 'Cerrar sesión',
  'nav.skip': 'Saltar al contenido',
  'nav.language': 'Idioma',
  'login.title': 'Iniciar sesión',
  'login.email': 'Correo electrónico',
  'login.password': 'Contraseña',
  'login.busy': 'Iniciando sesión…',
  'login.submit': 'Entrar',
  'table.downloadCsv': 'Descargar CSV',
  'table.downloadXlsx': 'Descargar XLSX',
  'chart.showTable': 'Mostrar las cifras en una tabla',
  'settlement.eyebrow': 'Liquidación',
  'settlement.invoice': 'Factura',
  'settlement.trace': 'Trazabilidad de las líneas de resultado',
  'settlement.traceIntro':
    'Para cada resultado: el valor medido con su tamaño de muestra n y su intervalo del 95 %, el objetivo, los puntos de la curva de pago (valor → pago como fracción de la asignación del resultado) y el pago resultante.',
  'settlement.total': 'Total',
  'settlement.line': 'línea',
  'settlement.label': 'concepto',
  'settlement.amount': 'importe',
  'settlement.part': 'parte',
  'settlement.scope': 'ámbito',
  'settlement.value': 'valor',
  'settlement.interval': 'intervalo del 95 %',
  'settlement.target': 'objetivo',
  'settlement.points': 'puntos de la curva',
  'settlement.pay': 'pago',
  'settlement.insufficient': 'insuficiente',
  'settlement.kind': '{kind, select, provisional {provisional} other {definitiva}}',
  'settlement.id': 'liquidación {id}',
  'settlement.notStored': '(no guardada)',
  'settlement.currency': 'moneda {code}',
  'settlement.lines': '{count, plural, one {# línea de factura} other {# líneas de factura}}',
  'settlement.provisional':
    'Provisional. Algunos resultados aún no han madurado; la liquidación definitiva y su regularización llegarán después del {date}.',
  'settlement.footer': 'Liquidación · {contract} · {period} ({kind})',
  'pdf.page': 'página',
  'pdf.of': 'de',
};
