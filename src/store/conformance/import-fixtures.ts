import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportSession, Row, Store } from '../store.js';
import type { SuiteContext } from './suite-context.js';

/** Helpers of the import conformance tests (also used by the PostgreSQL rollup tests). */
export const write = (ctx: SuiteContext, name: string, text: string | Buffer) => {
  const file = join(ctx.dir(), name);
  writeFileSync(file, text);
  return file;
};

/** A query with one `$TENANT`, bound. */
export const rowsOf = (store: Store, text: string, tenant: string): Promise<Row[]> =>
  store.query({ text: text.replace('$TENANT', '?'), params: [tenant] });

/** The store, except that every import's write fails after its load SQL has run, inside the transaction. */
export function failingAfterWrite(store: Store): Store {
  return Object.assign(Object.create(store) as Store, {
    importSession: <T>(fn: (session: ImportSession) => Promise<T>) =>
      store.importSession((session) =>
        fn({
          ...session,
          progress: () => session.progress(),
          write: (tables, load) =>
            session.write(tables, async (target, names) => {
              await load(target, names);
              throw new Error('simulated failure after the load');
            }),
        }),
      ),
  });
}
