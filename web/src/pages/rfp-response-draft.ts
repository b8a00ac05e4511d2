import type { RfpQuestionsT } from '../../../src/server/api/schemas';

/** The response form's draft: what the vendor has typed so far, before it becomes an RFPResponse document. */

export type Questions = RfpQuestionsT;
export type Question = Questions['sections'][number]['questions'][number];

export interface EvidenceDraft {
  key: number;
  request: string;
  title: string;
  url: string;
  file: File | null;
  metric: string;
  workflow: string;
  beforePeriod: string;
  beforeValue: string;
  beforeN: string;
  afterPeriod: string;
  afterValue: string;
  afterN: string;
}

export interface AnswerDraft {
  summary: string;
  evidence: EvidenceDraft[];
}

export interface PricingDraft {
  model: string;
  unit: string;
  rate: string;
  atRisk: string;
  bonusCap: string;
}

/** Everything the form holds besides the RFP and the vendor. */
export interface ResponseDraft {
  displayName: string;
  submitted: string;
  pricing: PricingDraft;
  commitments: Record<string, string>;
  answers: Record<string, AnswerDraft>;
}

export const COMMITMENTS = [
  { id: 'coachingCadence', label: 'Coaching cadence per agent', hint: 'a duration, e.g. 14d', kind: 'text' },
  { id: 'qaCalibrationMinAlpha', label: 'QA calibration minimum alpha', hint: 'e.g. 0.8', kind: 'number' },
  {
    id: 'successionCoverage',
    label: 'Team leads with a named successor (%)',
    hint: 'e.g. 100',
    kind: 'percent',
  },
  {
    id: 'attritionLast12Months',
    label: 'Agent attrition, last 12 months (%)',
    hint: 'e.g. 26',
    kind: 'percent',
  },
  { id: 'backfillDays', label: 'Days to fill a critical role', hint: 'a whole number', kind: 'number' },
  {
    id: 'maxSiteShare',
    label: 'Largest share of contacts on one site (%)',
    hint: 'e.g. 60',
    kind: 'percent',
  },
] as const;

export const MAX_FILE_BYTES = 512 * 1024;

let nextKey = 1;
export const emptyEvidence = (request: string): EvidenceDraft => ({
  key: nextKey++,
  request,
  title: '',
  url: '',
  file: null,
  metric: '',
  workflow: '',
  beforePeriod: '',
  beforeValue: '',
  beforeN: '',
  afterPeriod: '',
  afterValue: '',
  afterN: '',
});

/** The draft of a question's answer: empty until the vendor writes or attaches something. */
export const answerOf = (answers: Record<string, AnswerDraft>, id: string): AnswerDraft =>
  answers[id] ?? { summary: '', evidence: [] };
