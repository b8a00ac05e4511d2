import { useState } from 'react';
import { ErrorBanner } from '../components/error-banner';
import { apiPost } from '../lib/api';
import type { Proposal, ProposalBody } from '../lib/types';
import { ProposalDetails } from './proposal-details';

interface Props {
  proposal: Proposal;
  /** The party the user decides as (null: reads only). */
  party: 'client' | 'vendor' | null;
  onDecided: () => void;
}

/** A decision's answer in words: the server answers with the proposal after the decision. */
const decisionText = (answer: unknown, fallback: string): string => {
  if (answer && typeof answer === 'object' && 'status' in answer && 'awaiting' in answer) {
    const { status, awaiting } = answer as Pick<Proposal, 'status' | 'awaiting'>;
    const waiting = awaiting.length > 0 ? `; waiting for ${awaiting.join(' and ')}` : '';
    return `${fallback}: the proposal is ${status}${waiting}.`;
  }
  return `${fallback}.`;
};

/** One recalibration proposal: who decided, who is awaited, the triggers and arithmetic, and the buttons for the party whose turn it is. */
export function ProposalCard({ proposal, party, onDecided }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState<string | null>(null);
  const body = proposal.body as unknown as ProposalBody;
  const myTurn = proposal.status === 'open' && party !== null && proposal.awaiting.includes(party);

  const decide = async (decision: 'approve' | 'reject') => {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await apiPost<unknown>(`/proposals/${encodeURIComponent(proposal.id)}/${decision}`);
      setDone(
        decisionText(
          answer,
          `${party ?? ''} ${decision === 'approve' ? 'approved' : 'rejected'} ${proposal.id}`,
        ),
      );
      onDecided();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article
      className="card proposal"
      data-testid={`proposal-${proposal.id}`}
      aria-labelledby={`p-${proposal.id}`}
    >
      <header className="tile-head">
        <h2 id={`p-${proposal.id}`}>{proposal.id}</h2>
        <span className="badge badge-neutral" data-testid={`proposal-status-${proposal.id}`}>
          {proposal.status}
        </span>
      </header>
      <p>
        {proposal.contract}: version {proposal.baseVersion} → {body.nextVersion ?? proposal.baseVersion + 1},
        priced on {proposal.period}, effective from {proposal.effectiveFrom}.
      </p>
      <p>
        Decided:{' '}
        {proposal.approvals.length === 0
          ? 'nobody yet'
          : proposal.approvals
              .map((a) => `${a.party} ${a.decision} (${a.decidedAt.slice(0, 16).replace('T', ' ')})`)
              .join('; ')}
        . Awaiting: {proposal.awaiting.length === 0 ? 'nobody' : proposal.awaiting.join(' and ')}.
      </p>
      <ErrorBanner error={error} />
      {done && (
        <p className="banner banner-info" role="status">
          {done}
        </p>
      )}
      {myTurn && !done && (
        <div className="actions">
          <button
            type="button"
            className="button-primary"
            disabled={busy}
            onClick={() => decide('approve')}
            data-testid={`approve-${proposal.id}`}
          >
            Approve as {party}
          </button>
          <button
            type="button"
            className="button-danger"
            disabled={busy}
            onClick={() => decide('reject')}
            data-testid={`reject-${proposal.id}`}
          >
            Reject as {party}
          </button>
        </div>
      )}
      {body?.triggers && (
        <ul className="arith-list" aria-label="Triggers that fired">
          {body.triggers
            .filter((t) => t.fired)
            .map((t) => (
              <li key={t.measure}>{t.arithmetic}</li>
            ))}
          {body.staffing && (
            <li>
              unit rate {body.staffing.currentRate} → {body.staffing.proposedRate} {body.staffing.currency}
              {body.staffing.ratio ? ` (cost per unit ratio ${body.staffing.ratio})` : ''}
            </li>
          )}
        </ul>
      )}
      {body?.triggers && (
        <details>
          <summary>Triggers, targets and rate arithmetic</summary>
          <ProposalDetails body={body} />
        </details>
      )}
    </article>
  );
}
