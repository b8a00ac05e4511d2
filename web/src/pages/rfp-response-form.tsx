import { type FormEvent, useState } from 'react';
import type { RfpSubmissionResultT } from '../../../src/server/api/schemas';
import { ErrorBanner, Loading } from '../components/error-banner';
import { ApiFailure, apiPost } from '../lib/api';
import { formatDateTime } from '../lib/format';
import type { Me } from '../lib/types';
import { useT } from '../lib/i18n';
import { useGet } from '../lib/use-resource';
import { pct1 } from './renewal-format';
import { domId, type FieldErrors } from './rfp-form-fields';
import { localTime } from './rfp-list-page';
import { PricingFields } from './rfp-pricing-fields';
import { QuestionFields } from './rfp-question-fields';
import { type Built, buildResponse, fieldOf } from './rfp-response-build';
import {
  type AnswerDraft,
  answerOf,
  type EvidenceDraft,
  emptyEvidence,
  MAX_FILE_BYTES,
  type PricingDraft,
  type Questions,
} from './rfp-response-draft';
import { type Problem, ProblemsBanner, Submitted } from './rfp-response-status';

/**
 * `#/rfp/<id>/respond`: a vendor manager answers the RFP for their own organisation. The form
 * builds the RFPResponse document (docs/rfp.md) and sends it as JSON with the evidence
 * files read as text in the browser; the server checks it with the same parser as the CLI
 * and every problem comes back with its path, shown at its field and in a summary.
 */

export function RfpResponseForm({ id, me }: { id: string; me: Me }) {
  const t = useT();
  const questions = useGet<Questions>(me.user.role === 'vendor_manager' ? `/rfps/${encodeURIComponent(id)}` : null);
  if (me.user.role !== 'vendor_manager') {
    return (
      <section aria-labelledby="rfp-respond-title">
        <h1 id="rfp-respond-title">{t('nav.rfp-respond')}</h1>
        <p>
          {t('rfp.respondOnly')} <a href={`#/rfp/${id}`}>{t('rfp.comparisonLink')}</a>.
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="rfp-respond-title">
      <h1 id="rfp-respond-title">
        {questions.data ? t('rfp.respondOf', { name: questions.data.displayName }) : t('nav.rfp-respond')}
      </h1>
      <ErrorBanner error={questions.error} onRetry={questions.reload} />
      {questions.loading && <Loading what={t('rfp.whatRfp')} />}
      {questions.data && !questions.data.open && (
        <p className="banner" role="status" data-testid="rfp-closed">
          {t('rfps.closedOn', { at: localTime(questions.data.deadline), instant: questions.data.deadline })}
        </p>
      )}
      {questions.data?.open && <ResponseForm rfp={questions.data} me={me} />}
    </section>
  );
}

function ResponseForm({ rfp, me }: { rfp: Questions; me: Me }) {
  const vendor = me.user.organisation;
  const t = useT();
  const [displayName, setDisplayName] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [pricing, setPricing] = useState<PricingDraft>({
    model: 'outcome_based',
    unit: '',
    rate: '',
    atRisk: '',
    bonusCap: '',
  });
  const [commitments, setCommitments] = useState<Record<string, string>>({ coachingMode: '' });
  const [answers, setAnswers] = useState<Record<string, AnswerDraft>>({});
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [problems, setProblems] = useState<Problem[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RfpSubmissionResultT | null>(null);

  const questionById = new Map(rfp.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const setAnswer = (id: string, update: (a: AnswerDraft) => AnswerDraft) =>
    setAnswers((all) => ({ ...all, [id]: update(answerOf(all, id)) }));
  const setEvidence = (id: string, key: number, patch: Partial<EvidenceDraft>) =>
    setAnswer(id, (a) => ({
      ...a,
      evidence: a.evidence.map((e) => (e.key === key ? { ...e, ...patch } : e)),
    }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    setResult(null);
    const local: FieldErrors = new Map();
    for (const [q, a] of Object.entries(answers))
      for (const e of a.evidence)
        if (e.file && e.file.size > MAX_FILE_BYTES)
          local.set(`evidence.${q}.${e.key}.file`, [
            t('rfp.tooBig', { name: e.file.name }),
          ]);
    if (local.size > 0) {
      setErrors(local);
      setProblems(
        [...local].flatMap(([field, ms]) => ms.map((message) => ({ field, message, where: field }))),
      );
      setBusy(false);
      return;
    }
    let built: Built | null = null;
    try {
      built = await buildResponse(rfp, vendor, { displayName, submitted, pricing, commitments, answers });
      const answer = await apiPost<RfpSubmissionResultT>(`/rfps/${encodeURIComponent(rfp.id)}/responses`, built.body);
      setErrors(new Map());
      setProblems([]);
      setResult(answer);
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 400 && error.issues.length > 0 && built) {
        const byField: FieldErrors = new Map();
        const list: Problem[] = [];
        for (const raw of error.issues) {
          const issue = raw as { path?: (string | number)[]; message?: string };
          const path = Array.isArray(issue.path) ? issue.path : [];
          const field = fieldOf(path, built, answers);
          const message = issue.message ?? t('rfp.aProblem');
          if (field) byField.set(field, [...(byField.get(field) ?? []), message]);
          list.push({ field, message, where: path.join('.') });
        }
        setErrors(byField);
        setProblems(list);
        setFailure(null);
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  }

  const focusField = (field: string) => document.getElementById(domId(field))?.focus();

  return (
    <form onSubmit={submit} noValidate data-testid="rfp-form" aria-describedby="rfp-form-intro">
      <p id="rfp-form-intro">
        {t('rfp.answeringFor')} <strong>{vendor}</strong>, {t('rfp.due', { date: localTime(rfp.deadline) })}.{' '}
        {t('rfp.formIntro', { min: rfp.scale.min })}
        {rfp.submission
          ? ` ${t('rfp.submittedOn', { date: formatDateTime(rfp.submission.submittedAt) })}`
          : ''}
      </p>
      {problems.length > 0 && <ProblemsBanner problems={problems} focusField={focusField} />}
      <ErrorBanner error={failure} />

      <PricingFields
        rfp={rfp}
        vendor={vendor}
        errors={errors}
        displayName={displayName}
        setDisplayName={setDisplayName}
        submitted={submitted}
        setSubmitted={setSubmitted}
        pricing={pricing}
        setPricing={setPricing}
        commitments={commitments}
        setCommitments={setCommitments}
      />

      {rfp.sections.map((section) => (
        <section key={section.id} className="section" aria-labelledby={`rfp-sec-${section.id}`}>
          <h2 id={`rfp-sec-${section.id}`}>
            {section.title}{' '}
            <span className="muted">{t('rfp.ofTotal', { share: pct1(section.weight) })}</span>
          </h2>
          {section.questions.map((q) => (
            <QuestionFields
              key={q.id}
              question={q}
              answer={answerOf(answers, q.id)}
              errors={errors}
              onSummary={(summary) => setAnswer(q.id, (a) => ({ ...a, summary }))}
              onAdd={() =>
                setAnswer(q.id, (a) => ({
                  ...a,
                  evidence: [...a.evidence, emptyEvidence(q.evidence[0]?.id ?? '')],
                }))
              }
              onRemove={(key) =>
                setAnswer(q.id, (a) => ({ ...a, evidence: a.evidence.filter((e) => e.key !== key) }))
              }
              onEvidence={(key, patch) => setEvidence(q.id, key, patch)}
            />
          ))}
        </section>
      ))}

      <div className="section">
        <button type="submit" className="button-primary" disabled={busy} data-testid="rfp-submit">
          {busy ? t('rfp.submitting') : t('rfp.submit')}
        </button>
      </div>
      {result && <Submitted result={result} questionTitle={(id) => questionById.get(id)?.title ?? id} />}
    </form>
  );
}
