import { ANALYSIS_DE } from './dashboard/analysis-de.js';
import { COMMON_DE } from './dashboard/common-de.js';
import { MONEY_DE } from './dashboard/money-de.js';
import { OVERVIEW_DE } from './dashboard/overview-de.js';
import { RENEWAL_DE } from './dashboard/renewal-de.js';
import { RFP_DE } from './dashboard/rfp-de.js';
import { MAIL_DE } from './documents/mail-de.js';
import { SCORECARD_DE } from './documents/scorecard-de.js';
import type { Messages } from './messages-en.js';

export const DE: Messages = {
  ...COMMON_DE,
  ...OVERVIEW_DE,
  ...ANALYSIS_DE,
  ...MONEY_DE,
  ...RENEWAL_DE,
  ...RFP_DE,
  ...SCORECARD_DE,
  ...MAIL_DE,
  'nav.contracts': 'Verträge',
  'nav.drilldown': 'Detailanalyse',
  'nav.operations': 'Betrieb',
  'nav.automation': 'Automatisierung',
  'nav.settlement': 'Abrechnung',
  'nav.proposals': 'Vorschläge',
  'nav.renewal': 'Verlängerung',
  'nav.rfp': 'Ausschreibung',
  'nav.glossary': 'Glossar',
  'nav.logout': 'Abmelden',
  'nav.skip': 'Zum Inhalt springen',
  'nav.language': 'Sprache',
  'login.title': 'Anmelden',
  'login.email': 'E-Mail',
  'login.password': 'Passwort',
  'login.busy': 'Anmeldung läuft…',
  'login.submit': 'Anmelden',
  'table.downloadCsv': 'Als CSV herunterladen',
  'table.downloadXlsx': 'Als XLSX herunterladen',
  'chart.showTable': 'Zahlen als Tabelle anzeigen',
  'settlement.eyebrow': 'Abrechnung',
  'settlement.invoice': 'Rechnung',
  'settlement.trace': 'Nachweis der Ergebnispositionen',
  'settlement.traceIntro':
    'Für jedes Ergebnis: der gemessene Wert mit Stichprobengröße n und 95-%-Intervall, das Ziel, die Punkte der Vergütungskurve (Wert → Vergütung als Anteil der Zuteilung des Ergebnisses) und die sich daraus ergebende Vergütung.',
  'settlement.total': 'Summe',
  'settlement.line': 'Position',
  'settlement.label': 'Bezeichnung',
  'settlement.amount': 'Betrag',
  'settlement.part': 'Teil',
  'settlement.scope': 'Umfang',
  'settlement.value': 'Wert',
  'settlement.interval': '95-%-Intervall',
  'settlement.target': 'Ziel',
  'settlement.points': 'Kurvenpunkte',
  'settlement.pay': 'Vergütung',
  'settlement.insufficient': 'unzureichend',
  'settlement.kind': '{kind, select, provisional {vorläufig} other {endgültig}}',
  'settlement.id': 'Abrechnung {id}',
  'settlement.notStored': '(nicht gespeichert)',
  'settlement.currency': 'Währung {code}',
  'settlement.lines': '{count, plural, one {# Rechnungsposition} other {# Rechnungspositionen}}',
  'settlement.provisional':
    'Vorläufig. Einige Ergebnisse sind noch nicht ausgereift; die endgültige Abrechnung und ihr Ausgleich folgen nach dem {date}.',
  'settlement.footer': 'Abrechnung · {contract} · {period} ({kind})',
  'pdf.page': 'Seite',
  'pdf.of': 'von',
};
