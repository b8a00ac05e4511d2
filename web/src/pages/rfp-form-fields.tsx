import type { ReactNode } from 'react';

/**
 * The response form's fields: a label, the control, a hint and the server's problems for
 * that field (tied by aria-describedby, marked aria-invalid), so each problem reads next to
 * what it is about and a screen reader hears it on focus.
 */

/** Problems by field id (see fieldOf in rfp-response-build.ts). */
export type FieldErrors = Map<string, string[]>;

export const domId = (field: string): string => `rfp-f-${field.replace(/[^A-Za-z0-9_-]+/g, '-')}`;

const TEXTAREA_STYLE = {
  font: 'inherit',
  width: '100%',
  minHeight: '6rem',
  padding: '0.45rem 0.6rem',
  border: '1px solid #767c85',
  borderRadius: 6,
  background: '#fff',
  color: 'inherit',
} as const;

export function FieldProblems({ field, errors }: { field: string; errors: FieldErrors }) {
  const messages = errors.get(field) ?? [];
  if (messages.length === 0) return null;
  return (
    <ul id={`${domId(field)}-problems`} className="verdict verdict-bad" data-testid={`rfp-problem-${field}`}>
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

interface FieldProps {
  field: string;
  label: string;
  errors: FieldErrors;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'number' | 'date' | 'url' | 'datetime-local';
  multiline?: boolean;
  inputMode?: 'decimal' | 'numeric' | 'text';
  placeholder?: string;
  required?: boolean;
}

export function TextField({
  field,
  label,
  errors,
  hint,
  value,
  onChange,
  type = 'text',
  multiline = false,
  inputMode,
  placeholder,
  required,
}: FieldProps) {
  const id = domId(field);
  const invalid = (errors.get(field)?.length ?? 0) > 0;
  const describedBy = [hint ? `${id}-hint` : null, invalid ? `${id}-problems` : null]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    value,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy || undefined,
    'data-testid': `rfp-field-${field}`,
    placeholder,
    required,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={4} style={TEXTAREA_STYLE} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} inputMode={inputMode} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && (
        <span id={`${id}-hint`} className="muted">
          {hint}
        </span>
      )}
      <FieldProblems field={field} errors={errors} />
    </div>
  );
}

interface ChoiceProps {
  field: string;
  label: string;
  errors: FieldErrors;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}

export function ChoiceField({ field, label, errors, value, options, onChange }: ChoiceProps) {
  const id = domId(field);
  const invalid = (errors.get(field)?.length ?? 0) > 0;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-problems` : undefined}
        data-testid={`rfp-field-${field}`}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldProblems field={field} errors={errors} />
    </div>
  );
}

/** Fields side by side where there is room, one column on a phone. */
export function FieldRow({ children }: { children: ReactNode }) {
  return <div className="tiles">{children}</div>;
}
