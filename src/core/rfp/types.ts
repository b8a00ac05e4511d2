import type { EvidenceKind } from './schema.js';

/** The RFP kinds in normal form: fractions as numbers, every default filled, ids resolved across files. */

export interface EvidenceRequest {
  id: string;
  kind: EvidenceKind;
  description: string;
  required: boolean;
}

export interface RfpQuestion {
  id: string;
  section: string;
  title: string;
  text: string;
  /** Share of its section. */
  weight: number;
  /** Share of the total: section weight x question weight. */
  globalWeight: number;
  evidence: EvidenceRequest[];
  guidance?: string;
}

export interface RfpSection {
  id: string;
  title: string;
  description?: string;
  weight: number;
  questions: RfpQuestion[];
}

export interface Rfp {
  name: string;
  displayName: string;
  description?: string;
  client: string;
  currency: string;
  issued?: string;
  responsesDue?: string;
  scale: { min: number; max: number; anchors: Record<string, string> };
  sections: RfpSection[];
  /** Every question, in document order. */
  questions: RfpQuestion[];
}

export interface Measured {
  period: string;
  value: number;
  n?: number;
}

export interface EvidenceItem {
  request: string;
  /** The kind of the request it answers. */
  kind: EvidenceKind;
  title: string;
  file?: string;
  url?: string;
  summary?: string;
  metric?: string;
  workflow?: string;
  before?: Measured;
  after?: Measured;
}

export interface Answer {
  question: string;
  summary: string;
  evidence: EvidenceItem[];
}

export type PricingModel = 'outcome_based' | 'per_contact' | 'per_fte' | 'fixed';

export interface RfpResponse {
  /** The file it was read from (attachments are relative to it). */
  file: string;
  name: string;
  displayName: string;
  rfp: string;
  vendor: string;
  submitted?: string;
  pricing: {
    model: PricingModel;
    unit?: string;
    rate?: string;
    atRisk: number;
    bonusCap: number;
  };
  commitments: {
    /** Seconds between coaching sessions of one agent (written as 14d). */
    coachingCadence?: number;
    coachingCadenceText?: string;
    coachingMode?: string;
    qaCalibrationMinAlpha?: number;
    successionCoverage?: number;
    attritionLast12Months?: number;
    backfillDays?: number;
    maxSiteShare?: number;
  };
  answers: Answer[];
}

export interface Score {
  vendor: string;
  question: string;
  score: number;
  note?: string;
}

export interface RfpScores {
  file: string;
  name: string;
  rfp: string;
  evaluator: { id: string; name?: string; role?: string };
  scores: Score[];
}
