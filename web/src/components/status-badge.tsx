import type { MessageKey } from '../../../src/core/i18n/index';
import { useT } from '../lib/i18n';
import type { OutcomeStatus } from '../lib/types';

type Status = OutcomeStatus['status'] | 'not_met' | 'provisional' | 'final' | 'no_data';

const TEXT: Record<Status, { label: MessageKey; mark: string; tone: string }> = {
  met: { label: 'status.met', mark: '✓', tone: 'good' },
  missed: { label: 'status.missed', mark: '✗', tone: 'bad' },
  insufficient: { label: 'status.insufficient', mark: '?', tone: 'neutral' },
  not_met: { label: 'status.notMet', mark: '✗', tone: 'bad' },
  no_data: { label: 'status.noData', mark: '–', tone: 'neutral' },
  provisional: { label: 'status.provisional', mark: '◔', tone: 'warn' },
  final: { label: 'status.final', mark: '●', tone: 'good' },
};

/** A status in words and a mark, never only a colour. */
export function StatusBadge({ status, testId }: { status: Status; testId?: string }) {
  const text = TEXT[status];
  const t = useT();
  return (
    <span className={`badge badge-${text.tone}`} data-testid={testId} data-status={status}>
      <span aria-hidden="true">{text.mark}</span> {t(text.label)}
    </span>
  );
}
