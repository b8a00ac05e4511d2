import { useT } from '../lib/i18n';
import { pct1 } from './renewal-format';
import { EvidenceFields } from './rfp-evidence-fields';
import { type FieldErrors, TextField } from './rfp-form-fields';
import type { AnswerDraft, EvidenceDraft, Question } from './rfp-response-draft';

/** One question: its text and the evidence it asks for, the answer, and each piece of evidence attached. */
export function QuestionFields({
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
  const t = useT();
  return (
    <fieldset className="card" data-testid={`rfp-question-${q.id}`}>
      <legend>
        <h3>
          {q.title} <span className="muted">{t('rfp.ofSection', { share: pct1(q.weight) })}</span>
        </h3>
      </legend>
      <p className="muted">{q.text}</p>
      {q.evidence.length > 0 && (
        <p className="muted">
          {t('rfp.asksFor')}{' '}
          {q.evidence
            .map((e) => `${e.id} (${e.kind.replaceAll('_', ' ')}${e.required ? `, ${t('rfp.required')}` : ''})`)
            .join('; ')}
        </p>
      )}
      <TextField
        field={`answer.${q.id}.summary`}
        label={t('rfp.yourAnswer')}
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
          {t('rfp.addEvidence', { title: q.title })}
        </button>
      )}
    </fieldset>
  );
}
