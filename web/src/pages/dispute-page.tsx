import { useState } from 'react';
import type { DisputeT } from '../../../src/server/api/records-schemas';
import { ErrorBanner, Loading } from '../components/error-banner';
import { apiPost, messageOf } from '../lib/api';
import { formatMoney } from '../lib/format';
import { hrefOf } from '../lib/hash-route';
import { partyOf } from '../lib/roles';
import { useGet } from '../lib/use-resource';
import { useMe } from '../state/session';

/** Disputes (#/disputes) and one dispute with its thread (#/disputes/D-12): answer, accept, reject, withdraw. */
export function DisputePage({ id }: { id?: string }) {
  return id ? <OneDispute id={id} /> : <DisputeList />;
}

function DisputeList() {
  const list = useGet<DisputeT[]>('/disputes');
  return (
    <section aria-labelledby="disputes-title">
      <h1 id="disputes-title">Disputes</h1>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {list.loading && <Loading what="disputes" />}
      {list.data && list.data.length === 0 && (
        <p data-testid="disputes-empty">
          No disputes. The client admin or the vendor manager opens one on an invoice line, from the
          settlement page of a stored settlement.
        </p>
      )}
      <ul>
        {(list.data ?? []).map((d) => (
          <li key={d.id}>
            <a href={hrefOf(['disputes', d.id])}>{d.id}</a> {d.contract} {d.period} {d.lineLabel}: {d.status}
          </li>
        ))}
      </ul>
    </section>
  );
}

function OneDispute({ id }: { id: string }) {
  const me = useMe();
  const party = partyOf(me.user.role);
  const dispute = useGet<DisputeT>(`/disputes/${encodeURIComponent(id)}`);
  const [text, setText] = useState('');
  const [agreed, setAgreed] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async (path: string, body: unknown) => {
    setError(null);
    try {
      await apiPost(`/disputes/${encodeURIComponent(id)}/${path}`, body);
      setText('');
      dispute.reload();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const d = dispute.data;
  const opener = d && party === d.openedParty;
  return (
    <section aria-labelledby="dispute-title">
      <h1 id="dispute-title">Dispute {id}</h1>
      <ErrorBanner error={dispute.error} onRetry={dispute.reload} />
      {dispute.loading && <Loading what="the dispute" />}
      {d && (
        <>
          <p data-testid="dispute-status" data-status={d.status}>
            {d.status} · {d.lineLabel} of <a href={hrefOf(['contracts', d.contract, 'settlement'], { period: d.period })}>{d.settlement}</a>{' '}
            · invoiced {formatMoney(d.lineAmount, d.currency)}, claimed {formatMoney(d.claimed, d.currency)}
            {d.agreed ? `, agreed ${formatMoney(d.agreed, d.currency)}` : ''}
            {d.appliedSettlement ? ` · adjustment on ${d.appliedSettlement}` : ''}
          </p>
          <ol className="thread">
            {(d.messages ?? []).map((m) => (
              <li key={m.no}>
                <strong>
                  {m.party} ({m.author}) {m.kind}
                </strong>{' '}
                <span className="muted">{m.at}</span>
                <p>{m.body}</p>
                {m.evidence.map((e) => (
                  <p key={e.sha256} className="muted">
                    evidence{' '}
                    <a href={`/api/disputes/${encodeURIComponent(id)}/messages/${m.no}/evidence/${encodeURIComponent(e.name)}`}>
                      {e.name}
                    </a>{' '}
                    ({e.bytes} bytes)
                  </p>
                ))}
              </li>
            ))}
          </ol>
          {party && d.status === 'open' && (
            <div className="dispute-actions">
              <textarea value={text} onChange={(e) => setText(e.target.value)} maxLength={4000} aria-label="Answer" />
              <button type="button" onClick={() => void act('comments', { message: text })}>Answer</button>
              {opener ? (
                <button type="button" onClick={() => void act('resolve', { outcome: 'withdrawn' })}>Withdraw</button>
              ) : (
                <>
                  <input value={agreed} onChange={(e) => setAgreed(e.target.value)} aria-label="Agreed amount" placeholder="agreed amount" />
                  <button type="button" onClick={() => void act('resolve', { outcome: 'accepted', agreed })}>Accept</button>
                  <button type="button" onClick={() => void act('resolve', { outcome: 'rejected' })}>Reject</button>
                </>
              )}
            </div>
          )}
          {error && <p role="alert">{error}</p>}
        </>
      )}
    </section>
  );
}
