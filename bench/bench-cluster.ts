import {
  createClusterDatabase,
  ensureClusterRoles,
  startLocalCluster,
  stopLocalCluster,
} from '../src/store/postgres/local-cluster.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';

/**
 * A local 3-node Citus cluster for a benchmark: `fn` gets a store on the coordinator, in a
 * database owned by a role that is not a superuser (row-level security in force); the
 * store is closed and the cluster stopped afterwards.
 */
export async function withBenchCluster<T>(
  settings: Record<string, string> | undefined,
  fn: (store: PostgresStore) => Promise<T>,
): Promise<T> {
  const cluster = await startLocalCluster(settings ? { settings } : {});
  try {
    await ensureClusterRoles(cluster, ['covenant_owner'], 'bench');
    await createClusterDatabase(cluster, 'covenant_bench', 'covenant_owner');
    const store = await PostgresStore.open(
      `postgres://covenant_owner:bench@127.0.0.1:${cluster.coordinator.port}/covenant_bench`,
    );
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  } finally {
    stopLocalCluster(cluster);
  }
}
