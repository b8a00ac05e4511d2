/**
 * The demo story (shared/spec/demo-scenario.md) in one place: dates, volumes, rates and
 * the five events of 2026. The generators read only these numbers, and the tests and docs
 * read them too, so a number changed here moves the data and the assertions together.
 */

import type { VendorId } from './setting.js';

/** A value over time: { date: value } knots in date order, linear between knots, flat outside them. */
export type Timeline = Readonly<Record<string, number>>;
const flat = (v: number): Timeline => ({ '2025-10-01': v });
/** A step on `date`: `before` until the day before, `after` from that day. */
const step = (date: string, before: number, after: number): Timeline => {
  const prev = new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { [prev]: before, [date]: after };
};

export interface VendorStory {
  resolveComplex: Timeline;
  resolveSimple: Timeline;
  /** Top-2-box CSAT of complex workflows (card disputes etc.) and of simple ones. */
  csatComplex: Timeline;
  csatSimple: Timeline;
  errorRate: Timeline;
  waitFactor: Timeline;
  offerAccept: Timeline;
  qaMean: Timeline;
  /** Reviewer noise (score sd) in calibration exercises: alpha ~ 100 / (100 + noise^2). */
  calibrationNoise: Timeline;
  /** Days between video coaching sessions of one agent, uniform in [min, max]. */
  videoGapMin: Timeline;
  videoGapMax: Timeline;
  /** Other coaching (in person or async), days between sessions; 0 = none. */
  otherGap: number;
  otherMode: 'in_person' | 'async';
  absence: Timeline;
  breakOverrun: Timeline;
  offlineChunk: Timeline;
  attritionMonthly: Timeline;
  agentFillDays: readonly [Timeline, Timeline];
  leadFillDays: readonly [Timeline, Timeline];
  incidentsPerQuarter: number;
  incidentLate: Timeline;
  mfaMiss: Timeline;
  deviceMiss: Timeline;
  foreignLogin: Timeline;
  publicNetwork: Timeline;
}

export const VENDOR_STORY: Record<VendorId, VendorStory> = {
  // Event 2: coaching from April lifts CSAT, FCR and errors through Q2 into Q3.
  brightpath: {
    resolveComplex: { '2026-03-31': 0.78, '2026-07-01': 0.845 },
    resolveSimple: { '2026-03-31': 0.895, '2026-07-01': 0.92 },
    // Still rising in Q4, so the bonus outgrows the 3% cap of the demo contract (demo-scenario.md).
    csatComplex: { '2026-03-31': 0.79, '2026-07-01': 0.86, '2026-12-31': 0.9 },
    csatSimple: { '2026-03-31': 0.84, '2026-07-01': 0.88 },
    errorRate: { '2026-03-31': 0.031, '2026-07-01': 0.022 },
    waitFactor: flat(1),
    offerAccept: { '2026-03-31': 0.3, '2026-07-01': 0.36 },
    qaMean: { '2026-03-31': 84, '2026-07-01': 88 },
    calibrationNoise: flat(3.5),
    videoGapMin: step('2026-04-01', 8, 4),
    videoGapMax: step('2026-04-01', 35, 15),
    otherGap: 45,
    otherMode: 'async',
    absence: flat(0.035),
    breakOverrun: flat(0.3),
    offlineChunk: flat(0.1),
    attritionMonthly: flat(0.022),
    agentFillDays: [flat(18), flat(30)],
    leadFillDays: [flat(15), flat(20)],
    incidentsPerQuarter: 3,
    incidentLate: flat(0.05),
    mfaMiss: flat(0.002),
    deviceMiss: flat(0.003),
    foreignLogin: flat(0.0005),
    publicNetwork: flat(0.01),
  },
  // Event 3: remote management slides through 2026.
  coastline: {
    resolveComplex: { '2025-12-31': 0.785, '2026-10-01': 0.725 },
    resolveSimple: { '2025-12-31': 0.89, '2026-10-01': 0.86 },
    csatComplex: { '2025-12-31': 0.8, '2026-09-30': 0.745, '2026-12-31': 0.74 },
    csatSimple: { '2025-12-31': 0.85, '2026-09-30': 0.8 },
    errorRate: { '2025-12-31': 0.029, '2026-09-30': 0.041 },
    waitFactor: { '2025-12-31': 1, '2026-09-30': 1.35 },
    offerAccept: flat(0.28),
    qaMean: { '2025-12-31': 83, '2026-09-30': 77 },
    calibrationNoise: step('2026-01-01', 4.5, 8.2),
    videoGapMin: step('2026-01-01', 7, 10),
    videoGapMax: step('2026-01-01', 26, 40),
    otherGap: 60,
    otherMode: 'async',
    absence: step('2026-01-01', 0.04, 0.065),
    breakOverrun: step('2026-01-01', 0.35, 0.6),
    offlineChunk: step('2026-01-01', 0.15, 0.45),
    attritionMonthly: step('2026-01-01', 0.025, 0.03),
    agentFillDays: [step('2026-01-01', 25, 35), step('2026-01-01', 40, 60)],
    leadFillDays: [step('2026-01-01', 22, 40), step('2026-01-01', 30, 50)],
    incidentsPerQuarter: 4,
    incidentLate: step('2026-01-01', 0.15, 0.4),
    // Q3 2026: logins without MFA and from countries outside the contract.
    mfaMiss: { '2026-06-30': 0.008, '2026-07-01': 0.065, '2026-09-30': 0.065, '2026-10-01': 0.02 },
    deviceMiss: { '2026-06-30': 0.01, '2026-07-01': 0.04, '2026-09-30': 0.04, '2026-10-01': 0.02 },
    foreignLogin: { '2026-06-30': 0.002, '2026-07-01': 0.035, '2026-09-30': 0.035, '2026-10-01': 0.01 },
    publicNetwork: { '2026-06-30': 0.03, '2026-07-01': 0.1, '2026-09-30': 0.1, '2026-10-01': 0.05 },
  },
  in_house: {
    resolveComplex: flat(0.8),
    resolveSimple: flat(0.9),
    csatComplex: flat(0.81),
    csatSimple: flat(0.86),
    errorRate: flat(0.027),
    waitFactor: flat(1.1),
    offerAccept: flat(0.32),
    qaMean: flat(85),
    calibrationNoise: flat(4),
    videoGapMin: flat(20),
    videoGapMax: flat(60),
    otherGap: 12,
    otherMode: 'in_person',
    absence: flat(0.035),
    breakOverrun: flat(0.35),
    offlineChunk: flat(0.15),
    attritionMonthly: flat(0.01),
    agentFillDays: [flat(28), flat(42)],
    leadFillDays: [flat(22), flat(30)],
    incidentsPerQuarter: 2,
    incidentLate: flat(0.1),
    mfaMiss: flat(0.003),
    deviceMiss: flat(0.003),
    foreignLogin: flat(0.001),
    publicNetwork: flat(0.01),
  },
};

export const STORY = {
  /** Local dates generated at every site: 2025-Q4 baseline, then all of 2026. */
  start: '2025-10-01',
  end: '2026-12-31',
  /** The extract's "now": later closes, fills and reviews are not known yet (blank). */
  exportAt: '2027-01-02T00:00:00Z',
  contractZone: 'Europe/Lisbon',
  contactsPerScale: 1_000_000,
  customersPerScale: 400_000,
  /** Measured mean contacts per episode (repeats, retries): converts contacts to episodes. */
  contactsPerEpisode: 1.21,

  /** Event 1: a bot in front of every queue for the simple workflows (not email). */
  chatbot: {
    launch: '2026-07-01',
    launchZone: 'Europe/Lisbon',
    contained: 0.36,
    unresolved: 0.05,
    harderFactor: 1.25,
    botSeconds: [60, 240] as const,
    surveyRate: 0.2,
    errorRate: 0.015,
  },

  /** Event 3: Cape Town loses this share of its agents in Q2 2026, on top of normal attrition. */
  attritionSpike: { site: 'capetown', from: '2026-04-01', to: '2026-06-30', share: 0.45 },
  /** Team-lead departures (critical roles): each opens a critical vacancy. */
  teamLeadDepartures: [
    { site: 'lisbon', date: '2025-11-20' },
    { site: 'manila', date: '2026-03-05' },
    { site: 'lisbon', date: '2026-06-10' },
    { site: 'manila', date: '2026-09-28' },
    { site: 'capetown', date: '2026-02-10' },
    { site: 'krakow', date: '2026-03-16' },
    { site: 'capetown', date: '2026-05-05' },
    { site: 'krakow', date: '2026-07-01' },
    { site: 'capetown', date: '2026-08-20' },
    { site: 'krakow', date: '2026-10-05' },
    { site: 'dublin', date: '2026-01-20' },
    { site: 'dublin', date: '2026-08-17' },
  ],

  /** Event 4: Manila drops out, its volume spills to Lisbon for two days. */
  typhoon: {
    date: '2026-09-15',
    site: 'manila',
    spillTo: 'lisbon',
    /** Manila's remaining capacity on the day and the day after. */
    capacity: [0, 0.5] as const,
    /** Lisbon's queue waits and email/messaging close delays on the day and the day after. */
    waitFactor: [8, 4] as const,
    closeDelayFactor: [6, 4] as const,
    incident: { openedLocalMinute: 6 * 60 + 10, ackMinutes: 50, resolveHours: 27 },
  },

  /** Event 5: onboarding that went well (resolved, satisfied) keeps customers. */
  retention: {
    /** Churn within 90 days after the first onboarding contact, when it went well or not. */
    churn90Good: 0.03,
    churn90Bad: 0.17,
    /** Otherwise, the chance to churn later (91-540 days). */
    laterChurn: 0.12,
    /** Existing customers churning during the 15 months. */
    existingChurn: 0.1,
    existingShare: 0.75,
    /** KYC reviews of customers onboarded in the last 60 days (the rest are new customers). */
    kycRecentShare: 0.4,
  },

  qa: {
    reviewsPerAgentWeek: 3,
    /** Calibration exercises on Tuesdays and Thursdays (Monday = 0), per vendor. */
    calibrationWeekdays: [1, 3] as const,
    reviewers: [3, 4] as const,
    trueMean: 80,
    trueSd: 10,
  },

  staffing: {
    minAgents: 8,
    agentsPerLead: 12,
    qaPerSite: 2,
    /** Single-site vendors need three reviewers for calibration. */
    qaSingleSite: 3,
    ahtSeconds: 500,
    occupancy: 0.8,
    workHours: 7.5,
  },

  security: {
    foreignCountries: ['NG', 'UA', 'KE', 'AE', 'GB'] as const,
  },
} as const;
