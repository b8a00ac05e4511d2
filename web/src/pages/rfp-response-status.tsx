import type { RfpSubmissionResultT } from '../../../src/server/api/schemas';
import { formatDateTime } from '../lib/format';
import { useT } from '../lib/i18n';

/** What the form says after a submit: every problem (each a link to its field), or the response as received. */

/** A problem of the response: the form field it is about (null: none), its message, and its path. */
export interface Problem {
  field: string | null;
  message: string;
  where: string;
}

export function ProblemsBanner({
  problems,
  focusField,
}: {
  problems: Problem[];
  focusField: (field: string) => void;
}) {
  const t = useT();
  return (
    <div className="banner banner-error" role="alert" data-testid="rfp-problems">
      <div>
        <p>
          <strong>{t('rfp.problems', { count: problems.length })}</strong> {t('rfp.nothingSubmitted')}
        </p>
        <ul>
          {problems.map((p, i) => (
            <li key={`${p.where}-${i}`}>
              {p.field ? (
                <button type="button" className="link-button" onClick={() => focusField(p.field as string)}>
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
  );
}

export function Submitted({
  result,
  questionTitle,
}: {
  result: RfpSubmissionResultT;
  questionTitle: (id: string) => string;
}) {
  const v = result.vendor;
  const t = useT();
  const warnings = result.submission.warnings.map((w) => String((w as { message?: unknown }).message ?? ''));
  return (
    <div className="card section" role="status" data-testid="rfp-submitted">
      <h2>{t('rfp.submittedTitle')}</h2>
      <p>
        {t('rfp.received', {
          date: formatDateTime(result.submission.submittedAt),
          count: result.submission.attachments.length,
        })}{' '}
        {t('rfp.unscoredUntil')} {t('rfp.readsAs')} <strong>{t('rfp.classLabel', { classification: v.classification })}</strong> (
        {t('rfp.signals', { count: v.signalCount, total: v.signals.length })}).
      </p>
      {v.unanswered.length > 0 && <p>{t('rfp.notAnswered', { list: v.unanswered.map(questionTitle).join('; ') })}</p>}
      {warnings.length > 0 && (
        <details>
          <summary>{t('rfp.notesCount', { count: warnings.length })}</summary>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      )}
      <p className="muted">{t('rfp.again')}</p>
    </div>
  );
}
