import type { Definitions } from './types.js';

/** The catalog's definitions in Portuguese (formula in words, what n counts, parameters). */
export const PT: Definitions = {
  metrics: {
    contacts: ['número de contactos', 'contactos'],
    csat: [
      'contactos atendidos e inquiridos com csat >= 4 / contactos atendidos e inquiridos (top-2-box)',
      'contactos atendidos e inquiridos',
    ],
    csat_mean: ['média do csat dos contactos atendidos e inquiridos', 'contactos atendidos e inquiridos'],
    fcr: [
      'episódios que são um único contacto atendido com resolved = true / episódios. Um episódio é a sequência de contactos de um cliente num workflow em que cada contacto começa no máximo repeatWindow depois do anterior; os episódios constroem-se a partir de todos os contactos do cliente no workflow, seja qual for o fornecedor, o local ou o canal, e são atribuídos ao âmbito do primeiro contacto. Contactos sem customer_id são episódios de um só contacto.',
      'episódios',
    ],
    resolution_rate: ['contactos atendidos resolvidos / contactos atendidos', 'contactos atendidos'],
    error_rate: ['contactos atendidos com erro / contactos atendidos', 'contactos atendidos'],
    aht: [
      'média de handle_seconds dos contactos atendidos com percurso human ou bot_to_human',
      'contactos atendidos por pessoas com handle_seconds',
    ],
    handle_p90: [
      'percentil 90 (contínuo) de handle_seconds dos contactos atendidos com percurso human ou bot_to_human',
      'contactos atendidos por pessoas com handle_seconds',
    ],
    asa: [
      'média de queue_seconds dos contactos atendidos (oferecidos e não abandonados)',
      'contactos atendidos com queue_seconds',
    ],
    service_level: [
      'atendidos com queue_seconds <= answerWithin / (oferecidos - abandonos curtos); oferecidos = contactos de voz/chat/mensagens com percurso human ou bot_to_human; atendidos = oferecidos e não abandonados; abandono curto = abandonado com queue_seconds <= shortAbandon; um contacto atendido sem queue_seconds não conta como dentro do prazo',
      'contactos oferecidos menos abandonos curtos',
    ],
    abandon_rate: [
      'abandonados (excluindo abandonos curtos) / (oferecidos - abandonos curtos)',
      'contactos oferecidos menos abandonos curtos',
    ],
    backlog: [
      'contactos de e-mail/mensagens abertos no instante final do período: started_at < fim e (closed_at >= fim ou vazio); como série, o número de abertos no fim de cada dia',
      'contactos abertos',
    ],
    containment: [
      'contactos com percurso bot e resolvidos / contactos (deflexão pela automação)',
      'contactos',
    ],
    escalation_rate: [
      'percurso = bot_to_human / percurso em (bot, bot_to_human)',
      'contactos que passaram pelo bot',
    ],
    bot_error_rate: [
      'contactos com percurso bot e erro / contactos com percurso bot',
      'contactos só com o bot',
    ],
    offer_conversion: ['oferta = accepted / oferta em (accepted, declined)', 'ofertas feitas'],
    revenue_per_contact: ['soma(revenue) / contactos', 'contactos'],
    retention_90d: [
      'clientes com um contacto atendido no âmbito durante o período que não cancelaram dentro de window após o primeiro desses contactos / esses clientes; retido = churned_at vazio ou posterior à data local desse primeiro contacto + window. Clientes ausentes do conjunto de dados customers ficam de fora e são contados num aviso de qualidade dos dados',
      'clientes',
    ],
    qa_score: [
      'nota média das avaliações com calibration = false; uma avaliação pertence ao período, fornecedor, workflow e local do contacto que avalia',
      'avaliações',
    ],
    qa_alpha: [
      'alfa de Krippendorff, métrica de intervalo, sobre as avaliações de calibração: unidades = interaction_id, avaliadores = reviewer_id, valores = score; unidades com menos de 2 notas ficam de fora; um avaliador que avaliou uma unidade duas vezes conta com a avaliação mais recente',
      'valores emparelháveis',
    ],
    adherence: [
      'minutos em que o estado real corresponde à atividade planeada / minutos planeados; work corresponde a available, on_contact, after_contact_work; break, training, coaching, meeting correspondem ao estado com o mesmo nome',
      'minutos planeados',
    ],
    conformance: [
      'minutos em available, on_contact, after_contact_work / minutos de trabalho planeados (pode exceder 1)',
      'minutos de trabalho planeados',
    ],
    occupancy: [
      'minutos em on_contact, after_contact_work / minutos em available, on_contact, after_contact_work',
      'minutos com sessão iniciada',
    ],
    coaching_coverage: [
      'janelas-agente com pelo menos uma sessão no modo mode / janelas-agente; as janelas são janelas cadence consecutivas desde o início do período, só completas; um agente conta numa janela quando esteve empregado (função agent) durante toda ela',
      'janelas-agente',
    ],
    backfill_days: [
      'mediana dos dias entre opened_at e filled_at das vagas críticas preenchidas no período',
      'vagas críticas preenchidas',
    ],
    backfill_within_sla: [
      'vagas críticas abertas no período e preenchidas em days dias / as que já passaram o prazo ou foram preenchidas',
      'vagas críticas vencidas',
    ],
    attrition: [
      'agentes (função agent) com left_at no período / média do número de agentes no início e no fim do período, anualizada x 365 / dias do período',
      'número médio de agentes',
    ],
    access_compliance: [
      'inícios de sessão com MFA (se mfaRequired), device_compliant (se compliantDeviceRequired) e país em allowedCountries (por omissão qualquer) / inícios de sessão',
      'inícios de sessão',
    ],
    incident_ack_sla: [
      'incidentes abertos no período reconhecidos dentro do limite da sua gravidade / incidentes de gravidades com limite',
      'incidentes com limite',
    ],
    incident_resolve_sla: [
      'incidentes abertos no período resolvidos dentro do limite da sua gravidade / incidentes de gravidades com limite',
      'incidentes com limite',
    ],
    max_site_share: ['a maior parte dos contactos atendidos servida por um só local', 'contactos atendidos'],
    cost_per_contact: [
      'total faturado do período / contactos atendidos no âmbito com percurso human ou bot_to_human (o que o cliente paga por contacto atendido pelas pessoas do fornecedor: sobe quando os bots ficam com os contactos simples)',
      'contactos atendidos com percurso human ou bot_to_human',
    ],
    cost_per_contact_all: [
      'total faturado do período / todos os contactos no âmbito, incluindo os só com o bot',
      'contactos',
    ],
    cost_per_resolved_contact: [
      'total faturado / contactos atendidos resolvidos',
      'contactos atendidos resolvidos',
    ],
    value_per_contact: [
      '(revenue + valor do ganho de retenção) / contactos, em que valor do ganho de retenção = (retention_90d - a sua base) x clientes x monthly_value médio x 12',
      'contactos',
    ],
  },
  params: {
    repeatWindow: 'um contacto dentro deste tempo após o anterior continua o episódio',
    answerWithin: 'atendido dentro deste número de segundos conta como a tempo',
    shortAbandon: 'abandonos dentro deste número de segundos ficam de fora',
    window: 'um cliente retido durante este tempo após o primeiro contacto conta como retido',
    mode: 'o modo de sessão que conta',
    cadence: 'duração das janelas consecutivas em que cada agente deve ter coaching',
    days: 'uma vaga crítica preenchida dentro deste número de dias cumpre o SLA',
    mfaRequired: 'um início de sessão tem de usar MFA',
    compliantDeviceRequired: 'um início de sessão tem de vir de um dispositivo conforme',
    allowedCountries: 'países de onde podem vir os inícios de sessão (vazio: qualquer)',
    limits: 'por gravidade, o tempo para reconhecer e para resolver',
  },
};
