import type { RfpSubmissionResultT } from '../../../src/server/api/schemas';

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
  return (
    <div className="banner banner-error" role="alert" data-testid="rfp-problems">
      <div>
        <p>
          <strong>{problems.length} problem(s)</strong> in the response; nothing was submitted.
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
