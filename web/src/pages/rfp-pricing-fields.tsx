import type { Dispatch, SetStateAction } from 'react';
import type { MessageKey } from '../../../src/core/i18n/index';
import { useT } from '../lib/i18n';
import { ChoiceField, type FieldErrors, FieldRow, TextField } from './rfp-form-fields';
import { COMMITMENTS, type PricingDraft, type Questions } from './rfp-response-draft';

/** The form's first part: the name on the response, its date, the pricing and the commitments. */
export function PricingFields({
  rfp,
  vendor,
  errors,
  displayName,
  setDisplayName,
  submitted,
  setSubmitted,
  pricing,
  setPricing,
  commitments,
  setCommitments,
}: {
  rfp: Questions;
  vendor: string;
  errors: FieldErrors;
  displayName: string;
  setDisplayName: (value: string) => void;
  submitted: string;
  setSubmitted: (value: string) => void;
  pricing: PricingDraft;
  setPricing: Dispatch<SetStateAction<PricingDraft>>;
  commitments: Record<string, string>;
  setCommitments: Dispatch<SetStateAction<Record<string, string>>>;
}) {
  const t = useT();
  return (
    <fieldset className="card">
      <legend>
        <h2>{t('rfp.pricingTitle')}</h2>
      </legend>
      <FieldRow>
        <TextField
          field="displayName"
          label={t('rfp.nameOn')}
          errors={errors}
          value={displayName}
          onChange={setDisplayName}
          placeholder={vendor}
        />
        <TextField
          field="submitted"
          label={t('rfp.submittedOnLabel')}
          type="date"
          errors={errors}
          value={submitted}
          onChange={setSubmitted}
        />
        <ChoiceField
          field="pricing.model"
          label={t('rfp.pricingModel')}
          errors={errors}
          value={pricing.model}
          options={rfp.pricingModels.map((m) => ({ value: m, label: m.replaceAll('_', ' ') }))}
          onChange={(model) => setPricing((p) => ({ ...p, model }))}
        />
        <ChoiceField
          field="pricing.unit"
          label={t('rfp.pricedPer')}
          errors={errors}
          value={pricing.unit}
          options={[
            { value: '', label: t('rfp.notStated') },
            ...rfp.pricingUnits.map((u) => ({ value: u, label: u.replaceAll('_', ' ') })),
          ]}
          onChange={(unit) => setPricing((p) => ({ ...p, unit }))}
        />
        <TextField
          field="pricing.rate"
          label={t('rfp.rate', { currency: rfp.currency })}
          hint={t('rfp.rateHint')}
          inputMode="decimal"
          errors={errors}
          value={pricing.rate}
          onChange={(rate) => setPricing((p) => ({ ...p, rate }))}
        />
        <TextField
          field="pricing.atRisk"
          label={t('rfp.feeAtRisk')}
          hint={t('rfp.eg', { example: '15' })}
          inputMode="decimal"
          errors={errors}
          value={pricing.atRisk}
          onChange={(atRisk) => setPricing((p) => ({ ...p, atRisk }))}
        />
        <TextField
          field="pricing.bonusCap"
          label={t('rfp.bonusCap')}
          hint={t('rfp.eg', { example: '5' })}
          inputMode="decimal"
          errors={errors}
          value={pricing.bonusCap}
          onChange={(bonusCap) => setPricing((p) => ({ ...p, bonusCap }))}
        />
        {COMMITMENTS.map((f) => (
          <TextField
            key={f.id}
            field={`commitments.${f.id}`}
            label={t(`rfp.commit.${f.id}` as MessageKey)}
            hint={t(`rfp.commitHint.${f.id}` as MessageKey)}
            inputMode={f.kind === 'text' ? 'text' : 'decimal'}
            errors={errors}
            value={commitments[f.id] ?? ''}
            onChange={(v) => setCommitments((c) => ({ ...c, [f.id]: v }))}
          />
        ))}
        <ChoiceField
          field="commitments.coachingMode"
          label={t('rfp.coachingMode')}
          errors={errors}
          value={commitments.coachingMode ?? ''}
          options={[
            { value: '', label: t('rfp.notStated') },
            ...rfp.coachingModes.map((m) => ({ value: m, label: m.replaceAll('_', ' ') })),
          ]}
          onChange={(v) => setCommitments((c) => ({ ...c, coachingMode: v }))}
        />
      </FieldRow>
    </fieldset>
  );
}
