import { ANALYSIS_FR } from './dashboard/analysis-fr.js';
import { COMMON_FR } from './dashboard/common-fr.js';
import { MONEY_FR } from './dashboard/money-fr.js';
import { OVERVIEW_FR } from './dashboard/overview-fr.js';
import { RENEWAL_FR } from './dashboard/renewal-fr.js';
import { RFP_FR } from './dashboard/rfp-fr.js';
import { MAIL_FR } from './documents/mail-fr.js';
import { SCORECARD_FR } from './documents/scorecard-fr.js';
import type { Messages } from './messages-en.js';

export const FR: Messages = {
  ...COMMON_FR,
  ...OVERVIEW_FR,
  ...ANALYSIS_FR,
  ...MONEY_FR,
  ...RENEWAL_FR,
  ...RFP_FR,
  ...SCORECARD_FR,
  ...MAIL_FR,
  'nav.contracts': 'Contrats',
  'nav.drilldown': 'Analyse détaillée',
  'nav.operations': 'Opérations',
  'nav.automation': 'Automatisation',
  'nav.settlement': 'Règlement',
  'nav.proposals': 'Propositions',
  'nav.renewal': 'Renouvellement',
  'nav.rfp': 'Appel d’offres',
  'nav.glossary': 'Glossaire',
  'nav.logout': 'Se déconnecter',
  'nav.skip': 'Aller au contenu',
  'nav.language': 'Langue',
  'login.title': 'Connexion',
  'login.email': 'E-mail',
  'login.password': 'Mot de passe',
  'login.busy': 'Connexion…',
  'login.submit': 'Se connecter',
  'table.downloadCsv': 'Télécharger en CSV',
  'table.downloadXlsx': 'Télécharger en XLSX',
  'chart.showTable': 'Afficher les chiffres sous forme de tableau',
  'settlement.eyebrow': 'Règlement',
  'settlement.invoice': 'Facture',
  'settlement.trace': 'Justification des lignes de résultat',
  'settlement.traceIntro':
    'Pour chaque résultat : la valeur mesurée avec sa taille d’échantillon n et son intervalle à 95 %, la cible, les points de la courbe de paiement (valeur → paiement en fraction de l’allocation du résultat) et le paiement qui en découle.',
  'settlement.total': 'Total',
  'settlement.line': 'ligne',
  'settlement.label': 'libellé',
  'settlement.amount': 'montant',
  'settlement.part': 'partie',
  'settlement.scope': 'périmètre',
  'settlement.value': 'valeur',
  'settlement.interval': 'intervalle à 95 %',
  'settlement.target': 'cible',
  'settlement.points': 'points de la courbe',
  'settlement.pay': 'paiement',
  'settlement.insufficient': 'insuffisant',
  'settlement.kind': '{kind, select, provisional {provisoire} other {définitif}}',
  'settlement.id': 'règlement {id}',
  'settlement.notStored': '(non enregistré)',
  'settlement.currency': 'devise {code}',
  'settlement.lines': '{count, plural, one {# ligne de facture} other {# lignes de facture}}',
  'settlement.provisional':
    'Provisoire. Certains résultats ne sont pas encore définitifs ; le règlement final et sa régularisation suivront après le {date}.',
  'settlement.footer': 'Règlement · {contract} · {period} ({kind})',
  'pdf.page': 'page',
  'pdf.of': 'sur',
};
