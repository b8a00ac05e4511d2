import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ErrorBanner } from '../components/error-banner';
import { useT } from '../lib/i18n';
import { useSession } from '../state/session';
import { SingleSignOn, useSignInOptions } from './sign-in-options';

/**
 * The tenant's single sign-on links, then email and password (unless the tenant turned
 * passwords off); the error in words; on success the role's home page (routes.tsx Home).
 */
export function LoginPage({ expired }: { expired: boolean }) {
  const { login } = useSession();
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const options = useSignInOptions();

  useEffect(() => {
    if (!window.location.hash.startsWith('#/login')) window.history.replaceState(null, '', '#/login');
    emailRef.current?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await login(email.trim(), password);
      window.history.replaceState(null, '', '#/');
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <main id="main" className="main login">
      <h1>Covenant</h1>
      <p className="lede">{t('login.lede')}</p>
      {expired && !error && (
        <p className="banner banner-info" role="status">
          {t('login.expired')}
        </p>
      )}
      <SingleSignOn options={options} email={email} />
      {options?.passwordLogin !== false && (
        <form
          className="card login-form"
          onSubmit={submit}
          aria-labelledby="login-title"
          data-testid="login-form"
        >
          <h2 id="login-title">{t('login.title')}</h2>
          <ErrorBanner error={error} />
          <div className="field">
            <label htmlFor="login-email">{t('login.email')}</label>
            <input
              ref={emailRef}
              id="login-email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              data-testid="login-email"
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t('login.password')}</label>
            <input
              id="login-password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="login-password"
            />
          </div>
          <button type="submit" className="button-primary" disabled={busy} data-testid="login-submit">
            {busy ? t('login.busy') : t('login.submit')}
          </button>
        </form>
      )}
    </main>
  );
}
