import { useState } from 'react';
import { ErrorBanner } from '../components/error-banner';
import { apiPost } from '../lib/api';
import { formatDate, formatDateTime } from '../lib/format';
import { type T, useT } from '../lib/i18n';
import type { Proposal, ProposalBody } from '../lib/types';
import { ProposalDetails } from './proposal-details';

interface Props {
  proposal: Proposal;
  /** The party the user decides as (null: reads only). */
  party: 'client' | 'vendor' | null;
  onDecided: () => void;
}

/** A decision's answer in words: the server answers with the proposal after the decision. */
const decisionText = (t: T, answer: unknown, fallback: string): string => {
  if (answer && typeof answer === 'object' && 'status' in answer && 'awaiting' in answer) {
    const { status, awaiting } = answer as Pick<Proposal, 'status' | 'awaiting'>;
    const waiting = awaiting.length > 0 ? t('proposals.waiting', { parties: partiesText(t, awaiting) }) : '';
    return t('proposals.decided', { what: fallback, status, waiting });
  }
  return `${fallback}.`;
};

/** "client and vendor" in the language. */
const partiesText = (t: T, parties: readonly string[]): string =>
  parties.map((party) => t('disputes.party', { party })).join(` ${t('proposals.and')} `);

/** One recalibration proposal: who decided, who is awaited, the triggers and arithmetic, and the buttons for the party whose turn it is. */
export function ProposalCard({ proposal, party, onDecided }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState<string | null>(null);
  const t = useT();
  const body = proposal.body as unknown as ProposalBody;
  const myTurn = proposal.status === 'open' && party !== null && proposal.awaiting.includes(party);

  const decide = async (decision: 'approve' | 'reject') => {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await apiPost<unknown>(`/proposals/${encodeURIComponent(proposal.id)}/${decision}`);
      setDone(
        decisionText(
          t,
          answer,
          t('proposals.decision', { party: party ?? '', decision, id: proposal.id }),
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
          {t('disputes.status', { status: proposal.status })}
        </span>
      </header>
      <p>
        {t('proposals.versions', {
          contract: proposal.contract,
          from: proposal.baseVersion,
          to: body.nextVersion ?? proposal.baseVersion + 1,
          period: proposal.period,
          date: formatDate(proposal.effectiveFrom),
        })}
      </p>
      <p>
        {t('proposals.decidedBy')}{' '}
        {proposal.approvals.length === 0
          ? t('proposals.nobodyYet')
          : proposal.approvals
              .map(
                (a) =>
                  `${t('proposals.approval', { party: a.party, decision: a.decision })} (${formatDateTime(a.decidedAt)})`,
              )
              .join('; ')}
        . {t('proposals.awaiting')}{' '}
        {proposal.awaiting.length === 0 ? t('proposals.nobody') : partiesText(t, proposal.awaiting)}.
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
            {t('proposals.approveAs', { party: party ?? '' })}
          </button>
          <button
            type="button"
            className="button-danger"
            disabled={busy}
            onClick={() => decide('reject')}
            data-testid={`reject-${proposal.id}`}
          >
            {t('proposals.rejectAs', { party: party ?? '' })}
          </button>
        </div>
      )}
      {body?.triggers && (
        <ul className="arith-list" aria-label={t('proposals.fired')}>
          {body.triggers
            .filter((trigger) => trigger.fired)
            .map((trigger) => (
              <li key={trigger.measure}>{trigger.arithmetic}</li>
            ))}
          {body.staffing && (
            <li>
              {t('proposals.rate', {
                from: body.staffing.currentRate,
                to: body.staffing.proposedRate,
                currency: body.staffing.currency,
              })}
              {body.staffing.ratio ? ` ${t('proposals.ratio', { ratio: body.staffing.ratio })}` : ''}
            </li>
          )}
        </ul>
      )}
      {body?.triggers && (
        <details>
          <summary>{t('proposals.details')}</summary>
          <ProposalDetails body={body} />
        </details>
      )}
    </article>
  );
}
