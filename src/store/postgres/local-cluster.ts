import pg from 'pg';
import { type LocalServer, startLocalServer, stopLocalServer } from './local-server.js';

/**
 * A throwaway Citus cluster on loopback, for tests and benchmarks: a coordinator and two
 * workers, each a local server (local-server.ts) with the citus library preloaded. The
 * extension must be installed for the machine's PostgreSQL (../shared/vendor/citus/
 * install.sh, which CI runs before the tests). Databases are created per use with
 * `createClusterDatabase`: the same database on every node, the extension in each, the
 * workers registered with the coordinator.
 */
export interface LocalCluster {
  coordinator: LocalServer;
  workers: LocalServer[];
}

/** Settings of every node; a caller's settings win. */
const CLUSTER_SETTINGS: Record<string, string> = {
  shared_preload_libraries: 'citus',
  // Few shards keep creating a schema quick (tests create one per file); a tenant is one shard anyway.
  'citus.shard_count': '8',
  max_connections: '200',
  max_prepared_transactions: '100',
  // Loopback only, trust authentication: no TLS between nodes (libpq would look for client certificates).
  'citus.node_conninfo': 'sslmode=disable',
};

export async function startLocalCluster(
  options: { settings?: Record<string, string>; workers?: number } = {},
): Promise<LocalCluster> {
  const settings = { ...CLUSTER_SETTINGS, ...options.settings };
  const started = await Promise.allSettled(
    Array.from({ length: 1 + (options.workers ?? 2) }, () => startLocalServer({ settings })),
  );
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    for (const s of servers) stopLocalServer(s);
    throw new Error(`a Citus node did not start: ${(failed as PromiseRejectedResult).reason}`);
  }
  const [coordinator, ...workers] = servers as [LocalServer, ...LocalServer[]];
  return { coordinator, workers };
}

export function stopLocalCluster(cluster: LocalCluster): void {
  for (const server of [cluster.coordinator, ...cluster.workers]) stopLocalServer(server);
}

async function onNode<T>(
  server: LocalServer,
  database: string,
  fn: (c: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    connectionString: `postgres://${server.superuser}@127.0.0.1:${server.port}/${database}`,
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return name;
};

/**
 * Roles (login, not superuser, row-level security binding them) on every node, as Citus
 * connects to the workers as the user of the session.
 */
export async function ensureClusterRoles(
  cluster: LocalCluster,
  roles: string[],
  password: string,
): Promise<void> {
  for (const server of [cluster.coordinator, ...cluster.workers]) {
    await onNode(server, 'postgres', async (client) => {
      for (const role of roles) {
        await client
          .query(
            `CREATE ROLE ${ident(role)} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '${password.replaceAll("'", "''")}'`,
          )
          .catch((error: { code?: string }) => {
            if (error.code !== '42710' && error.code !== '23505') throw error;
          });
      }
    });
  }
}

/**
 * A database of that name on every node, owned by `owner`, with the citus extension, the
 * coordinator's host set and the workers added: ready for the migrations to distribute.
 */
export async function createClusterDatabase(
  cluster: LocalCluster,
  name: string,
  owner: string,
): Promise<void> {
  const nodes = [cluster.coordinator, ...cluster.workers];
  await Promise.all(
    nodes.map(async (server) => {
      await onNode(server, 'postgres', (c) =>
        c.query(
          `CREATE DATABASE ${ident(name)} OWNER ${ident(owner)} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`,
        ),
      );
      await onNode(server, name, (c) => c.query('CREATE EXTENSION citus'));
    }),
  );
  await onNode(cluster.coordinator, name, async (c) => {
    await c.query('SELECT citus_set_coordinator_host($1, $2)', ['127.0.0.1', cluster.coordinator.port]);
    for (const worker of cluster.workers)
      await c.query('SELECT citus_add_node($1, $2)', ['127.0.0.1', worker.port]);
  });
}

export async function dropClusterDatabase(cluster: LocalCluster, name: string): Promise<void> {
  for (const server of [cluster.coordinator, ...cluster.workers]) {
    await onNode(server, 'postgres', (c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
  }
}
