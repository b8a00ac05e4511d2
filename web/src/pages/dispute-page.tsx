import { useState } from 'react';
import type { DisputeT } from '../../../src/server/api/records-schemas';
import { ErrorBanner, Loading } from '../components/error-banner';
import { apiPost, messageOf } from '../lib/api';
import { formatDateTime, formatMoney } from '../lib/format';
import { hrefOf } from '../lib/hash-route';
import { partyOf } from '../lib/roles';
import { useGet } from '../lib/use-resource';
import { useMe } from '../state/session';
import { useT } from '../lib/i18n';

/** Disputes (#/disputes) and one dispute with its thread (#/disputes/D-12): answer, accept, reject, withdraw. */
export function DisputePage({ id }: { id?: string }) {
  return id ? <OneDispute id={id} /> : <DisputeList />;
}

function DisputeList() {
  const list = useGet<DisputeT[]>('/disputes');
  const t = useT();
  return (
    <section aria-labelledby="disputes-title">
      <h1 id="disputes-title">{t('nav.disputes')}</h1>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {list.loading && <Loading what={t('disputes.what')} />}
      {list.data && list.data.length === 0 && (
        <p data-testid="disputes-empty">
          {t('disputes.empty')}
        </p>
      )}
      <ul>
        {(list.data ?? []).map((d) => (
          <li key={d.id}>
            <a href={hrefOf(['disputes', d.id])}>{d.id}</a> {d.contract} {d.period} {d.lineLabel}:{' '}
            {t('disputes.status', { status: d.status })}
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
  const t = useT();
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
      <h1 id="dispute-title">{t('disputes.title', { id })}</h1>
      <ErrorBanner error={dispute.error} onRetry={dispute.reload} />
      {dispute.loading && <Loading what={t('disputes.whatOne')} />}
      {d && (
        <>
          <p data-testid="dispute-status" data-status={d.status}>
            {t('disputes.status', { status: d.status })} · {t('disputes.lineOf', { line: d.lineLabel })}{' '}
            <a href={hrefOf(['contracts', d.contract, 'settlement'], { period: d.period })}>{d.settlement}</a> ·{' '}
            {t('disputes.amounts', {
              invoiced: formatMoney(d.lineAmount, d.currency),
              claimed: formatMoney(d.claimed, d.currency),
            })}
            {d.agreed ? `, ${t('disputes.agreed', { amount: formatMoney(d.agreed, d.currency) })}` : ''}
            {d.appliedSettlement ? ` · ${t('disputes.applied', { settlement: d.appliedSettlement })}` : ''}
          </p>
          <ol className="thread">
            {(d.messages ?? []).map((m) => (
              <li key={m.no}>
                <strong>
                  {t('disputes.party', { party: m.party })} ({m.author}) {t('disputes.kind', { kind: m.kind })}
                </strong>{' '}
                <span className="muted">{formatDateTime(m.at)}</span>
                <p>{m.body}</p>
                {m.evidence.map((e) => (
                  <p key={e.sha256} className="muted">
                    {t('disputes.evidence')}{' '}
                    <a href={`/api/disputes/${encodeURIComponent(id)}/messages/${m.no}/evidence/${encodeURIComponent(e.name)}`}>
                      {e.name}
                    </a>{' '}
                    ({t('disputes.bytes', { count: e.bytes })})
                  </p>
                ))}
              </li>
            ))}
          </ol>
          {party && d.status === 'open' && (
            <div className="dispute-actions">
              <textarea value={text} onChange={(e) => setText(e.target.value)} maxLength={4000} aria-label={t('disputes.answer')} />
              <button type="button" onClick={() => void act('comments', { message: text })}>{t('disputes.answer')}</button>
              {opener ? (
                <button type="button" onClick={() => void act('resolve', { outcome: 'withdrawn' })}>{t('disputes.withdraw')}</button>
              ) : (
                <>
                  <input value={agreed} onChange={(e) => setAgreed(e.target.value)} aria-label={t('disputes.agreedAmount')} placeholder={t('disputes.agreedAmount')} />
                  <button type="button" onClick={() => void act('resolve', { outcome: 'accepted', agreed })}>{t('disputes.accept')}</button>
                  <button type="button" onClick={() => void act('resolve', { outcome: 'rejected' })}>{t('disputes.reject')}</button>
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
