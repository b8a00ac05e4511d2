import type { OutcomeStatus } from '../lib/types';

type Status = OutcomeStatus['status'] | 'not_met' | 'provisional' | 'final' | 'no_data';

const TEXT: Record<Status, { label: string; mark: string; tone: string }> = {
  met: { label: 'Met', mark: '✓', tone: 'good' },
  missed: { label: 'Missed', mark: '✗', tone: 'bad' },
  insufficient: { label: 'Insufficient data', mark: '?', tone: 'neutral' },
  not_met: { label: 'Not met', mark: '✗', tone: 'bad' },
  no_data: { label: 'No data', mark: '–', tone: 'neutral' },
  provisional: { label: 'Provisional', mark: '◔', tone: 'warn' },
  final: { label: 'Final', mark: '●', tone: 'good' },
};

/** A status in words and a mark, never only a colour. */
export function StatusBadge({ status, testId }: { status: Status; testId?: string }) {
  const text = TEXT[status];
  return (
    <span className={`badge badge-${text.tone}`} data-testid={testId} data-status={status}>
      <span aria-hidden="true">{text.mark}</span> {text.label}
    </span>
  );
}
