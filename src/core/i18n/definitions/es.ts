import type { Definitions } from './types.js';

/** The catalog's definitions in Spanish (formula in words, what n counts, parameters). */
export const ES: Definitions = {
  metrics: {
    contacts: ['número de contactos', 'contactos'],
    csat: [
      'contactos atendidos y encuestados con csat >= 4 / contactos atendidos y encuestados (top-2-box)',
      'contactos atendidos y encuestados',
    ],
    csat_mean: [
      'media del csat de los contactos atendidos y encuestados',
      'contactos atendidos y encuestados',
    ],
    fcr: [
      'episodios que son un único contacto atendido con resolved = true / episodios. Un episodio es la serie de contactos de un cliente en un workflow en la que cada contacto empieza como mucho repeatWindow después del anterior; los episodios se forman con todos los contactos del cliente en el workflow, sea cual sea su proveedor, centro o canal, y se asignan al ámbito de su primer contacto. Los contactos sin customer_id son episodios de uno.',
      'episodios',
    ],
    resolution_rate: ['contactos atendidos resueltos / contactos atendidos', 'contactos atendidos'],
    error_rate: ['contactos atendidos con error / contactos atendidos', 'contactos atendidos'],
    aht: [
      'media de handle_seconds de los contactos atendidos con recorrido human o bot_to_human',
      'contactos atendidos por personas con handle_seconds',
    ],
    handle_p90: [
      'percentil 90 (continuo) de handle_seconds de los contactos atendidos con recorrido human o bot_to_human',
      'contactos atendidos por personas con handle_seconds',
    ],
    asa: [
      'media de queue_seconds de los contactos contestados (ofrecidos y no abandonados)',
      'contactos contestados con queue_seconds',
    ],
    service_level: [
      'contestados con queue_seconds <= answerWithin / (ofrecidos - abandonos cortos); ofrecidos = contactos de voz/chat/mensajería con recorrido human o bot_to_human; contestados = ofrecidos y no abandonados; abandono corto = abandonado con queue_seconds <= shortAbandon; un contacto contestado sin queue_seconds no cuenta como dentro de plazo',
      'contactos ofrecidos menos abandonos cortos',
    ],
    abandon_rate: [
      'abandonados (sin los abandonos cortos) / (ofrecidos - abandonos cortos)',
      'contactos ofrecidos menos abandonos cortos',
    ],
    backlog: [
      'contactos de correo/mensajería abiertos en el instante final del periodo: started_at < fin y (closed_at >= fin o vacío); como serie, el número de abiertos al final de cada día',
      'contactos abiertos',
    ],
    containment: [
      'contactos con recorrido bot y resueltos / contactos (deflexión por automatización)',
      'contactos',
    ],
    escalation_rate: [
      'recorrido = bot_to_human / recorrido en (bot, bot_to_human)',
      'contactos que pasaron por el bot',
    ],
    bot_error_rate: [
      'contactos con recorrido bot y error / contactos con recorrido bot',
      'contactos solo con el bot',
    ],
    offer_conversion: ['oferta = accepted / oferta en (accepted, declined)', 'ofertas hechas'],
    revenue_per_contact: ['suma(revenue) / contactos', 'contactos'],
    retention_90d: [
      'clientes con un contacto atendido en el ámbito durante el periodo que no se dieron de baja dentro de window tras su primer contacto de ese tipo / esos clientes; retenido = churned_at vacío o posterior a la fecha local de ese primer contacto + window. Los clientes que faltan en el conjunto de datos customers quedan fuera y se cuentan en un aviso de calidad de datos',
      'clientes',
    ],
    qa_score: [
      'nota media de las evaluaciones con calibration = false; una evaluación pertenece al periodo, proveedor, workflow y centro del contacto que evalúa',
      'evaluaciones',
    ],
    qa_alpha: [
      'alfa de Krippendorff, métrica de intervalo, sobre las evaluaciones de calibración: unidades = interaction_id, codificadores = reviewer_id, valores = score; las unidades con menos de 2 notas quedan fuera; un evaluador que puntuó dos veces una unidad cuenta con su evaluación más reciente',
      'valores emparejables',
    ],
    adherence: [
      'minutos en los que el estado real coincide con la actividad planificada / minutos planificados; work coincide con available, on_contact, after_contact_work; break, training, coaching, meeting coinciden con el estado del mismo nombre',
      'minutos planificados',
    ],
    conformance: [
      'minutos en available, on_contact, after_contact_work / minutos de trabajo planificados (puede superar 1)',
      'minutos de trabajo planificados',
    ],
    occupancy: [
      'minutos en on_contact, after_contact_work / minutos en available, on_contact, after_contact_work',
      'minutos conectados',
    ],
    coaching_coverage: [
      'ventanas-agente con al menos una sesión en modo mode / ventanas-agente; las ventanas son ventanas cadence consecutivas desde el inicio del periodo, solo completas; un agente cuenta en una ventana si estuvo contratado (rol agent) durante toda ella',
      'ventanas-agente',
    ],
    backfill_days: [
      'mediana de días entre opened_at y filled_at de las vacantes críticas cubiertas en el periodo',
      'vacantes críticas cubiertas',
    ],
    backfill_within_sla: [
      'vacantes críticas abiertas en el periodo y cubiertas en days días / las que ya vencieron o se cubrieron',
      'vacantes críticas vencidas',
    ],
    attrition: [
      'agentes (rol agent) cuyo left_at cae en el periodo / media de la plantilla de agentes al inicio y al final del periodo, anualizada x 365 / días del periodo',
      'plantilla media de agentes',
    ],
    access_compliance: [
      'inicios de sesión con MFA (si mfaRequired), device_compliant (si compliantDeviceRequired) y país en allowedCountries (por defecto cualquiera) / inicios de sesión',
      'inicios de sesión',
    ],
    incident_ack_sla: [
      'incidentes abiertos en el periodo reconocidos dentro del límite de su gravedad / incidentes de gravedades con límite',
      'incidentes con límite',
    ],
    incident_resolve_sla: [
      'incidentes abiertos en el periodo resueltos dentro del límite de su gravedad / incidentes de gravedades con límite',
      'incidentes con límite',
    ],
    max_site_share: [
      'la mayor parte de los contactos atendidos servida por un solo centro',
      'contactos atendidos',
    ],
    cost_per_contact: [
      'total facturado del periodo / contactos atendidos del ámbito con recorrido human o bot_to_human (lo que el cliente paga por contacto atendido por las personas del proveedor: sube cuando los bots se quedan con los contactos sencillos)',
      'contactos atendidos con recorrido human o bot_to_human',
    ],
    cost_per_contact_all: [
      'total facturado del periodo / todos los contactos del ámbito, incluidos los solo con el bot',
      'contactos',
    ],
    cost_per_resolved_contact: [
      'total facturado / contactos atendidos resueltos',
      'contactos atendidos resueltos',
    ],
    value_per_contact: [
      '(revenue + valor de la mejora de retención) / contactos, donde valor de la mejora de retención = (retention_90d - su línea base) x clientes x monthly_value medio x 12',
      'contactos',
    ],
  },
  params: {
    repeatWindow: 'un contacto dentro de este tiempo tras el anterior continúa el episodio',
    answerWithin: 'contestado dentro de estos segundos cuenta como a tiempo',
    shortAbandon: 'los abandonos dentro de estos segundos quedan fuera',
    window: 'un cliente retenido este tiempo tras el primer contacto cuenta como retenido',
    mode: 'el modo de sesión que cuenta',
    cadence: 'duración de las ventanas consecutivas en las que cada agente debe recibir coaching',
    days: 'una vacante crítica cubierta dentro de estos días cumple el SLA',
    mfaRequired: 'un inicio de sesión debe usar MFA',
    compliantDeviceRequired: 'un inicio de sesión debe venir de un dispositivo conforme',
    allowedCountries: 'países desde los que se puede iniciar sesión (vacío: cualquiera)',
    limits: 'por gravedad, el tiempo para reconocer y para resolver',
  },
};
