import type { Sql } from '../core/sql/fragment.js';
import { keepMeasurements } from '../query/report-memo.js';
import type { Store } from '../store/store.js';

/**
 * A read-through view of a store for one report: a statement already answered (same SQL,
 * same bound values) is answered from memory. The scorecard measures the same quarter for
 * its outcomes and again for its invoices, and a measured baseline for every period; each
 * such statement now runs once. Only for reads within one report: writes pass through and
 * clear it, and it is dropped with the report.
 */
export function memoStore(store: Store): Store {
  const answers = new Map<string, Promise<unknown[]>>();
  const keyOf = (s: Sql) => `${s.text}\u0000${JSON.stringify(s.params)}`;
  const clear = () => {
    answers.clear();
    measured.clear();
  };
  const memo: Store = {
    dialect: store.dialect,
    location: store.location,
    query<T>(statement: Sql): Promise<T[]> {
      const key = keyOf(statement);
      let answer = answers.get(key);
      if (!answer) {
        answer = store.query<T>(statement);
        answers.set(key, answer);
        answer.catch(() => answers.delete(key));
      }
      return answer as Promise<T[]>;
    },
    run(statement: Sql) {
      clear();
      return store.run(statement);
    },
    transaction: (fn) => {
      clear();
      return store.transaction(fn);
    },
    importSession: (fn) => store.importSession(fn),
    withSession: (scope, fn) => store.withSession(scope, fn),
    close: () => store.close(),
  };
  // Measurements too (query/report-memo.ts): the term and its quarters measured once.
  const measured = keepMeasurements(memo, store);
  return memo;
}
