import type { Definitions } from './types.js';

/** The catalog's definitions in Polish (formula in words, what n counts, parameters). */
export const PL: Definitions = {
  metrics: {
    contacts: ['liczba kontaktów', 'kontakty'],
    csat: [
      'obsłużone kontakty objęte ankietą z csat >= 4 / obsłużone kontakty objęte ankietą (top-2-box)',
      'obsłużone kontakty objęte ankietą',
    ],
    csat_mean: ['średni csat obsłużonych kontaktów objętych ankietą', 'obsłużone kontakty objęte ankietą'],
    fcr: [
      'epizody złożone z jednego obsłużonego kontaktu z resolved = true / epizody. Epizod to ciąg kontaktów jednego klienta w jednym workflow, w którym każdy kontakt zaczyna się najpóźniej repeatWindow po poprzednim; epizody buduje się ze wszystkich kontaktów klienta w workflow, niezależnie od dostawcy, lokalizacji i kanału, i przypisuje do zakresu ich pierwszego kontaktu. Kontakty bez customer_id są epizodami jednokontaktowymi.',
      'epizody',
    ],
    resolution_rate: ['obsłużone kontakty rozwiązane / obsłużone kontakty', 'obsłużone kontakty'],
    error_rate: ['obsłużone kontakty z błędem / obsłużone kontakty', 'obsłużone kontakty'],
    aht: [
      'średnia handle_seconds obsłużonych kontaktów o ścieżce human lub bot_to_human',
      'kontakty obsłużone przez ludzi z handle_seconds',
    ],
    handle_p90: [
      '90. percentyl (ciągły) handle_seconds obsłużonych kontaktów o ścieżce human lub bot_to_human',
      'kontakty obsłużone przez ludzi z handle_seconds',
    ],
    asa: [
      'średnia queue_seconds odebranych kontaktów (oferowanych i nieporzuconych)',
      'odebrane kontakty z queue_seconds',
    ],
    service_level: [
      'odebrane z queue_seconds <= answerWithin / (oferowane - krótkie porzucenia); oferowane = kontakty głosowe/czat/wiadomości o ścieżce human lub bot_to_human; odebrane = oferowane i nieporzucone; krótkie porzucenie = porzucone z queue_seconds <= shortAbandon; odebrany kontakt bez queue_seconds nie liczy się jako w czasie',
      'oferowane kontakty bez krótkich porzuceń',
    ],
    abandon_rate: [
      'porzucone (bez krótkich porzuceń) / (oferowane - krótkie porzucenia)',
      'oferowane kontakty bez krótkich porzuceń',
    ],
    backlog: [
      'kontakty e-mail/wiadomości otwarte w chwili końca okresu: started_at < koniec i (closed_at >= koniec lub puste); jako szereg: liczba otwartych na koniec każdego dnia',
      'otwarte kontakty',
    ],
    containment: [
      'kontakty o ścieżce bot i rozwiązane / kontakty (odciążenie przez automatyzację)',
      'kontakty',
    ],
    escalation_rate: [
      'ścieżka = bot_to_human / ścieżka w (bot, bot_to_human)',
      'kontakty, które trafiły do bota',
    ],
    bot_error_rate: [
      'kontakty o ścieżce bot z błędem / kontakty o ścieżce bot',
      'kontakty obsłużone tylko przez bota',
    ],
    offer_conversion: ['oferta = accepted / oferta w (accepted, declined)', 'złożone oferty'],
    revenue_per_contact: ['suma(revenue) / kontakty', 'kontakty'],
    retention_90d: [
      'klienci z obsłużonym kontaktem w zakresie w danym okresie, którzy nie odeszli w ciągu window od pierwszego takiego kontaktu / ci klienci; utrzymany = churned_at puste lub późniejsze niż lokalna data tego pierwszego kontaktu + window. Klientów, których brak w zbiorze customers, pomija się i liczy w ostrzeżeniu o jakości danych',
      'klienci',
    ],
    qa_score: [
      'średnia ocena przeglądów z calibration = false; przegląd należy do okresu, dostawcy, workflow i lokalizacji kontaktu, który ocenia',
      'przeglądy',
    ],
    qa_alpha: [
      'alfa Krippendorffa, metryka przedziałowa, po przeglądach kalibracyjnych: jednostki = interaction_id, oceniający = reviewer_id, wartości = score; jednostki z mniej niż 2 ocenami są pomijane; oceniający, który ocenił jednostkę dwukrotnie, liczy się z najnowszym przeglądem',
      'wartości do sparowania',
    ],
    adherence: [
      'minuty, w których rzeczywisty stan zgadza się z zaplanowaną czynnością / zaplanowane minuty; work odpowiada available, on_contact, after_contact_work; break, training, coaching, meeting odpowiadają stanowi o tej samej nazwie',
      'zaplanowane minuty',
    ],
    conformance: [
      'minuty w available, on_contact, after_contact_work / zaplanowane minuty pracy (może przekroczyć 1)',
      'zaplanowane minuty pracy',
    ],
    occupancy: [
      'minuty w on_contact, after_contact_work / minuty w available, on_contact, after_contact_work',
      'minuty zalogowania',
    ],
    coaching_coverage: [
      'okna-agenci z co najmniej jedną sesją w trybie mode / okna-agenci; okna to kolejne okna cadence od początku okresu, tylko pełne; agent liczy się w oknie, gdy był zatrudniony (rola agent) przez całe okno',
      'okna-agenci',
    ],
    backfill_days: [
      'mediana dni od opened_at do filled_at krytycznych wakatów obsadzonych w okresie',
      'obsadzone krytyczne wakaty',
    ],
    backfill_within_sla: [
      'krytyczne wakaty otwarte w okresie i obsadzone w ciągu days dni / te, których termin minął lub które obsadzono',
      'wymagalne krytyczne wakaty',
    ],
    attrition: [
      'agenci (rola agent), których left_at przypada w okresie / średnia liczba agentów na początku i końcu okresu, w ujęciu rocznym x 365 / dni okresu',
      'średnia liczba agentów',
    ],
    access_compliance: [
      'logowania z MFA (jeśli mfaRequired), device_compliant (jeśli compliantDeviceRequired) i krajem w allowedCountries (domyślnie dowolny) / logowania',
      'logowania',
    ],
    incident_ack_sla: [
      'incydenty otwarte w okresie i przyjęte w limicie ich poziomu ważności / incydenty poziomów z limitem',
      'incydenty z limitem',
    ],
    incident_resolve_sla: [
      'incydenty otwarte w okresie i rozwiązane w limicie ich poziomu ważności / incydenty poziomów z limitem',
      'incydenty z limitem',
    ],
    max_site_share: [
      'największy udział obsłużonych kontaktów przypadający na jedną lokalizację',
      'obsłużone kontakty',
    ],
    cost_per_contact: [
      'suma faktury za okres / obsłużone kontakty w zakresie o ścieżce human lub bot_to_human (ile klient płaci za kontakt obsłużony przez ludzi dostawcy: rośnie, gdy boty przejmują proste kontakty)',
      'obsłużone kontakty o ścieżce human lub bot_to_human',
    ],
    cost_per_contact_all: [
      'suma faktury za okres / wszystkie kontakty w zakresie, łącznie z obsłużonymi tylko przez bota',
      'kontakty',
    ],
    cost_per_resolved_contact: [
      'suma faktury / rozwiązane obsłużone kontakty',
      'rozwiązane obsłużone kontakty',
    ],
    value_per_contact: [
      '(revenue + wartość wzrostu utrzymania) / kontakty, gdzie wartość wzrostu utrzymania = (retention_90d - jej poziom bazowy) x klienci x średnie monthly_value x 12',
      'kontakty',
    ],
  },
  params: {
    repeatWindow: 'kontakt w tym czasie od poprzedniego kontynuuje epizod',
    answerWithin: 'odebranie w tylu sekundach liczy się jako w czasie',
    shortAbandon: 'porzucenia w tylu sekundach są pomijane',
    window: 'klient utrzymany tak długo po pierwszym kontakcie liczy się jako utrzymany',
    mode: 'tryb sesji, który się liczy',
    cadence: 'długość kolejnych okien, w których każdy agent powinien przejść coaching',
    days: 'krytyczny wakat obsadzony w tylu dniach spełnia SLA',
    mfaRequired: 'logowanie musi używać MFA',
    compliantDeviceRequired: 'logowanie musi pochodzić ze zgodnego urządzenia',
    allowedCountries: 'kraje, z których można się logować (puste: dowolne)',
    limits: 'dla każdego poziomu ważności czas na przyjęcie i na rozwiązanie',
  },
};
