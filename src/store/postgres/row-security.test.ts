import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeVersion } from '../../contracts/contract-store.js';
import { parseContract } from '../../core/contract/parse-contract.js';
import type { DatasetName } from '../../core/dataset/types.js';
import { raw, type Sql, sql } from '../../core/sql/fragment.js';
import { importFile } from '../../ingest/import-file.js';
import { CUSTOMERS, interactionsCsv, MARCH } from '../../query/test-data.js';
import { REPO_ROOT, tempDir } from '../../test-support/fixtures.js';
import { OPERATIONS_DATA } from '../../test-support/metric-data.js';
import { SECURED_TABLES } from '../migrations/row-security.js';
import type { Row, Store } from '../store.js';
import { PostgresStore } from './postgres-store.js';
import { grantApplicationRole } from './roles.js';
import { openTestStore, type TestDatabase } from './test-support/test-server.js';

/**
 * Row-level security, tested with hand-written SQL through the application's role (not
 * the tables' owner): a vendor's session reads and writes only the vendor's rows of its
 * client's tenant, whatever the SQL asks; without a session the role reads nothing.
 * Data: the March contacts (brightpath and coastline) in northwind and southwind, the
 * operations roster (brightpath and otherco agents), and a contract per vendor.
 */
let owner: PostgresStore;
let app: PostgresStore;
let db: TestDatabase;
let dropAll: () => Promise<void>;
const dir = tempDir();

const contract = (file: string) => {
  const source = readFileSync(resolve(REPO_ROOT, 'contracts', file), 'utf8');
  const parsed = parseContract(source, file);
  if (!parsed.ok) throw new Error(`${file} must parse`);
  return { contract: parsed.value, source, origin: 'test' };
};

beforeAll(async () => {
  const opened = await openTestStore();
  owner = opened.store;
  db = opened.db;
  const load = async (tenant: string, dataset: DatasetName, text: string) => {
    const file = join(dir, `${tenant}-${dataset}.csv`);
    writeFileSync(file, text);
    await importFile(owner, dataset, file, { tenant });
  };
  for (const tenant of ['northwind', 'southwind']) {
    await load(tenant, 'interactions', interactionsCsv(MARCH));
    await load(tenant, 'customers', CUSTOMERS);
  }
  for (const [dataset, lines] of Object.entries(OPERATIONS_DATA)) {
    await load('northwind', dataset as DatasetName, `${lines.join('\n')}\n`);
  }
  await owner.transaction(async (tx) => {
    await storeVersion(tx, 'northwind', contract('northwind-brightpath-2026.yaml'));
    await storeVersion(tx, 'northwind', contract('northwind-coastline-2026.yaml'));
    for (const id of ['northwind-brightpath-2026', 'northwind-coastline-2026']) {
      await tx.run(sql`INSERT INTO settlements VALUES ('northwind', ${`${id}/2026-Q1/final/1`}, ${id}, '2026-Q1',
        'final', CAST('100.00' AS NUMERIC(18,4)), 'EUR', CAST('{}' AS JSON), CURRENT_TIMESTAMP)`);
    }
  });
  await grantApplicationRole(owner, 'covenant_app');
  app = await PostgresStore.open(db.appUrl, { migrate: false, maxConnections: 1 });
  dropAll = async () => {
    await app?.close();
    await opened.drop();
  };
});
afterAll(() => dropAll?.());

const vendorSession = { tenant: 'northwind', vendor: 'brightpath' };
const column = async (store: Store, statement: Sql, name: string) =>
  (await store.query<Row>(statement)).map((row) => row[name]);
const inSession = <T>(scope: { tenant: string; vendor?: string }, fn: (s: Store) => Promise<T>) =>
  app.withSession(scope, fn);

describe("a vendor's session (the application's role, hand-written SQL)", () => {
  it("reads only the vendor's rows of its client's tenant", async () => {
    await inSession(vendorSession, async (s) => {
      expect(await column(s, raw('SELECT DISTINCT vendor FROM interactions ORDER BY 1'), 'vendor')).toEqual([
        'brightpath',
      ]);
      expect(await column(s, raw('SELECT DISTINCT tenant FROM interactions ORDER BY 1'), 'tenant')).toEqual([
        'northwind',
      ]);
      expect(
        await column(s, raw("SELECT count(*) AS n FROM interactions WHERE vendor = 'coastline'"), 'n'),
      ).toEqual([0]);
      // Asking for another tenant by name finds nothing either.
      expect(
        await column(s, raw("SELECT count(*) AS n FROM interactions WHERE tenant = 'southwind'"), 'n'),
      ).toEqual([0]);
    });
  });

  it("reads the agent-keyed tables through the agents' vendor, and only its customers and contracts", async () => {
    await inSession(vendorSession, async (s) => {
      expect(await column(s, raw('SELECT DISTINCT vendor FROM agents ORDER BY 1'), 'vendor')).toEqual([
        'brightpath',
      ]);
      // o1 is otherco's: its schedules, states and sessions are not there.
      for (const table of ['schedules', 'agent_states', 'coaching_sessions']) {
        const agents = await column(s, raw(`SELECT DISTINCT agent_id FROM ${table} ORDER BY 1`), 'agent_id');
        expect(agents.length, table).toBeGreaterThan(0);
        expect(agents, table).not.toContain('o1');
      }
      expect(await column(s, raw('SELECT DISTINCT vendor FROM vacancies'), 'vendor')).toEqual(['brightpath']);
      // c4 was served by brightpath (i06) too; every customer in scope had a brightpath contact.
      expect(await column(s, raw('SELECT customer_id FROM customers ORDER BY 1'), 'customer_id')).toEqual([
        'c1',
        'c2',
        'c3',
        'c4',
        'c5',
        'c6',
        'c7',
      ]);
      expect(await column(s, raw('SELECT contract_id FROM contract_versions'), 'contract_id')).toEqual([
        'northwind-brightpath-2026',
      ]);
      expect(await column(s, raw('SELECT contract_id FROM settlements'), 'contract_id')).toEqual([
        'northwind-brightpath-2026',
      ]);
      // Import bookkeeping (rejects hold raw values of every vendor's rows) is the client's.
      expect(await column(s, raw('SELECT count(*) AS n FROM import_batches'), 'n')).toEqual([0]);
      expect(await column(s, raw('SELECT count(*) AS n FROM import_rejects'), 'n')).toEqual([0]);
    });
    await inSession({ tenant: 'northwind', vendor: 'coastline' }, async (s) => {
      expect(await column(s, raw('SELECT customer_id FROM customers ORDER BY 1'), 'customer_id')).toEqual([
        'c4',
      ]);
      expect(await column(s, raw('SELECT count(*) AS n FROM agents'), 'n')).toEqual([0]);
    });
  });

  it("cannot write another vendor's rows", async () => {
    const rls = /row-level security/;
    // A new row of another vendor is refused.
    await expect(
      inSession(vendorSession, (s) =>
        s.run(
          raw(`INSERT INTO interactions (tenant, interaction_id, started_at, channel, workflow, vendor, site, path,
          abandoned, resolved, error, offer, revenue, batch_id)
          VALUES ('northwind', 'forged', '2026-03-03T10:00:00Z', 'chat', 'card_dispute', 'coastline', 'krakow', 'human',
          false, true, false, 'none', 0, 1)`),
        ),
      ),
    ).rejects.toThrow(rls);
    // Its own row moved to another vendor, or into another tenant, is refused.
    await expect(
      inSession(vendorSession, (s) =>
        s.run(raw("UPDATE interactions SET vendor = 'coastline' WHERE interaction_id = 'i01'")),
      ),
    ).rejects.toThrow(rls);
    await expect(
      inSession(vendorSession, (s) =>
        s.run(raw("UPDATE interactions SET tenant = 'southwind' WHERE interaction_id = 'i01'")),
      ),
    ).rejects.toThrow(rls);
    // A schedule for another vendor's agent is refused.
    await expect(
      inSession(vendorSession, (s) =>
        s.run(
          raw(
            `INSERT INTO schedules VALUES ('northwind', 'o1', 'work', '2026-03-05T08:00:00Z', '2026-03-05T09:00:00Z', NULL, 1)`,
          ),
        ),
      ),
    ).rejects.toThrow(rls);
    // Another vendor's rows cannot be changed or deleted: they are not there to touch.
    const touched = await inSession(vendorSession, async (s) => [
      ...(await s.query(
        raw("UPDATE interactions SET csat = 1 WHERE vendor = 'coastline' RETURNING interaction_id"),
      )),
      ...(await s.query(raw("DELETE FROM interactions WHERE vendor = 'coastline' RETURNING interaction_id"))),
      ...(await s.query(raw("DELETE FROM agents WHERE vendor = 'otherco' RETURNING agent_id"))),
      ...(await s.query(raw("DELETE FROM interactions WHERE tenant = 'southwind' RETURNING interaction_id"))),
    ]);
    expect(touched).toEqual([]);
    expect(
      await owner.query(
        raw(
          "SELECT interaction_id, csat FROM interactions WHERE tenant = 'northwind' AND vendor = 'coastline'",
        ),
      ),
    ).toEqual([{ interaction_id: 'i07', csat: null }]);
    expect(
      await column(owner, raw("SELECT count(*) AS n FROM agents WHERE vendor = 'otherco'"), 'n'),
    ).toEqual([1]);
  });

  it('writes its own rows', async () => {
    const updated = await inSession(vendorSession, (s) =>
      s.query(raw("UPDATE interactions SET csat = 4 WHERE interaction_id = 'i01' RETURNING vendor, csat")),
    );
    expect(updated).toEqual([{ vendor: 'brightpath', csat: 4 }]);
  });
});

describe("the client's session and no session", () => {
  it("a client's session reads every vendor of its tenant, and no other tenant", async () => {
    await inSession({ tenant: 'southwind' }, async (s) => {
      expect(await column(s, raw('SELECT DISTINCT vendor FROM interactions ORDER BY 1'), 'vendor')).toEqual([
        'brightpath',
        'coastline',
      ]);
      expect(await column(s, raw('SELECT DISTINCT tenant FROM interactions'), 'tenant')).toEqual([
        'southwind',
      ]);
      expect(await column(s, raw('SELECT count(*) AS n FROM agents'), 'n')).toEqual([0]);
    });
  });

  it('the application role outside a session reads nothing, and the settings end with the session', async () => {
    // One connection: the query after the session runs where the session's settings were.
    await inSession(vendorSession, async (s) => {
      expect((await s.query(raw('SELECT count(*) AS n FROM interactions')))[0]).toEqual({ n: 15 });
    });
    for (const table of SECURED_TABLES) {
      expect(await column(app, raw(`SELECT count(*) AS n FROM ${table}`), 'n'), table).toEqual([0]);
    }
    expect(
      await app.query(
        raw(
          "SELECT current_setting('covenant.tenant', true) AS tenant, current_setting('covenant.vendor', true) AS vendor",
        ),
      ),
    ).toEqual([{ tenant: '', vendor: '' }]);
  });

  it('takes the settings as bound values: a vendor name with SQL in it matches nothing', async () => {
    await inSession({ tenant: 'northwind', vendor: "brightpath' OR true --" }, async (s) => {
      expect(await column(s, raw('SELECT count(*) AS n FROM interactions'), 'n')).toEqual([0]);
    });
  });

  it('binds the owner too (FORCE): every secured table forces row-level security', async () => {
    const rows = await owner.query<{ relname: string; forced: boolean; enabled: boolean }>(
      sql`SELECT relname, relforcerowsecurity AS forced, relrowsecurity AS enabled FROM pg_class
          WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r' AND relname = ANY(${SECURED_TABLES})`,
    );
    expect(rows).toHaveLength(SECURED_TABLES.length);
    expect(rows.filter((r) => !r.forced || !r.enabled)).toEqual([]);
    await owner.withSession(vendorSession, async (s) => {
      expect(await column(s, raw('SELECT DISTINCT vendor FROM interactions'), 'vendor')).toEqual([
        'brightpath',
      ]);
    });
  });

  it('is not the owner of the tables, nor a superuser', async () => {
    const [me] = await app.query(
      raw(`SELECT current_user AS me, r.rolsuper AS super, r.rolbypassrls AS bypass,
        (SELECT tableowner FROM pg_tables WHERE tablename = 'interactions') AS owner
        FROM pg_roles r WHERE r.rolname = current_user`),
    );
    expect(me).toEqual({ me: 'covenant_app', super: false, bypass: false, owner: 'covenant_owner' });
    // It opens the store like the owner: the schema is up to date, so it migrates nothing.
    const opened = await PostgresStore.open(db.appUrl);
    expect(await column(opened, raw('SELECT count(*) AS n FROM interactions'), 'n')).toEqual([0]);
    await opened.close();
    const client = new pg.Client({ connectionString: db.appUrl });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT count(*)::int AS n FROM interactions');
      expect(rows).toEqual([{ n: 0 }]);
    } finally {
      await client.end();
    }
  });
});

describe('a session’s settings', () => {
  it('turn JIT compilation off (it compiled the adherence statement for 1.15 s to run it for 0.27 s)', async () => {
    for (const scope of [{ tenant: 'northwind' }, vendorSession])
      expect(await inSession(scope, (s) => column(s, raw('SHOW jit'), 'jit'))).toEqual(['off']);
  });
});
