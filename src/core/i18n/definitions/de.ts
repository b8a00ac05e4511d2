import type { Definitions } from './types.js';

/** The catalog's definitions in German (formula in words, what n counts, parameters). */
export const DE: Definitions = {
  metrics: {
    contacts: ['Anzahl der Kontakte', 'Kontakte'],
    csat: [
      'bearbeitete, befragte Kontakte mit csat >= 4 / bearbeitete, befragte Kontakte (Top-2-Box)',
      'bearbeitete, befragte Kontakte',
    ],
    csat_mean: ['Mittelwert des csat der bearbeiteten, befragten Kontakte', 'bearbeitete, befragte Kontakte'],
    fcr: [
      'Episoden aus genau einem bearbeiteten Kontakt mit resolved = true / Episoden. Eine Episode ist die Folge der Kontakte eines Kunden in einem Workflow, in der jeder Kontakt höchstens repeatWindow nach dem vorigen beginnt; Episoden werden aus allen Kontakten des Kunden im Workflow gebildet, gleich welcher Dienstleister, Standort oder Kanal, und dem Bereich ihres ersten Kontakts zugeordnet. Kontakte ohne customer_id sind Episoden aus einem Kontakt.',
      'Episoden',
    ],
    resolution_rate: ['gelöste bearbeitete Kontakte / bearbeitete Kontakte', 'bearbeitete Kontakte'],
    error_rate: ['bearbeitete Kontakte mit Fehler / bearbeitete Kontakte', 'bearbeitete Kontakte'],
    aht: [
      'Mittelwert von handle_seconds der bearbeiteten Kontakte mit Pfad human oder bot_to_human',
      'von Menschen bearbeitete Kontakte mit handle_seconds',
    ],
    handle_p90: [
      '90. Perzentil (stetig) von handle_seconds der bearbeiteten Kontakte mit Pfad human oder bot_to_human',
      'von Menschen bearbeitete Kontakte mit handle_seconds',
    ],
    asa: [
      'Mittelwert von queue_seconds der angenommenen Kontakte (angeboten und nicht abgebrochen)',
      'angenommene Kontakte mit queue_seconds',
    ],
    service_level: [
      'angenommen mit queue_seconds <= answerWithin / (angeboten - Kurzabbrüche); angeboten = Sprach-/Chat-/Messaging-Kontakte mit Pfad human oder bot_to_human; angenommen = angeboten und nicht abgebrochen; Kurzabbruch = abgebrochen mit queue_seconds <= shortAbandon; ein angenommener Kontakt ohne queue_seconds zählt nicht als rechtzeitig',
      'angebotene Kontakte abzüglich Kurzabbrüche',
    ],
    abandon_rate: [
      'abgebrochen (ohne Kurzabbrüche) / (angeboten - Kurzabbrüche)',
      'angebotene Kontakte abzüglich Kurzabbrüche',
    ],
    backlog: [
      'E-Mail-/Messaging-Kontakte, die zum Endzeitpunkt des Zeitraums offen sind: started_at < Ende und (closed_at >= Ende oder leer); als Reihe die Zahl der offenen am Ende jedes Tages',
      'offene Kontakte',
    ],
    containment: ['Kontakte mit Pfad bot, gelöst / Kontakte (Entlastung durch Automatisierung)', 'Kontakte'],
    escalation_rate: [
      'Pfad = bot_to_human / Pfad in (bot, bot_to_human)',
      'Kontakte, die den Bot erreichten',
    ],
    bot_error_rate: ['Kontakte mit Pfad bot und Fehler / Kontakte mit Pfad bot', 'reine Bot-Kontakte'],
    offer_conversion: ['Angebot = accepted / Angebot in (accepted, declined)', 'gemachte Angebote'],
    revenue_per_contact: ['Summe(revenue) / Kontakte', 'Kontakte'],
    retention_90d: [
      'Kunden mit einem bearbeiteten Kontakt im Bereich im Zeitraum, die innerhalb von window nach ihrem ersten solchen Kontakt nicht gekündigt haben / diese Kunden; gehalten = churned_at leer oder später als das lokale Datum dieses ersten Kontakts + window. Kunden, die im Datensatz customers fehlen, bleiben außen vor und werden in einem Datenqualitätshinweis gezählt',
      'Kunden',
    ],
    qa_score: [
      'mittlere Bewertung der Reviews mit calibration = false; ein Review gehört zum Zeitraum, Dienstleister, Workflow und Standort des bewerteten Kontakts',
      'Reviews',
    ],
    qa_alpha: [
      'Krippendorffs Alpha, Intervallmetrik, über die Kalibrierungs-Reviews: Einheiten = interaction_id, Kodierer = reviewer_id, Werte = score; Einheiten mit weniger als 2 Bewertungen bleiben außen vor; wer eine Einheit zweimal bewertet hat, zählt mit dem jüngsten Review',
      'paarbare Werte',
    ],
    adherence: [
      'Minuten, in denen der tatsächliche Status der geplanten Tätigkeit entspricht / geplante Minuten; work entspricht available, on_contact, after_contact_work; break, training, coaching, meeting entsprechen dem gleichnamigen Status',
      'geplante Minuten',
    ],
    conformance: [
      'Minuten in available, on_contact, after_contact_work / geplante Arbeitsminuten (kann 1 übersteigen)',
      'geplante Arbeitsminuten',
    ],
    occupancy: [
      'Minuten in on_contact, after_contact_work / Minuten in available, on_contact, after_contact_work',
      'angemeldete Minuten',
    ],
    coaching_coverage: [
      'Agenten-Fenster mit mindestens einer Sitzung im Modus mode / Agenten-Fenster; Fenster sind aufeinanderfolgende cadence-Fenster ab Beginn des Zeitraums, nur vollständige; ein Agent zählt in einem Fenster, wenn er während des ganzen Fensters beschäftigt war (Rolle agent)',
      'Agenten-Fenster',
    ],
    backfill_days: [
      'Median der Tage von opened_at bis filled_at der im Zeitraum besetzten kritischen Stellen',
      'besetzte kritische Stellen',
    ],
    backfill_within_sla: [
      'im Zeitraum eröffnete und innerhalb von days Tagen besetzte kritische Stellen / jene, deren Frist abgelaufen ist oder die besetzt wurden',
      'fällige kritische Stellen',
    ],
    attrition: [
      'Agenten (Rolle agent), deren left_at im Zeitraum liegt / Mittel der Agentenzahl zu Beginn und Ende des Zeitraums, annualisiert x 365 / Tage im Zeitraum',
      'mittlere Agentenzahl',
    ],
    access_compliance: [
      'Anmeldungen mit MFA (falls mfaRequired), device_compliant (falls compliantDeviceRequired) und Land in allowedCountries (standardmäßig beliebig) / Anmeldungen',
      'Anmeldungen',
    ],
    incident_ack_sla: [
      'im Zeitraum eröffnete Vorfälle, die innerhalb der Frist ihres Schweregrads angenommen wurden / Vorfälle der Schweregrade mit Frist',
      'Vorfälle mit Frist',
    ],
    incident_resolve_sla: [
      'im Zeitraum eröffnete Vorfälle, die innerhalb der Frist ihres Schweregrads gelöst wurden / Vorfälle der Schweregrade mit Frist',
      'Vorfälle mit Frist',
    ],
    max_site_share: [
      'der größte Anteil der bearbeiteten Kontakte, den ein einzelner Standort bedient',
      'bearbeitete Kontakte',
    ],
    cost_per_contact: [
      'Rechnungssumme des Zeitraums / bearbeitete Kontakte im Bereich mit Pfad human oder bot_to_human (was der Kunde pro von den Mitarbeitenden des Dienstleisters bearbeitetem Kontakt zahlt: steigt, wenn Bots die einfachen Kontakte übernehmen)',
      'bearbeitete Kontakte mit Pfad human oder bot_to_human',
    ],
    cost_per_contact_all: [
      'Rechnungssumme des Zeitraums / alle Kontakte im Bereich, reine Bot-Kontakte eingeschlossen',
      'Kontakte',
    ],
    cost_per_resolved_contact: [
      'Rechnungssumme / gelöste bearbeitete Kontakte',
      'gelöste bearbeitete Kontakte',
    ],
    value_per_contact: [
      '(revenue + Wert des Retention-Zuwachses) / Kontakte, wobei Wert des Retention-Zuwachses = (retention_90d - ihre Basislinie) x Kunden x mittlerer monthly_value x 12',
      'Kontakte',
    ],
  },
  params: {
    repeatWindow: 'ein Kontakt innerhalb dieser Zeit nach dem vorigen setzt die Episode fort',
    answerWithin: 'innerhalb so vieler Sekunden angenommen zählt als rechtzeitig',
    shortAbandon: 'Abbrüche innerhalb so vieler Sekunden bleiben außen vor',
    window: 'ein Kunde, der so lange nach dem ersten Kontakt bleibt, zählt als gehalten',
    mode: 'der Sitzungsmodus, der zählt',
    cadence: 'Länge der aufeinanderfolgenden Fenster, in denen jeder Agent gecoacht werden soll',
    days: 'eine kritische Stelle, die innerhalb so vieler Tage besetzt wird, erfüllt das SLA',
    mfaRequired: 'eine Anmeldung muss MFA verwenden',
    compliantDeviceRequired: 'eine Anmeldung muss von einem konformen Gerät kommen',
    allowedCountries: 'Länder, aus denen Anmeldungen kommen dürfen (leer: beliebig)',
    limits: 'je Schweregrad die Zeit bis zur Annahme und bis zur Lösung',
  },
};
