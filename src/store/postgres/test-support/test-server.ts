import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type LocalServer, startLocalServer, stopLocalServer } from '../local-server.js';
import { PostgresStore } from '../postgres-store.js';
import './global-setup.js';

/**
 * PostgreSQL for tests, with no manual step: COVENANT_TEST_PG_URL (a superuser URL) when
 * given, else the test run's one local server, started by the first test file that asks
 * (the others wait for it) and stopped by the run's teardown (global-setup.ts). Each test
 * file gets databases of its own.
 */

/** The non-superuser role that owns the databases and runs migrations (FORCE RLS binds it). */
export const OWNER_ROLE = 'covenant_owner';
/** The application's role: not the owner; row-level security applies to it. */
export const APP_ROLE = 'covenant_app';
export const TEST_PASSWORD = 'covenant-test';
const PASSWORD = TEST_PASSWORD;

let server: Promise<string> | undefined;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A superuser URL to the `postgres` database of the run's server. */
export function serverUrl(): Promise<string> {
  server ??= locate();
  return server;
}

async function locate(): Promise<string> {
  const external = process.env.COVENANT_TEST_PG_URL;
  if (external) return external;
  const runDir = inject('covenantPgRun') as string | undefined;
  if (!runDir) {
    // No globalSetup (a test run without the project's config): a server for this process.
    const own = await startLocalServer();
    process.once('exit', () => stopLocalServer(own));
    return superUrl(own);
  }
  const file = join(runDir, 'server.json');
  const failed = join(runDir, 'server.error');
  try {
    mkdirSync(join(runDir, 'starting'));
  } catch {
    // Another test file starts it: wait for its description (or its failure).
    for (let waited = 0; waited < 180_000; waited += 100) {
      if (existsSync(file)) return superUrl(JSON.parse(readFileSync(file, 'utf8')) as LocalServer);
      if (existsSync(failed)) {
        throw new Error(`the test PostgreSQL server did not start: ${readFileSync(failed, 'utf8')}`);
      }
      await sleep(100);
    }
    throw new Error('timed out waiting for the test PostgreSQL server');
  }
  try {
    const started = await startLocalServer();
    writeFileSync(`${file}.tmp`, JSON.stringify(started));
    renameSync(`${file}.tmp`, file);
    return superUrl(started);
  } catch (error) {
    writeFileSync(failed, (error as Error).message);
    throw error;
  }
}

const superUrl = (s: LocalServer) => `postgres://${s.superuser}@127.0.0.1:${s.port}/postgres`;

function withLogin(url: string, user: string, password: string | null, database: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = password === null ? '' : encodeURIComponent(password);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

async function asSuperuser<T>(fn: (client: pg.Client) => Promise<T>, database = 'postgres'): Promise<T> {
  const base = await serverUrl();
  const client = new pg.Client({
    connectionString: withLogin(base, new URL(base).username, new URL(base).password || null, database),
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function ensureRole(client: pg.Client, role: string): Promise<void> {
  try {
    await client.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '${PASSWORD}'`);
  } catch (error) {
    // Another test file made it first (duplicate_object, or the catalog's unique index).
    const code = (error as { code?: string }).code;
    if (code !== '42710' && code !== '23505') throw error;
  }
}

export interface TestDatabase {
  name: string;
  /** As the owner role: migrations, imports, the conformance suite. */
  ownerUrl: string;
  /** As the application role (not the owner). */
  appUrl: string;
  drop(): Promise<void>;
}

let databases = 0;

/** A fresh, empty database (C collation, as DuckDB compares text byte by byte) owned by the owner role. */
export async function createTestDatabase(): Promise<TestDatabase> {
  databases += 1;
  const name = `covenant_${process.pid}_${databases}_${Math.random().toString(36).slice(2, 8)}`;
  await asSuperuser(async (client) => {
    await ensureRole(client, OWNER_ROLE);
    await ensureRole(client, APP_ROLE);
    await client.query(
      `CREATE DATABASE ${name} OWNER ${OWNER_ROLE} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`,
    );
  });
  const base = await serverUrl();
  return {
    name,
    ownerUrl: withLogin(base, OWNER_ROLE, PASSWORD, name),
    appUrl: withLogin(base, APP_ROLE, PASSWORD, name),
    drop: () =>
      asSuperuser((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

/** A migrated store in a fresh database, as the owner role; `drop` closes it and removes the database. */
export async function openTestStore(): Promise<{
  store: PostgresStore;
  db: TestDatabase;
  drop(): Promise<void>;
}> {
  const db = await createTestDatabase();
  const store = await PostgresStore.open(db.ownerUrl);
  return {
    store,
    db,
    drop: async () => {
      await store.close();
      await db.drop();
    },
  };
}
