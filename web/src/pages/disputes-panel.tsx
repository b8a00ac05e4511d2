import { useState } from 'react';
import type { DisputeT, StoredSettlementsT } from '../../../src/server/api/records-schemas';
import { ErrorBanner } from '../components/error-banner';
import { apiPost, messageOf } from '../lib/api';
import { formatMoney } from '../lib/format';
import { hrefOf } from '../lib/hash-route';
import { isClientRole, partyOf } from '../lib/roles';
import { useGet } from '../lib/use-resource';
import { useMe } from '../state/session';
import { useT } from '../lib/i18n';

/**
 * On the settlement page: a badge with the contract period's disputes, the adjustments a
 * settlement of the period carries (accepted disputes of earlier periods), and a form to
 * dispute a line of a stored settlement (client admin or vendor manager).
 */
export function DisputesPanel(props: { contractId: string; period: string }) {
  const me = useMe();
  // Team leads and agents see no invoices' disputes (docs/api.md).
  return isClientRole(me.user.role) || me.user.role === 'vendor_manager' ? <Panel {...props} /> : null;
}

function Panel({ contractId, period }: { contractId: string; period: string }) {
  const me = useMe();
  const disputes = useGet<DisputeT[]>(`/disputes?contract=${encodeURIComponent(contractId)}`);
  const records = useGet<StoredSettlementsT>(
    `/contracts/${encodeURIComponent(contractId)}/settlements?period=${encodeURIComponent(period)}`,
  );
  const here = (disputes.data ?? []).filter((d) => d.period === period);
  const open = here.filter((d) => d.status === 'open').length;
  const adjustments = (records.data?.adjustments ?? []) as { id: string; label: string; amount: string }[];
  const stored = records.data?.settlements ?? [];
  const party = partyOf(me.user.role);
  const t = useT();
  return (
    <div className="card" data-testid="disputes-panel">
      <h2>
        {t('nav.disputes')}{' '}
        <span className={`badge badge-${open > 0 ? 'warn' : 'neutral'}`} data-testid="dispute-badge" data-open={open}>
          {t('disputes.badge', { count: here.length, open })}
        </span>
      </h2>
      <ErrorBanner error={disputes.error ?? records.error} />
      {here.length > 0 && (
        <ul>
          {here.map((d) => (
            <li key={d.id}>
              <a href={hrefOf(['disputes', d.id])}>{d.id}</a>{' '}
              {t('disputes.item', {
                line: d.lineLabel,
                status: d.status,
                claimed: formatMoney(d.claimed, d.currency),
              })}
              {d.agreed ? `, ${t('disputes.agreed', { amount: formatMoney(d.agreed, d.currency) })}` : ''}
            </li>
          ))}
        </ul>
      )}
      {adjustments.length > 0 && (
        <>
          <h3>{t('disputes.adjustments')}</h3>
          <ul data-testid="dispute-adjustments">
            {adjustments.map((a) => (
              <li key={a.id}>
                {a.label}: {a.amount}
              </li>
            ))}
          </ul>
        </>
      )}
      {party && stored.length > 0 && <OpenDispute settlements={stored} onOpened={disputes.reload} />}
    </div>
  );
}

function OpenDispute({
  settlements,
  onOpened,
}: {
  settlements: StoredSettlementsT['settlements'];
  onOpened: () => void;
}) {
  const latest = settlements.at(-1);
  const [settlement, setSettlement] = useState(latest?.id ?? '');
  const lines = settlements.find((s) => s.id === settlement)?.lines ?? [];
  const [line, setLine] = useState('');
  const [claimed, setClaimed] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const t = useT();
  const submit = async () => {
    setError(null);
    try {
      await apiPost('/disputes', { settlement, line: line || lines[0]?.id, claimed, reason });
      setClaimed('');
      setReason('');
      onOpened();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <form
      className="dispute-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t('disputes.openTitle')}</h3>
      <label>
        {t('nav.settlement')}{' '}
        <select value={settlement} onChange={(e) => setSettlement(e.target.value)}>
          {settlements.map((s) => (
            <option key={s.id} value={s.id}>
              {s.id}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('settle.line')}{' '}
        <select value={line} onChange={(e) => setLine(e.target.value)} data-testid="dispute-line">
          {lines.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label} ({l.amount})
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('disputes.claimed')} <input value={claimed} onChange={(e) => setClaimed(e.target.value)} required maxLength={40} />
      </label>{' '}
      <label>
        {t('disputes.reason')} <input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={4000} />
      </label>{' '}
      <button type="submit">{t('disputes.open')}</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
