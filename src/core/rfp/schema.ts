import { z } from 'zod';
import { currency, date, durationText, fraction, money } from '../contract/units.js';
import { envelopeSchema } from '../yaml/envelope.js';

/**
 * The three RFP kinds (docs/rfp.md), in the envelope of contracts (`apiVersion`, `kind`,
 * `metadata`, `spec`): an RFP (sections of weighted questions and the evidence each asks
 * for), a vendor's RFPResponse (pricing, commitments, answers with evidence attachments)
 * and an evaluator's RFPScores (a score per vendor and question). Shapes and units here;
 * meaning across fields and files in parse-rfp.ts, parse-response.ts and parse-scores.ts.
 */

const text = (what: string) =>
  z
    .string({ error: `expected ${what} (text)` })
    .min(1, `${what} is empty`)
    .describe(what);

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const slug = (what: string) =>
  z
    .string({ error: `expected ${what}: lowercase letters, digits and '-'` })
    .regex(SLUG, `${what} is lowercase letters, digits and '-' (e.g. outcome-per-workflow), not "{written}"`)
    .describe(`${what}: lowercase letters, digits and '-'`);

const enumOf = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z
    .enum(values, { error: `expected ${what}: one of ${values.join(', ')}` })
    .describe(`${what}: ${values.join(' | ')}`);

/** What a question may ask to see; the classification rules read some of them (docs/rfp.md). */
export const EVIDENCE_KINDS = [
  'before_after_data',
  'case_study',
  'reference',
  'dashboard_sample',
  'training_plan',
  'career_path',
  'retention_data',
  'coaching_records',
  'succession_plan',
  'knowledge_base',
  'error_monitoring',
  'escalation_design',
  'automation_runbook',
  'price_schedule',
  'outcome_pricing',
  'security_certification',
  'access_policy',
  'incident_report',
  'continuity_plan',
  'site_map',
  'other',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const PRICING_MODELS = ['outcome_based', 'per_contact', 'per_fte', 'fixed'] as const;

const envelope = <K extends string, S extends z.ZodType>(kind: K, spec: S, what: string) =>
  envelopeSchema(kind, spec, { what }).describe(`A Covenant ${kind} (docs/rfp.md)`);

// --- RFP --------------------------------------------------------------------------------

const evidenceRequest = z.strictObject({
  id: slug('an evidence request id'),
  kind: enumOf(EVIDENCE_KINDS, 'an evidence kind'),
  description: text('what the evidence shows'),
  required: z.boolean({ error: 'expected true or false' }).default(false),
});

const question = z.strictObject({
  id: slug('a question id'),
  title: text('a short title'),
  text: text('the question'),
  weight: fraction("the question's share of its section", { above: 0, max: 1 }),
  evidence: z.array(evidenceRequest, { error: 'expected a list of evidence requests' }).default([]),
  guidance: text("what a good answer shows (the evaluators' anchor)").optional(),
});

const section = z.strictObject({
  id: slug('a section id'),
  title: text('a section title'),
  description: text('a description').optional(),
  weight: fraction("the section's share of the total", { above: 0, max: 1 }),
  questions: z
    .array(question, { error: 'expected a list of questions' })
    .min(1, 'a section needs at least one question'),
});

export const rfpSpecSchema = z.strictObject({
  client: text('the client'),
  currency,
  issued: date.optional(),
  responsesDue: date.optional(),
  scale: z
    .strictObject({
      min: z.number({ error: 'expected the lowest score, a number' }),
      max: z.number({ error: 'expected the highest score, a number' }),
      anchors: z
        .record(z.string(), z.string())
        .optional()
        .describe('what each score means, e.g. { 0: no answer, 5: ... }'),
    })
    .default({ min: 0, max: 5 })
    .describe('the scores evaluators give: { min: 0, max: 5 } by default'),
  sections: z
    .array(section, { error: 'expected a list of sections' })
    .min(1, 'an RFP needs at least one section'),
});

export const rfpSchema = envelope('RFP', rfpSpecSchema, 'RFP');

// --- RFPResponse ------------------------------------------------------------------------

const measured = z.strictObject({
  period: z.union([z.string(), z.int()], { error: 'expected a period, e.g. 2025-Q4' }).transform(String),
  value: z.number({ error: 'expected the measured value, a number (0.79)' }),
  n: z.int({ error: 'expected a whole number' }).positive().optional(),
});

const evidenceItem = z.strictObject({
  request: slug('the id of the evidence request this answers'),
  title: text('a title'),
  file: text('an attachment, a path relative to this file').optional(),
  url: text('a link').optional(),
  summary: text('what it shows').optional(),
  metric: text('the metric it measures, e.g. csat').optional(),
  workflow: text('the workflow it is about').optional(),
  before: measured.optional().describe('the value before: { period, value, n }'),
  after: measured.optional().describe('the value after: { period, value, n }'),
});

const answer = z.strictObject({
  question: slug('the id of the question answered'),
  summary: text('the answer'),
  evidence: z.array(evidenceItem, { error: 'expected a list of evidence items' }).default([]),
});

export const responseSpecSchema = z.strictObject({
  rfp: slug('the name of the RFP answered'),
  vendor: text('the vendor, as in the `vendor` column of the data'),
  submitted: date.optional(),
  pricing: z.strictObject({
    model: enumOf(PRICING_MODELS, 'a pricing model'),
    unit: enumOf(
      ['handled_contact', 'resolved_contact', 'fte_month', 'fixed_month'],
      'a pricing unit',
    ).optional(),
    rate: money.optional(),
    atRisk: fraction('the share of the fee at risk on outcomes', { min: 0, max: 1 }).default(0),
    bonusCap: fraction('the most bonuses may add', { min: 0, max: 1 }).default(0),
  }),
  commitments: z
    .strictObject({
      coachingCadence: durationText.optional().describe('time between coaching sessions per agent, e.g. 14d'),
      coachingMode: enumOf(['any', 'video', 'in_person', 'async'], 'a coaching mode').optional(),
      qaCalibrationMinAlpha: z.number().min(-1).max(1).optional(),
      successionCoverage: fraction('the share of team-lead roles with a named successor', {
        min: 0,
        max: 1,
      }).optional(),
      attritionLast12Months: fraction('agent attrition over the last 12 months', {
        min: 0,
        max: 10,
      }).optional(),
      backfillDays: z.int().positive().optional().describe('days to fill a critical role'),
      maxSiteShare: fraction('the largest share of contacts one site would carry', {
        above: 0,
        max: 1,
      }).optional(),
    })
    .default({}),
  answers: z.array(answer, { error: 'expected a list of answers' }).default([]),
});

export const responseSchema = envelope('RFPResponse', responseSpecSchema, 'response');

// --- RFPScores --------------------------------------------------------------------------

const score = z.union(
  [
    z.number(),
    z.strictObject({
      score: z.number({ error: 'expected a score, a number' }),
      note: text('a note').optional(),
    }),
  ],
  { error: 'expected a score (a number) or { score, note }' },
);

export const scoresSpecSchema = z.strictObject({
  rfp: slug('the name of the RFP scored'),
  evaluator: z.strictObject({
    id: slug('the evaluator id'),
    name: text('the evaluator name').optional(),
    role: text('the evaluator role').optional(),
  }),
  scores: z
    .record(z.string(), z.record(z.string(), score), {
      error: 'expected scores as { vendor: { question-id: score } }',
    })
    .describe('{ vendor: { question-id: score } }'),
});

export const scoresSchema = envelope('RFPScores', scoresSpecSchema, 'scores');

export type RfpInput = z.output<typeof rfpSchema>;
export type ResponseInput = z.output<typeof responseSchema>;
export type ScoresInput = z.output<typeof scoresSchema>;
