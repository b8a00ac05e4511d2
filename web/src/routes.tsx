import { useEffect } from 'react';
import { useT } from './lib/i18n';
import { ErrorBanner, Loading } from './components/error-banner';
import { navigate, type Route } from './lib/hash-route';
import { todayIso } from './lib/periods';
import { homeOf } from './lib/roles';
import type { ContractSummary, Me } from './lib/types';
import { useGet } from './lib/use-resource';
import { AgentPage } from './pages/agent-page';
import { AlertsPage } from './pages/alerts-page';
import { ExperimentsPage } from './pages/experiments-page';
import { AutomationPage } from './pages/automation-page';
import { AuditPage } from './pages/audit-page';
import { ContractsPage } from './pages/contracts-page';
import { DisputePage } from './pages/dispute-page';
import { DrilldownPage } from './pages/drilldown-page';
import { GlossaryPage } from './pages/glossary-page';
import { OperationsPage } from './pages/operations-page';
import { OverviewPage } from './pages/overview-page';
import { ProposalsPage } from './pages/proposals-page';
import { RenewalPage } from './pages/renewal-page';
import { RfpCreatePage } from './pages/rfp-create-page';
import { RfpListPage } from './pages/rfp-list-page';
import { RfpPage } from './pages/rfp-page';
import { RfpResponseForm } from './pages/rfp-response-form';
import { RfpScorePage } from './pages/rfp-score-page';
import { SettlementPage } from './pages/settlement-page';

/** `#/` and `#/login` once signed in: the role's home page. */
function Home({ me }: { me: Me }) {
  const needsContracts = me.user.role === 'vendor_manager';
  const contracts = useGet<ContractSummary[]>(needsContracts ? '/contracts' : null);
  const ready = !needsContracts || contracts.data !== undefined || contracts.error !== undefined;
  const t = useT();
  useEffect(() => {
    if (ready) navigate(homeOf(me.user, contracts.data, todayIso()), true);
  }, [ready, me.user, contracts.data]);
  return contracts.error ? <ErrorBanner error={contracts.error} /> : <Loading what={t('common.whatHome')} />;
}

export function Routes({ route, me }: { route: Route; me: Me }) {
  const t = useT();
  const [first, second, third] = route.segments;
  switch (first) {
    case undefined:
    case 'login':
      return <Home me={me} />;
    case 'contracts':
      if (second && third === 'settlement') return <SettlementPage route={route} contractId={second} />;
      if (second && third === 'alerts') return <AlertsPage contractId={second} />;
      if (second) return <OverviewPage route={route} contractId={second} />;
      return <ContractsPage />;
    case 'settlement':
      return <SettlementPage route={route} />;
    case 'drilldown':
      return <DrilldownPage route={route} />;
    case 'operations':
      return <OperationsPage route={route} me={me} />;
    case 'automation':
      return <AutomationPage route={route} />;
    case 'proposals':
      return <ProposalsPage me={me} />;
    case 'glossary':
      return <GlossaryPage />;
    case 'agent':
      return <AgentPage route={route} me={me} />;
    case 'renewal':
      return <RenewalPage route={route} />;
    case 'disputes':
      return <DisputePage {...(second ? { id: second } : {})} />;
    case 'audit':
      return <AuditPage />;
    case 'experiments':
      return <ExperimentsPage route={route} />;
    case 'rfp':
      if (second === 'new') return <RfpCreatePage me={me} />;
      if (second && third === 'respond') return <RfpResponseForm id={second} me={me} />;
      if (second && third === 'score') return <RfpScorePage id={second} me={me} />;
      if (second) return <RfpPage id={second} me={me} />;
      return <RfpListPage me={me} />;
    default:
      return (
        <section>
          <h1>{t('common.notFoundTitle')}</h1>
          <p>
            {t('common.notFound', { path: window.location.hash })} <a href="#/">{t('common.goHome')}</a>
          </p>
        </section>
      );
  }
}
