import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiFailure, apiGet, apiPost, setCsrfToken, UNAUTHORIZED_EVENT } from '../lib/api';
import type { Me } from '../lib/types';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'signed_in'; me: Me };

interface Session {
  state: SessionState;
  login: (email: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for pages rendered behind the login. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed_in') throw new Error('useMe without a session');
  return state.me;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const signIn = useCallback((me: Me) => {
    setCsrfToken(me.csrfToken);
    setState({ status: 'signed_in', me });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    apiGet<Me>('/me', controller.signal).then(signIn, (error: unknown) => {
      if (controller.signal.aborted) return;
      setState({ status: 'anonymous', expired: false });
      if (!(error instanceof ApiFailure)) console.error(error);
    });
    const onUnauthorized = () =>
      setState((prev) => (prev.status === 'signed_in' ? { status: 'anonymous', expired: true } : prev));
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => {
      controller.abort();
      window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    };
  }, [signIn]);

  const login = useCallback(
    async (email: string, password: string) => {
      const me = await apiPost<Me>('/login', { email, password });
      signIn(me);
      return me;
    },
    [signIn],
  );

  const logout = useCallback(async () => {
    try {
      await apiPost<unknown>('/logout');
    } finally {
      setCsrfToken('');
      setState({ status: 'anonymous', expired: false });
    }
  }, []);

  const value = useMemo(() => ({ state, login, logout }), [state, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
