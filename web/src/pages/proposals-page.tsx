import { ErrorBanner, Loading } from '../components/error-banner';
import { partyOf } from '../lib/roles';
import type { Me, Proposal } from '../lib/types';
import { useGet } from '../lib/use-resource';
import { ProposalCard } from './proposal-card';
import { useT } from '../lib/i18n';

const ORDER: Record<string, number> = { open: 0, applied: 1, rejected: 2 };

/** Recalibration proposals, open ones first; approve or reject only for the party whose turn it is. */
export function ProposalsPage({ me }: { me: Me }) {
  const proposals = useGet<Proposal[]>('/proposals');
  const t = useT();
  const party = partyOf(me.user.role);
  const list = [...(proposals.data ?? [])].sort(
    (a, b) => (ORDER[a.status] ?? 9) - (ORDER[b.status] ?? 9) || b.id.localeCompare(a.id),
  );
  return (
    <section aria-labelledby="proposals-title">
      <h1 id="proposals-title">{t('proposals.title')}</h1>
      <p className="muted">
        {party ? t('proposals.decideAs', { party }) : t('proposals.readOnly')}
      </p>
      <ErrorBanner error={proposals.error} onRetry={proposals.reload} />
      {proposals.loading && <Loading what={t('proposals.what')} />}
      {proposals.data && list.length === 0 && <p>{t('proposals.none')}</p>}
      {list.map((p) => (
        <ProposalCard key={p.id} proposal={p} party={party} onDecided={proposals.reload} />
      ))}
    </section>
  );
}
