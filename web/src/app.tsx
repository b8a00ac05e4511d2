import { useEffect } from 'react';
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
const TITLES: Record<string, string> = {
  contracts: 'Contracts',
  drilldown: 'Drill-down',
  operations: 'Remote operations',
  automation: 'Automation',
  settlement: 'Settlement',
  proposals: 'Proposals',
  glossary: 'Glossary',
  agent: 'My numbers',
  disputes: 'Disputes',
  audit: 'Audit log',
};

function Shell() {
  const { state } = useSession();
  const route = useHashRoute();
  const t = useT();
  const section = route.segments[2] === 'settlement' ? 'settlement' : (route.segments[0] ?? '');
  useEffect(() => {
    const page = state.status === 'signed_in' ? (TITLES[section] ?? '') : 'Sign in';
    document.title = page ? `${page} · Covenant` : 'Covenant';
  }, [section, state.status]);
  if (state.status === 'loading')
    return (
      <main id="main" className="main">
        <Loading what="your session" />
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
