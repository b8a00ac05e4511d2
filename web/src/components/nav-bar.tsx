import { useEffect, useState } from 'react';
import type { MessageKey } from '../../../src/core/i18n/index';
import { chooseLanguage, hasMessage, LANGUAGE_NAMES, LANGUAGES, loadLanguage, useLanguage, useT } from '../lib/i18n';
import { navItems } from '../lib/roles';
import type { Me } from '../lib/types';
import { withRecordsItems } from '../pages/records-nav';
import { withRenewalItems } from '../pages/renewal-nav';
import { useSession } from '../state/session';
import { DataVersion } from './data-version';


/** The header: product, the tenant (and a demo's marker), the role's pages, who is signed in, the live marker and sign out. */
export function NavBar({ me, section }: { me: Me; section: string }) {
  const { logout } = useSession();
  const [busy, setBusy] = useState(false);
  const t = useT();
  const language = useLanguage();
  useEffect(() => {
    void loadLanguage().catch(() => undefined);
  }, []);
  const signOut = async () => {
    setBusy(true);
    try {
      await logout();
    } finally {
      setBusy(false);
      window.location.hash = '#/login';
    }
  };
  return (
    <header className="top">
      <div className="top-row">
        <a className="brand" href="#/">
          Covenant
        </a>
        <p className="tenant" data-testid="tenant-name">
          <span className="visually-hidden">{t('tenant.label')}: </span>
          {me.tenantName}
          {me.isDemo ? (
            <span className="demo-badge" title={t('tenant.demoTitle')} data-testid="demo-badge">
              {t('tenant.demo')}
            </span>
          ) : null}
        </p>
        <p className="who">
          {me.user.name} · {hasMessage(`role.${me.user.role}`) ? t(`role.${me.user.role}` as MessageKey) : me.user.role} · {me.user.organisation}
          {me.user.site ? ` · ${me.user.site}` : ''}
        </p>
        <DataVersion />
        <select
          className="language-select"
          aria-label={t('nav.language')}
          value={language}
          onChange={(e) => void chooseLanguage(e.target.value as (typeof LANGUAGES)[number])}
          data-testid="language-select"
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button-small"
          onClick={signOut}
          disabled={busy}
          data-testid="nav-logout"
        >
          {t('nav.logout')}
        </button>
      </div>
      <nav aria-label={t('nav.main')}>
        <ul className="nav-list">
          {withRecordsItems(withRenewalItems(navItems(me.user.role), me.user.role), me.user.role).map((item) => (
            <li key={item.id}>
              <a
                href={item.href}
                data-testid={`nav-${item.id}`}
                aria-current={section === item.section ? 'page' : undefined}
              >
                {hasMessage(`nav.${item.id}`) ? t(`nav.${item.id}` as MessageKey) : item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
