import { useT } from '../lib/i18n';
import { startedQuarters, type Term, termQuarters } from '../lib/periods';
import { SelectField } from './select-field';

interface Props {
  term: Term;
  value: string;
  onChange: (period: string) => void;
  /** Offer every quarter of the term, not only those begun by today. */
  all?: boolean;
}

/** The quarters of a contract term (those begun by today unless `all`). */
export function PeriodPicker({ term, value, onChange, all = false }: Props) {
  const t = useT();
  const quarters = all ? termQuarters(term) : startedQuarters(term);
  const options = (quarters.includes(value) ? quarters : [...quarters, value]).map((q) => ({
    value: q,
    label: q,
  }));
  return (
    <SelectField label={t('common.period')} value={value} options={options} onChange={onChange} testId="period-picker" />
  );
}
