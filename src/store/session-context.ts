import { AsyncLocalStorage } from 'node:async_hooks';
import type { SessionScope } from './store.js';

/**
 * The session (Store.withSession) the running code is inside, for code below the routes
 * that must know whose session it measures for without being handed it: the persisted
 * measurements (query/measurement-cache.ts) serve only the client's sessions. Set by the
 * stores' withSession, so it holds on DuckDB too, where the session is the store itself.
 */
const current = new AsyncLocalStorage<SessionScope>();

export const inSessionScope = <T>(scope: SessionScope, fn: () => Promise<T>): Promise<T> =>
  current.run(scope, fn);

/** The innermost session's scope, or undefined outside any session (the CLI's owner store). */
export const sessionScopeNow = (): SessionScope | undefined => current.getStore();
