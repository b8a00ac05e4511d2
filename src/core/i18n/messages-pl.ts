import { ANALYSIS_PL } from './dashboard/analysis-pl.js';
import { COMMON_PL } from './dashboard/common-pl.js';
import { MONEY_PL } from './dashboard/money-pl.js';
import { OVERVIEW_PL } from './dashboard/overview-pl.js';
import { RENEWAL_PL } from './dashboard/renewal-pl.js';
import { RFP_PL } from './dashboard/rfp-pl.js';
import { MAIL_PL } from './documents/mail-pl.js';
import { SCORECARD_PL } from './documents/scorecard-pl.js';
import type { Messages } from './messages-en.js';

export const PL: Messages = {
  ...COMMON_PL,
  ...OVERVIEW_PL,
  ...ANALYSIS_PL,
  ...MONEY_PL,
  ...RENEWAL_PL,
  ...RFP_PL,
  ...SCORECARD_PL,
  ...MAIL_PL,
  'nav.contracts': 'Umowy',
  'nav.drilldown': 'Analiza szczegółowa',
  'nav.operations': 'Operacje',
  'nav.automation': 'Automatyzacja',
  'nav.settlement': 'Rozliczenie',
  'nav.proposals': 'Propozycje',
  'nav.renewal': 'Odnowienie',
  'nav.rfp': 'Przetarg (RFP)',
  'nav.glossary': 'Słownik',
  'nav.logout': 'Wyloguj',
  'nav.skip': 'Przejdź do treści',
  'nav.language': 'Język',
  'login.title': 'Logowanie',
  'login.email': 'E-mail',
  'login.password': 'Hasło',
  'login.busy': 'Logowanie…',
  'login.submit': 'Zaloguj',
  'table.downloadCsv': 'Pobierz CSV',
  'table.downloadXlsx': 'Pobierz XLSX',
  'chart.showTable': 'Pokaż liczby w tabeli',
  'settlement.eyebrow': 'Rozliczenie',
  'settlement.invoice': 'Faktura',
  'settlement.trace': 'Uzasadnienie pozycji wynikowych',
  'settlement.traceIntro':
    'Dla każdego wyniku: zmierzona wartość z liczebnością próby n i przedziałem 95%, cel, punkty krzywej wypłat (wartość → wypłata jako część przydziału wyniku) oraz wynikająca z nich wypłata.',
  'settlement.total': 'Razem',
  'settlement.line': 'pozycja',
  'settlement.label': 'opis',
  'settlement.amount': 'kwota',
  'settlement.part': 'część',
  'settlement.scope': 'zakres',
  'settlement.value': 'wartość',
  'settlement.interval': 'przedział 95%',
  'settlement.target': 'cel',
  'settlement.points': 'punkty krzywej',
  'settlement.pay': 'wypłata',
  'settlement.insufficient': 'za mało danych',
  'settlement.kind': '{kind, select, provisional {wstępne} other {ostateczne}}',
  'settlement.id': 'rozliczenie {id}',
  'settlement.notStored': '(niezapisane)',
  'settlement.currency': 'waluta {code}',
  'settlement.lines':
    '{count, plural, one {# pozycja faktury} few {# pozycje faktury} many {# pozycji faktury} other {# pozycji faktury}}',
  'settlement.provisional':
    'Wstępne. Niektóre wyniki jeszcze nie dojrzały; ostateczne rozliczenie i jego korekta nastąpią po {date}.',
  'settlement.footer': 'Rozliczenie · {contract} · {period} ({kind})',
  'pdf.page': 'strona',
  'pdf.of': 'z',
};
