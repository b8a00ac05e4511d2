import { type FormEvent, useState } from 'react';
import type { RfpQuestionsT, RfpSubmissionResultT } from '../../../src/server/api/schemas';
import { ErrorBanner, Loading } from '../components/error-banner';
import { ApiFailure, apiPost } from '../lib/api';
import type { Me } from '../lib/types';
import { useGet } from '../lib/use-resource';
import { pct1 } from './renewal-format';
import { ChoiceField, domId, type FieldErrors, FieldRow, TextField } from './rfp-form-fields';

/**
 * `#/rfp/respond`: a vendor manager answers the RFP for their own organisation. The form
 * builds the RFPResponse document (docs/rfp.md) and sends it as JSON with the evidence
 * files read as text in the browser; the server checks it with the same parser as the CLI
 * and every problem comes back with its path, shown at its field and in a summary.
 */

type Questions = RfpQuestionsT;
type Question = Questions['sections'][number]['questions'][number];

interface EvidenceDraft {
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

interface AnswerDraft {
  summary: string;
  evidence: EvidenceDraft[];
}

const COMMITMENTS = [
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

const MAX_FILE_BYTES = 512 * 1024;

/** A number when the text is one; otherwise the text, so the server names the problem at its field. */
const numberOr = (text: string): number | string =>
  text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
const percentOf = (text: string): string => (/%$/.test(text.trim()) ? text.trim() : `${text.trim()}%`);

let nextKey = 1;
const emptyEvidence = (request: string): EvidenceDraft => ({
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

export function RfpResponseForm({ me }: { me: Me }) {
  const questions = useGet<Questions>(me.user.role === 'vendor_manager' ? '/rfp/questions' : null);
  if (me.user.role !== 'vendor_manager') {
    return (
      <section aria-labelledby="rfp-respond-title">
        <h1 id="rfp-respond-title">RFP response</h1>
        <p>
          A vendor's manager submits their organisation's response here. The client's users see the responses
          on <a href="#/rfp">the RFP comparison</a>.
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="rfp-respond-title">
      <h1 id="rfp-respond-title">RFP response{questions.data ? `: ${questions.data.displayName}` : ''}</h1>
      <ErrorBanner error={questions.error} onRetry={questions.reload} />
      {questions.loading && <Loading what="the RFP" />}
      {questions.data && <ResponseForm rfp={questions.data} me={me} />}
    </section>
  );
}

interface Built {
  body: { response: Record<string, unknown>; attachments: { name: string; text: string }[] };
  /** spec.answers[i] -> question id; evidence k of answer i -> draft key; attachments[j] -> draft key. */
  answerQuestion: string[];
  evidenceKeys: number[][];
  attachmentKeys: number[];
}

function ResponseForm({ rfp, me }: { rfp: Questions; me: Me }) {
  const vendor = me.user.organisation;
  const [displayName, setDisplayName] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [pricing, setPricing] = useState({
    model: 'outcome_based',
    unit: '',
    rate: '',
    atRisk: '',
    bonusCap: '',
  });
  const [commitments, setCommitments] = useState<Record<string, string>>({ coachingMode: '' });
  const [answers, setAnswers] = useState<Record<string, AnswerDraft>>({});
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [problems, setProblems] = useState<{ field: string | null; message: string; where: string }[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RfpSubmissionResultT | null>(null);

  const questionById = new Map(rfp.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const answerOf = (id: string): AnswerDraft => answers[id] ?? { summary: '', evidence: [] };
  const setAnswer = (id: string, update: (a: AnswerDraft) => AnswerDraft) =>
    setAnswers((all) => ({ ...all, [id]: update(all[id] ?? { summary: '', evidence: [] }) }));
  const setEvidence = (id: string, key: number, patch: Partial<EvidenceDraft>) =>
    setAnswer(id, (a) => ({
      ...a,
      evidence: a.evidence.map((e) => (e.key === key ? { ...e, ...patch } : e)),
    }));

  async function build(): Promise<Built> {
    const attachments: { name: string; text: string }[] = [];
    const attachmentKeys: number[] = [];
    const answerQuestion: string[] = [];
    const evidenceKeys: number[][] = [];
    const answerList: Record<string, unknown>[] = [];
    for (const section of rfp.sections) {
      for (const q of section.questions) {
        const a = answerOf(q.id);
        if (a.summary.trim() === '' && a.evidence.length === 0) continue;
        const items: Record<string, unknown>[] = [];
        const keys: number[] = [];
        for (const e of a.evidence) {
          const item: Record<string, unknown> = { request: e.request, title: e.title };
          if (e.file) {
            item.file = e.file.name;
            const text = await e.file.text();
            const same = attachments.findIndex((x) => x.name === e.file?.name);
            if (same < 0 || attachments[same]?.text !== text) {
              attachments.push({ name: e.file.name, text });
              attachmentKeys.push(e.key);
            }
          }
          if (e.url.trim()) item.url = e.url.trim();
          if (e.metric.trim()) item.metric = e.metric.trim();
          if (e.workflow.trim()) item.workflow = e.workflow.trim();
          const measured = (period: string, value: string, n: string) =>
            period || value || n
              ? { period, value: numberOr(value), ...(n.trim() ? { n: numberOr(n) } : {}) }
              : undefined;
          const before = measured(e.beforePeriod, e.beforeValue, e.beforeN);
          const after = measured(e.afterPeriod, e.afterValue, e.afterN);
          if (before) item.before = before;
          if (after) item.after = after;
          items.push(item);
          keys.push(e.key);
        }
        answerList.push({ question: q.id, summary: a.summary, evidence: items });
        answerQuestion.push(q.id);
        evidenceKeys.push(keys);
      }
    }
    const c: Record<string, unknown> = {};
    for (const f of COMMITMENTS) {
      const text = (commitments[f.id] ?? '').trim();
      if (text === '') continue;
      c[f.id] = f.kind === 'percent' ? percentOf(text) : f.kind === 'number' ? numberOr(text) : text;
    }
    if (commitments.coachingMode) c.coachingMode = commitments.coachingMode;
    const spec: Record<string, unknown> = {
      rfp: rfp.name,
      vendor,
      ...(submitted ? { submitted } : {}),
      pricing: {
        model: pricing.model,
        ...(pricing.unit ? { unit: pricing.unit } : {}),
        ...(pricing.rate.trim() ? { rate: pricing.rate.trim() } : {}),
        ...(pricing.atRisk.trim() ? { atRisk: percentOf(pricing.atRisk) } : {}),
        ...(pricing.bonusCap.trim() ? { bonusCap: percentOf(pricing.bonusCap) } : {}),
      },
      commitments: c,
      answers: answerList,
    };
    const slug = `${
      vendor
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'vendor'
    }-response`;
    return {
      body: {
        response: {
          apiVersion: 'covenant/v1',
          kind: 'RFPResponse',
          metadata: { name: slug, ...(displayName.trim() ? { displayName: displayName.trim() } : {}) },
          spec,
        },
        attachments,
      },
      answerQuestion,
      evidenceKeys,
      attachmentKeys,
    };
  }

  /** The form field a problem's path is about, or null (then it shows in the summary only). */
  function fieldOf(path: (string | number)[], built: Built): string | null {
    const [a, b, c, d, e, f, g] = path;
    if (a === 'metadata') return b === 'displayName' ? 'displayName' : null;
    if (a === 'attachments' && typeof b === 'number') {
      const key = built.attachmentKeys[b];
      const owner = Object.entries(answers).find(([, ans]) => ans.evidence.some((x) => x.key === key));
      return owner && key !== undefined ? `evidence.${owner[0]}.${key}.file` : null;
    }
    if (a !== 'spec') return null;
    if (b === 'submitted') return 'submitted';
    if (b === 'pricing') return typeof c === 'string' ? `pricing.${c}` : 'pricing.model';
    if (b === 'commitments') return typeof c === 'string' ? `commitments.${c}` : null;
    if (b === 'answers' && typeof c === 'number') {
      const question = built.answerQuestion[c];
      if (!question) return null;
      if (d === 'evidence' && typeof e === 'number') {
        const key = built.evidenceKeys[c]?.[e];
        if (key === undefined) return `answer.${question}.summary`;
        const field = typeof f === 'string' ? f : 'title';
        if ((field === 'before' || field === 'after') && (g === 'value' || g === 'n'))
          return `evidence.${question}.${key}.${field}${g === 'value' ? 'Value' : 'N'}`;
        return `evidence.${question}.${key}.${field}`;
      }
      return `answer.${question}.summary`;
    }
    return null;
  }

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
            `${e.file.name} is over 512 KiB; attach a smaller extract or give a url`,
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
      built = await build();
      const answer = await apiPost<RfpSubmissionResultT>('/rfp/responses', built.body);
      setErrors(new Map());
      setProblems([]);
      setResult(answer);
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 400 && error.issues.length > 0 && built) {
        const byField: FieldErrors = new Map();
        const list: { field: string | null; message: string; where: string }[] = [];
        for (const raw of error.issues) {
          const issue = raw as { path?: (string | number)[]; message?: string };
          const path = Array.isArray(issue.path) ? issue.path : [];
          const field = fieldOf(path, built);
          const message = issue.message ?? 'a problem';
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
        Answering for <strong>{vendor}</strong>
        {rfp.responsesDue ? `, due ${rfp.responsesDue}` : ''}. Unanswered questions are allowed (they score{' '}
        {rfp.scale.min}); evidence is a file from your computer (read as text: CSV, Markdown, JSON) or a link.
        {rfp.submission
          ? ` You submitted on ${rfp.submission.submittedAt.slice(0, 16).replace('T', ' ')}; submitting again replaces it.`
          : ''}
      </p>
      {problems.length > 0 && (
        <div className="banner banner-error" role="alert" data-testid="rfp-problems">
          <div>
            <p>
              <strong>{problems.length} problem(s)</strong> in the response; nothing was submitted.
            </p>
            <ul>
              {problems.map((p, i) => (
                <li key={`${p.where}-${i}`}>
                  {p.field ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => focusField(p.field as string)}
                    >
                      {p.message}
                    </button>
                  ) : (
                    <>
                      {p.message} {p.where ? <code>{p.where}</code> : null}
                    </>
                  )}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <ErrorBanner error={failure} />

      <fieldset className="card">
        <legend>
          <h2>Pricing and commitments</h2>
        </legend>
        <FieldRow>
          <TextField
            field="displayName"
            label="Name on the response"
            errors={errors}
            value={displayName}
            onChange={setDisplayName}
            placeholder={vendor}
          />
          <TextField
            field="submitted"
            label="Submitted on"
            type="date"
            errors={errors}
            value={submitted}
            onChange={setSubmitted}
          />
          <ChoiceField
            field="pricing.model"
            label="Pricing model"
            errors={errors}
            value={pricing.model}
            options={rfp.pricingModels.map((m) => ({ value: m, label: m.replaceAll('_', ' ') }))}
            onChange={(model) => setPricing((p) => ({ ...p, model }))}
          />
          <ChoiceField
            field="pricing.unit"
            label="Priced per"
            errors={errors}
            value={pricing.unit}
            options={[
              { value: '', label: '(not stated)' },
              ...rfp.pricingUnits.map((u) => ({ value: u, label: u.replaceAll('_', ' ') })),
            ]}
            onChange={(unit) => setPricing((p) => ({ ...p, unit }))}
          />
          <TextField
            field="pricing.rate"
            label={`Rate (${rfp.currency})`}
            hint="a decimal, e.g. 4.35"
            inputMode="decimal"
            errors={errors}
            value={pricing.rate}
            onChange={(rate) => setPricing((p) => ({ ...p, rate }))}
          />
          <TextField
            field="pricing.atRisk"
            label="Fee at risk on outcomes (%)"
            hint="e.g. 15"
            inputMode="decimal"
            errors={errors}
            value={pricing.atRisk}
            onChange={(atRisk) => setPricing((p) => ({ ...p, atRisk }))}
          />
          <TextField
            field="pricing.bonusCap"
            label="Bonus cap (%)"
            hint="e.g. 5"
            inputMode="decimal"
            errors={errors}
            value={pricing.bonusCap}
            onChange={(bonusCap) => setPricing((p) => ({ ...p, bonusCap }))}
          />
          {COMMITMENTS.map((f) => (
            <TextField
              key={f.id}
              field={`commitments.${f.id}`}
              label={f.label}
              hint={f.hint}
              inputMode={f.kind === 'text' ? 'text' : 'decimal'}
              errors={errors}
              value={commitments[f.id] ?? ''}
              onChange={(v) => setCommitments((c) => ({ ...c, [f.id]: v }))}
            />
          ))}
          <ChoiceField
            field="commitments.coachingMode"
            label="Coaching mode"
            errors={errors}
            value={commitments.coachingMode ?? ''}
            options={[
              { value: '', label: '(not stated)' },
              ...rfp.coachingModes.map((m) => ({ value: m, label: m.replaceAll('_', ' ') })),
            ]}
            onChange={(v) => setCommitments((c) => ({ ...c, coachingMode: v }))}
          />
        </FieldRow>
      </fieldset>

      {rfp.sections.map((section) => (
        <section key={section.id} className="section" aria-labelledby={`rfp-sec-${section.id}`}>
          <h2 id={`rfp-sec-${section.id}`}>
            {section.title} <span className="muted">({pct1(section.weight)} of the total)</span>
          </h2>
          {section.questions.map((q) => (
            <QuestionFields
              key={q.id}
              question={q}
              answer={answerOf(q.id)}
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
          {busy ? 'Submitting…' : 'Submit the response'}
        </button>
      </div>
      {result && <Submitted result={result} questionTitle={(id) => questionById.get(id)?.title ?? id} />}
    </form>
  );
}

function QuestionFields({
  question: q,
  answer,
  errors,
  onSummary,
  onAdd,
  onRemove,
  onEvidence,
}: {
  question: Question;
  answer: AnswerDraft;
  errors: FieldErrors;
  onSummary: (summary: string) => void;
  onAdd: () => void;
  onRemove: (key: number) => void;
  onEvidence: (key: number, patch: Partial<EvidenceDraft>) => void;
}) {
  return (
    <fieldset className="card" data-testid={`rfp-question-${q.id}`}>
      <legend>
        <h3>
          {q.title} <span className="muted">({pct1(q.weight)} of the section)</span>
        </h3>
      </legend>
      <p className="muted">{q.text}</p>
      {q.evidence.length > 0 && (
        <p className="muted">
          Asks for:{' '}
          {q.evidence
            .map((e) => `${e.id} (${e.kind.replaceAll('_', ' ')}${e.required ? ', required' : ''})`)
            .join('; ')}
        </p>
      )}
      <TextField
        field={`answer.${q.id}.summary`}
        label="Your answer"
        multiline
        errors={errors}
        value={answer.summary}
        onChange={onSummary}
      />
      {answer.evidence.map((e, i) => (
        <EvidenceFields
          key={e.key}
          question={q}
          evidence={e}
          index={i}
          errors={errors}
          onChange={(patch) => onEvidence(e.key, patch)}
          onRemove={() => onRemove(e.key)}
        />
      ))}
      {q.evidence.length > 0 && (
        <button
          type="button"
          className="button-small"
          onClick={onAdd}
          data-testid={`rfp-add-evidence-${q.id}`}
        >
          Add evidence to “{q.title}”
        </button>
      )}
    </fieldset>
  );
}

function EvidenceFields({
  question: q,
  evidence: e,
  index,
  errors,
  onChange,
  onRemove,
}: {
  question: Question;
  evidence: EvidenceDraft;
  index: number;
  errors: FieldErrors;
  onChange: (patch: Partial<EvidenceDraft>) => void;
  onRemove: () => void;
}) {
  const base = `evidence.${q.id}.${e.key}`;
  const request = q.evidence.find((r) => r.id === e.request);
  const beforeAfter = request?.kind === 'before_after_data';
  const fileId = domId(`${base}.file`);
  const fileInvalid = (errors.get(`${base}.file`)?.length ?? 0) > 0;
  return (
    <fieldset className="card" data-testid={`rfp-evidence-${q.id}-${index}`}>
      <legend>Evidence {index + 1}</legend>
      <FieldRow>
        <ChoiceField
          field={`${base}.request`}
          label="Evidence for"
          errors={errors}
          value={e.request}
          options={q.evidence.map((r) => ({ value: r.id, label: `${r.id}: ${r.description}` }))}
          onChange={(value) => onChange({ request: value })}
        />
        <TextField
          field={`${base}.title`}
          label="Title"
          errors={errors}
          value={e.title}
          onChange={(title) => onChange({ title })}
        />
        <div className="field">
          <label htmlFor={fileId}>File</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,.md,.txt,.json,.yaml,.yml,text/*"
            aria-invalid={fileInvalid || undefined}
            aria-describedby={fileInvalid ? `${fileId}-problems` : `${fileId}-hint`}
            onChange={(event) => onChange({ file: event.target.files?.[0] ?? null })}
            data-testid={`rfp-field-${base}.file`}
          />
          <span id={`${fileId}-hint`} className="muted">
            {e.file ? `${e.file.name}, ${Math.ceil(e.file.size / 1024)} KiB` : 'text files up to 512 KiB'}
          </span>
          {fileInvalid && (
            <ul id={`${fileId}-problems`} className="verdict verdict-bad">
              {(errors.get(`${base}.file`) ?? []).map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </div>
        <TextField
          field={`${base}.url`}
          label="Or a link"
          type="url"
          errors={errors}
          value={e.url}
          onChange={(url) => onChange({ url })}
        />
      </FieldRow>
      {beforeAfter && (
        <FieldRow>
          <TextField
            field={`${base}.metric`}
            label="Metric"
            hint="e.g. csat"
            errors={errors}
            value={e.metric}
            onChange={(metric) => onChange({ metric })}
          />
          <TextField
            field={`${base}.workflow`}
            label="Workflow"
            hint="e.g. card_dispute"
            errors={errors}
            value={e.workflow}
            onChange={(workflow) => onChange({ workflow })}
          />
          <TextField
            field={`${base}.before`}
            label="Before: period"
            hint="e.g. 2025-Q4"
            errors={errors}
            value={e.beforePeriod}
            onChange={(beforePeriod) => onChange({ beforePeriod })}
          />
          <TextField
            field={`${base}.beforeValue`}
            label="Before: value"
            hint="a share as a fraction, e.g. 0.79"
            inputMode="decimal"
            errors={errors}
            value={e.beforeValue}
            onChange={(beforeValue) => onChange({ beforeValue })}
          />
          <TextField
            field={`${base}.beforeN`}
            label="Before: n"
            inputMode="numeric"
            errors={errors}
            value={e.beforeN}
            onChange={(beforeN) => onChange({ beforeN })}
          />
          <TextField
            field={`${base}.after`}
            label="After: period"
            hint="e.g. 2026-Q3"
            errors={errors}
            value={e.afterPeriod}
            onChange={(afterPeriod) => onChange({ afterPeriod })}
          />
          <TextField
            field={`${base}.afterValue`}
            label="After: value"
            inputMode="decimal"
            errors={errors}
            value={e.afterValue}
            onChange={(afterValue) => onChange({ afterValue })}
          />
          <TextField
            field={`${base}.afterN`}
            label="After: n"
            inputMode="numeric"
            errors={errors}
            value={e.afterN}
            onChange={(afterN) => onChange({ afterN })}
          />
        </FieldRow>
      )}
      <button type="button" className="button-small button-danger" onClick={onRemove}>
        Remove evidence {index + 1}
      </button>
    </fieldset>
  );
}

function Submitted({
  result,
  questionTitle,
}: {
  result: RfpSubmissionResultT;
  questionTitle: (id: string) => string;
}) {
  const v = result.vendor;
  const warnings = result.submission.warnings.map((w) => String((w as { message?: unknown }).message ?? ''));
  return (
    <div className="card section" role="status" data-testid="rfp-submitted">
      <h2>Submitted</h2>
      <p>
        Your response was received at {result.submission.submittedAt.slice(0, 16).replace('T', ' ')} with{' '}
        {result.submission.attachments.length} attachment(s). It is <strong>unscored</strong> until the
        client's evaluators score it. By the stated rules it reads as a{' '}
        <strong>{v.classificationLabel}</strong> ({v.signalCount} of {v.signals.length} signals).
      </p>
      {v.unanswered.length > 0 && <p>Not answered: {v.unanswered.map(questionTitle).join('; ')}.</p>}
      {warnings.length > 0 && (
        <details>
          <summary>{warnings.length} note(s) on the response</summary>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      )}
      <p className="muted">Submitting again replaces this response.</p>
    </div>
  );
}
