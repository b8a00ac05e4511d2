import { type Issue, UserError } from '../core/issues.js';
import { sql } from '../core/sql/fragment.js';
import type { Executor, Store } from '../store/store.js';
import { appendAudit } from './audit.js';
import type { RfpRecord } from './rfps.js';

/**
 * Evaluators' scores of stored responses (docs/rfp.md, Stored RFPs): one row per
 * evaluator, vendor and question, with an optional comment. Saving scores again replaces
 * that evaluator's scores of those questions; each save is audited.
 */

export interface StoredScore {
  vendor: string;
  evaluator: string;
  question: string;
  score: number;
  comment: string | null;
  at: string;
}

export interface ScoreInput {
  question: string;
  score: number;
  comment?: string | null;
}

const MAX_COMMENT = 2000;

export async function listScores(tx: Executor, tenant: string, rfp: string): Promise<StoredScore[]> {
  const rows =
    await tx.query<StoredScore>(sql`SELECT vendor, evaluator, question, score, comment, scored_at AS at
    FROM rfp_scores WHERE tenant = ${tenant} AND rfp_id = ${rfp} ORDER BY evaluator, vendor, question`);
  return rows.map((r) => ({ ...r, score: Number(r.score) }));
}

/** Every problem of a set of scores: a question the RFP has not, a score off its scale, a comment too long. */
export function scoreProblems(rfp: RfpRecord, scores: readonly ScoreInput[]): Issue[] {
  const issues: Issue[] = [];
  const { min, max } = rfp.rfp.scale;
  const ids = new Set(rfp.rfp.questions.map((q) => q.id));
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    const at = ['scores', i];
    if (!ids.has(s.question))
      issues.push({
        code: 'unknown_question',
        path: [...at, 'question'],
        message: `${rfp.id} has no question ${s.question}`,
      });
    else if (seen.has(s.question))
      issues.push({ code: 'duplicate', path: [...at, 'question'], message: `${s.question} is scored twice` });
    seen.add(s.question);
    if (!Number.isFinite(s.score) || s.score < min || s.score > max)
      issues.push({
        code: 'score_out_of_scale',
        path: [...at, 'score'],
        message: `a score is between ${min} and ${max}, found ${s.score}`,
      });
    if ((s.comment ?? '').length > MAX_COMMENT)
      issues.push({
        code: 'too_long',
        path: [...at, 'comment'],
        message: `a comment is at most ${MAX_COMMENT} characters`,
      });
  });
  return issues;
}

/** Stores an evaluator's scores of one vendor's response. The caller checked that the evaluator is the RFP's. */
export async function saveScores(
  store: Store,
  tenant: string,
  rfp: RfpRecord,
  input: { vendor: string; evaluator: string; scores: readonly ScoreInput[]; at?: string },
): Promise<StoredScore[]> {
  const evaluator = input.evaluator.toLowerCase();
  if (!rfp.evaluators.includes(evaluator))
    throw new UserError(
      `${evaluator} is not an evaluator of ${rfp.id} (its evaluators: ${rfp.evaluators.join(', ')})`,
    );
  const problems = scoreProblems(rfp, input.scores);
  if (input.scores.length === 0)
    problems.push({ code: 'required', path: ['scores'], message: 'no scores were given' });
  if (problems.length > 0) throw new UserError(`${problems.length} problem(s) in the scores`, problems);
  const at = input.at ?? new Date().toISOString();
  return store.transaction(async (tx) => {
    const [response] = await tx.query<{ n: number }>(sql`SELECT count(*) AS n FROM rfp_responses
      WHERE tenant = ${tenant} AND rfp_id = ${rfp.id} AND vendor = ${input.vendor}`);
    if (Number(response?.n ?? 0) === 0)
      throw new UserError(`${input.vendor} has not responded to ${rfp.id}: there is nothing to score`);
    const saved: StoredScore[] = [];
    for (const s of input.scores) {
      await tx.run(sql`DELETE FROM rfp_scores WHERE tenant = ${tenant} AND rfp_id = ${rfp.id}
        AND vendor = ${input.vendor} AND evaluator = ${evaluator} AND question = ${s.question}`);
      const comment = s.comment?.trim() || null;
      await tx.run(sql`INSERT INTO rfp_scores VALUES (${tenant}, ${rfp.id}, ${input.vendor}, ${evaluator},
        ${s.question}, ${s.score}, ${comment}, ${at})`);
      saved.push({ vendor: input.vendor, evaluator, question: s.question, score: s.score, comment, at });
    }
    await appendAudit(tx, tenant, {
      action: 'rfp.score',
      subject: `${rfp.id}/${input.vendor}`,
      after: `${evaluator} ${at}`,
      detail: { evaluator, scores: Object.fromEntries(saved.map((s) => [s.question, s.score])) },
    });
    return saved;
  });
}
