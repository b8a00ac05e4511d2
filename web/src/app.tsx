import { useEffect } from 'react';
import type { MessageKey } from '../../src/core/i18n/index';
import { Loading } from './components/error-banner';
import { NavBar } from './components/nav-bar';
import { useHashRoute } from './lib/hash-route';
import { useT } from './lib/i18n';
import { LoginPage } from './pages/login-page';
import { Routes } from './routes';
import { CatalogProvider } from './state/catalog';
import { LiveProvider } from './state/live';
import { SessionProvider, useSession } from './state/session';

/** The document title per section, so a screen reader hears where a route change went. */
const TITLES: Record<string, MessageKey> = {
  contracts: 'nav.contracts',
  drilldown: 'nav.drilldown',
  operations: 'nav.operations',
  automation: 'nav.automation',
  settlement: 'nav.settlement',
  proposals: 'nav.proposals',
  glossary: 'nav.glossary',
  agent: 'nav.agent',
  disputes: 'nav.disputes',
  audit: 'nav.audit',
  renewal: 'nav.renewal',
  rfp: 'nav.rfp',
  experiments: 'nav.experiments',
};

function Shell() {
  const { state } = useSession();
  const route = useHashRoute();
  const t = useT();
  const section = route.segments[2] === 'settlement' ? 'settlement' : (route.segments[0] ?? '');
  useEffect(() => {
    const key = TITLES[section];
    const page = state.status === 'signed_in' ? (key ? t(key) : '') : t('login.title');
    document.title = page ? `${page} · Covenant` : 'Covenant';
  }, [section, state.status, t]);
  if (state.status === 'loading')
    return (
      <main id="main" className="main">
        <Loading what={t('common.whatSession')} />
      </main>
    );
  if (state.status === 'anonymous') return <LoginPage expired={state.expired} />;
  return (
    <CatalogProvider>
      <LiveProvider enabled>
        <button type="button" className="skip-link" onClick={skipToMain}>
          {t('nav.skip')}
        </button>
        <NavBar me={state.me} section={section} />
        <main id="main" className="main" tabIndex={-1}>
          <Routes route={route} me={state.me} />
        </main>
      </LiveProvider>
    </CatalogProvider>
  );
}

/** The skip link moves focus without touching the hash (the hash is the route). */
function skipToMain() {
  document.getElementById('main')?.focus();
}

export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}
