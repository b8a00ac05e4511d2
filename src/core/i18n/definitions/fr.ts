import type { Definitions } from './types.js';

/** The catalog's definitions in French (formula in words, what n counts, parameters). */
export const FR: Definitions = {
  metrics: {
    contacts: ['nombre de contacts', 'contacts'],
    csat: [
      'contacts traités et enquêtés avec csat >= 4 / contacts traités et enquêtés (top-2-box)',
      'contacts traités et enquêtés',
    ],
    csat_mean: ['moyenne du csat des contacts traités et enquêtés', 'contacts traités et enquêtés'],
    fcr: [
      "épisodes constitués d'un seul contact traité avec resolved = true / épisodes. Un épisode est la suite des contacts d'un client sur un workflow où chaque contact commence au plus repeatWindow après le précédent ; les épisodes sont construits à partir de tous les contacts du client sur le workflow, quels que soient le prestataire, le site ou le canal, et rattachés au périmètre de leur premier contact. Un contact sans customer_id forme un épisode à lui seul.",
      'épisodes',
    ],
    resolution_rate: ['contacts traités résolus / contacts traités', 'contacts traités'],
    error_rate: ['contacts traités avec erreur / contacts traités', 'contacts traités'],
    aht: [
      'moyenne de handle_seconds des contacts traités au parcours human ou bot_to_human',
      'contacts traités par un humain avec handle_seconds',
    ],
    handle_p90: [
      '90e centile (continu) de handle_seconds des contacts traités au parcours human ou bot_to_human',
      'contacts traités par un humain avec handle_seconds',
    ],
    asa: [
      'moyenne de queue_seconds des contacts répondus (présentés et non abandonnés)',
      'contacts répondus avec queue_seconds',
    ],
    service_level: [
      'répondus avec queue_seconds <= answerWithin / (présentés - abandons courts) ; présentés = contacts voix/chat/messagerie au parcours human ou bot_to_human ; répondus = présentés et non abandonnés ; abandon court = abandonné avec queue_seconds <= shortAbandon ; un contact répondu sans queue_seconds ne compte pas comme dans le délai',
      'contacts présentés moins les abandons courts',
    ],
    abandon_rate: [
      'abandonnés (hors abandons courts) / (présentés - abandons courts)',
      'contacts présentés moins les abandons courts',
    ],
    backlog: [
      "contacts e-mail/messagerie ouverts à l'instant de fin de la période : started_at < fin et (closed_at >= fin ou vide) ; en série, le nombre d'ouverts à la fin de chaque jour",
      'contacts ouverts',
    ],
    containment: [
      'contacts au parcours bot et résolus / contacts (déflexion par l’automatisation)',
      'contacts',
    ],
    escalation_rate: [
      'parcours = bot_to_human / parcours dans (bot, bot_to_human)',
      'contacts passés par le bot',
    ],
    bot_error_rate: [
      'contacts au parcours bot avec erreur / contacts au parcours bot',
      'contacts traités par le bot seul',
    ],
    offer_conversion: ['offre = accepted / offre dans (accepted, declined)', 'offres faites'],
    revenue_per_contact: ['somme(revenue) / contacts', 'contacts'],
    retention_90d: [
      "clients ayant eu un contact traité dans le périmètre pendant la période et n'ayant pas résilié dans le délai window après leur premier contact de ce type / ces clients ; retenu = churned_at vide ou postérieur à la date locale de ce premier contact + window. Les clients absents du jeu de données customers sont exclus et comptés dans un avertissement de qualité des données",
      'clients',
    ],
    qa_score: [
      'note moyenne des évaluations avec calibration = false ; une évaluation appartient à la période, au prestataire, au workflow et au site du contact évalué',
      'évaluations',
    ],
    qa_alpha: [
      "alpha de Krippendorff, métrique d'intervalle, sur les évaluations de calibrage : unités = interaction_id, codeurs = reviewer_id, valeurs = score ; les unités de moins de 2 notes sont exclues ; un évaluateur ayant noté deux fois une unité compte avec sa dernière évaluation",
      'valeurs appariables',
    ],
    adherence: [
      "minutes où l'état réel correspond à l'activité planifiée / minutes planifiées ; work correspond à available, on_contact, after_contact_work ; break, training, coaching, meeting correspondent à l'état du même nom",
      'minutes planifiées',
    ],
    conformance: [
      'minutes en available, on_contact, after_contact_work / minutes de travail planifiées (peut dépasser 1)',
      'minutes de travail planifiées',
    ],
    occupancy: [
      'minutes en on_contact, after_contact_work / minutes en available, on_contact, after_contact_work',
      'minutes connectées',
    ],
    coaching_coverage: [
      "fenêtres-agent avec au moins une séance dans le mode mode / fenêtres-agent ; les fenêtres sont des fenêtres cadence consécutives depuis le début de la période, complètes uniquement ; un agent compte dans une fenêtre s'il est employé (rôle agent) pendant toute sa durée",
      'fenêtres-agent',
    ],
    backfill_days: [
      'médiane des jours entre opened_at et filled_at des postes critiques pourvus dans la période',
      'postes critiques pourvus',
    ],
    backfill_within_sla: [
      'postes critiques ouverts dans la période et pourvus en days jours / ceux dont l’échéance est passée ou qui ont été pourvus',
      'postes critiques échus',
    ],
    attrition: [
      'agents (rôle agent) dont left_at tombe dans la période / moyenne des effectifs d’agents au début et à la fin de la période, annualisée x 365 / jours de la période',
      'effectif moyen d’agents',
    ],
    access_compliance: [
      'connexions avec MFA (si mfaRequired), device_compliant (si compliantDeviceRequired) et pays dans allowedCountries (par défaut tous) / connexions',
      'connexions',
    ],
    incident_ack_sla: [
      'incidents ouverts dans la période pris en charge dans la limite de leur gravité / incidents de gravités ayant une limite',
      'incidents avec une limite',
    ],
    incident_resolve_sla: [
      'incidents ouverts dans la période résolus dans la limite de leur gravité / incidents de gravités ayant une limite',
      'incidents avec une limite',
    ],
    max_site_share: ['la plus grande part des contacts traités servie par un seul site', 'contacts traités'],
    cost_per_contact: [
      'total facturé de la période / contacts traités du périmètre au parcours human ou bot_to_human (ce que le client paie par contact traité par les équipes du prestataire : il augmente quand les bots prennent les contacts simples)',
      'contacts traités au parcours human ou bot_to_human',
    ],
    cost_per_contact_all: [
      'total facturé de la période / tous les contacts du périmètre, y compris ceux traités par le bot seul',
      'contacts',
    ],
    cost_per_resolved_contact: ['total facturé / contacts traités résolus', 'contacts traités résolus'],
    value_per_contact: [
      '(revenue + valeur du gain de rétention) / contacts, où valeur du gain de rétention = (retention_90d - sa référence) x clients x monthly_value moyen x 12',
      'contacts',
    ],
  },
  params: {
    repeatWindow: 'un contact dans ce délai après le précédent poursuit l’épisode',
    answerWithin: 'une réponse dans ce nombre de secondes compte comme dans le délai',
    shortAbandon: 'les abandons dans ce nombre de secondes sont exclus',
    window: 'un client retenu aussi longtemps après le premier contact compte comme retenu',
    mode: 'le mode de séance qui compte',
    cadence: 'durée des fenêtres consécutives dans lesquelles chaque agent doit être coaché',
    days: 'un poste critique pourvu dans ce nombre de jours respecte le SLA',
    mfaRequired: 'une connexion doit utiliser la MFA',
    compliantDeviceRequired: 'une connexion doit venir d’un appareil conforme',
    allowedCountries: 'pays d’où les connexions peuvent venir (vide : tous)',
    limits: 'par gravité, le délai de prise en charge et de résolution',
  },
};
