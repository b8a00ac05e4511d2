import { useEffect, useState } from 'react';
import { apiGet } from '../lib/api';
import { useT } from '../lib/i18n';

/** GET /api/auth/providers: the tenant's identity providers and whether passwords work (docs/sign-in.md). */
export interface SignInOptions {
  tenant: string;
  passwordLogin: boolean;
  providers: { id: string; name: string; start: string }[];
}

/**
 * The tenant's options: the tenant is the login URL's `?tenant=` (a tenant's own login
 * link), else the server's. Until they arrive (or if they cannot), the password form.
 */
export function useSignInOptions(): SignInOptions | null {
  const [options, setOptions] = useState<SignInOptions | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const tenant = new URLSearchParams(window.location.search).get('tenant');
    const query = tenant ? `?tenant=${encodeURIComponent(tenant)}` : '';
    apiGet<SignInOptions>(`/auth/providers${query}`, controller.signal).then(setOptions, () => undefined);
    return () => controller.abort();
  }, []);
  return options;
}

/** One "Sign in with …" link per provider: a full-page navigation to the provider and back. */
export function SingleSignOn({ options, email }: { options: SignInOptions | null; email: string }) {
  const t = useT();
  if (!options || options.providers.length === 0) return null;
  const hint = email.includes('@') ? `?email=${encodeURIComponent(email)}` : '';
  return (
    <section className="card login-sso">
      {!options.passwordLogin && <p>{t('login.ssoOnly')}</p>}
      {options.providers.map((p) => (
        <a key={p.id} className="sso-link" href={`${p.start}${hint}`} data-testid={`sso-${p.id}`}>
          {t('login.sso', { name: p.name })}
        </a>
      ))}
      {options.passwordLogin && <p className="sso-or">{t('login.passwordBelow')}</p>}
    </section>
  );
}
