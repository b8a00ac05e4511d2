import { useT } from '../lib/i18n';
import { ChoiceField, domId, type FieldErrors, FieldRow, TextField } from './rfp-form-fields';
import type { EvidenceDraft, Question } from './rfp-response-draft';

/** One piece of evidence: what it is for, a title, a file or a link, and before and after numbers when asked for. */
export function EvidenceFields({
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
  const t = useT();
  const base = `evidence.${q.id}.${e.key}`;
  const request = q.evidence.find((r) => r.id === e.request);
  const beforeAfter = request?.kind === 'before_after_data';
  const fileId = domId(`${base}.file`);
  const fileInvalid = (errors.get(`${base}.file`)?.length ?? 0) > 0;
  return (
    <fieldset className="card" data-testid={`rfp-evidence-${q.id}-${index}`}>
      <legend>{t('rfp.evidenceN', { n: index + 1 })}</legend>
      <FieldRow>
        <ChoiceField
          field={`${base}.request`}
          label={t('rfp.evidenceFor')}
          errors={errors}
          value={e.request}
          options={q.evidence.map((r) => ({ value: r.id, label: `${r.id}: ${r.description}` }))}
          onChange={(value) => onChange({ request: value })}
        />
        <TextField
          field={`${base}.title`}
          label={t('rfp.titleLabel')}
          errors={errors}
          value={e.title}
          onChange={(title) => onChange({ title })}
        />
        <div className="field">
          <label htmlFor={fileId}>{t('rfp.file')}</label>
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
            {e.file ? `${e.file.name}, ${Math.ceil(e.file.size / 1024)} KiB` : t('rfp.fileHint')}
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
          label={t('rfp.orLink')}
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
            label={t('common.metric')}
            hint={t('rfp.eg', { example: 'csat' })}
            errors={errors}
            value={e.metric}
            onChange={(metric) => onChange({ metric })}
          />
          <TextField
            field={`${base}.workflow`}
            label={t('rfp.workflow')}
            hint={t('rfp.eg', { example: 'card_dispute' })}
            errors={errors}
            value={e.workflow}
            onChange={(workflow) => onChange({ workflow })}
          />
          <TextField
            field={`${base}.before`}
            label={t('rfp.beforePeriod')}
            hint={t('rfp.eg', { example: '2025-Q4' })}
            errors={errors}
            value={e.beforePeriod}
            onChange={(beforePeriod) => onChange({ beforePeriod })}
          />
          <TextField
            field={`${base}.beforeValue`}
            label={t('rfp.beforeValue')}
            hint={t('rfp.fractionHint')}
            inputMode="decimal"
            errors={errors}
            value={e.beforeValue}
            onChange={(beforeValue) => onChange({ beforeValue })}
          />
          <TextField
            field={`${base}.beforeN`}
            label={t('rfp.beforeN')}
            inputMode="numeric"
            errors={errors}
            value={e.beforeN}
            onChange={(beforeN) => onChange({ beforeN })}
          />
          <TextField
            field={`${base}.after`}
            label={t('rfp.afterPeriod')}
            hint={t('rfp.eg', { example: '2026-Q3' })}
            errors={errors}
            value={e.afterPeriod}
            onChange={(afterPeriod) => onChange({ afterPeriod })}
          />
          <TextField
            field={`${base}.afterValue`}
            label={t('rfp.afterValue')}
            inputMode="decimal"
            errors={errors}
            value={e.afterValue}
            onChange={(afterValue) => onChange({ afterValue })}
          />
          <TextField
            field={`${base}.afterN`}
            label={t('rfp.afterN')}
            inputMode="numeric"
            errors={errors}
            value={e.afterN}
            onChange={(afterN) => onChange({ afterN })}
          />
        </FieldRow>
      )}
      <button type="button" className="button-small button-danger" onClick={onRemove}>
        {t('rfp.removeEvidence', { n: index + 1 })}
      </button>
    </fieldset>
  );
}
