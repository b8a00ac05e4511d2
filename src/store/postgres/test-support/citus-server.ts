import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';
import { REPO_ROOT } from '../../../test-support/fixtures.js';
import {
  createClusterDatabase,
  dropClusterDatabase,
  ensureClusterRoles,
  type LocalCluster,
  startLocalCluster,
  stopLocalCluster,
} from '../local-cluster.js';
import { PostgresStore } from '../postgres-store.js';
import { APP_ROLE, OWNER_ROLE, TEST_PASSWORD } from './test-server.js';
import './global-setup.js';

/**
 * A Citus cluster for tests, with no manual step: the test run's one cluster (a
 * coordinator and two workers on loopback, local-cluster.ts), started by the first test
 * file that asks (the others wait for it) and stopped by the run's teardown
 * (global-setup.ts). The extension is installed first if missing (../shared/vendor/citus/
 * install.sh; .ci/run runs it too). Each test file gets databases of its own.
 */
let cluster: Promise<LocalCluster> | undefined;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function testCluster(): Promise<LocalCluster> {
  cluster ??= locate();
  return cluster;
}

async function locate(): Promise<LocalCluster> {
  const runDir = inject('covenantPgRun') as string | undefined;
  if (!runDir) {
    ensureCitusInstalled();
    const own = await startLocalCluster();
    process.once('exit', () => stopLocalCluster(own));
    return ready(own);
  }
  const file = join(runDir, 'cluster.json');
  const failed = join(runDir, 'cluster.error');
  try {
    mkdirSync(join(runDir, 'starting-cluster'));
  } catch {
    for (let waited = 0; waited < 180_000; waited += 100) {
      if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalCluster;
      if (existsSync(failed))
        throw new Error(`the test Citus cluster did not start: ${readFileSync(failed, 'utf8')}`);
      await sleep(100);
    }
    throw new Error('timed out waiting for the test Citus cluster');
  }
  try {
    ensureCitusInstalled();
    const started = await ready(await startLocalCluster());
    writeFileSync(`${file}.tmp`, JSON.stringify(started));
    renameSync(`${file}.tmp`, file);
    return started;
  } catch (error) {
    writeFileSync(failed, (error as Error).message);
    throw error;
  }
}

/**
 * The extension for the server binaries the cluster runs, installed by the vendored script
 * when missing (idempotent; it needs root and apt, as CI has).
 */
function ensureCitusInstalled(): void {
  const pgConfig = process.env.PG_CONFIG ?? '/usr/lib/postgresql/15/bin/pg_config';
  const lib = spawnSync(pgConfig, ['--pkglibdir'], { encoding: 'utf8' }).stdout?.trim();
  if (lib && existsSync(join(lib, 'citus.so'))) return;
  const script = join(
    process.env.COVENANT_SHARED ?? resolve(REPO_ROOT, '../shared'),
    'vendor/citus/install.sh',
  );
  const run = spawnSync('bash', [script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`installing Citus (${script}) failed: ${run.stderr || run.stdout}`);
}

async function ready(started: LocalCluster): Promise<LocalCluster> {
  await ensureClusterRoles(started, [OWNER_ROLE, APP_ROLE], TEST_PASSWORD);
  return started;
}

let databases = 0;

/** A migrated store in a fresh database of the cluster, as the owner role (not a superuser). */
export async function openCitusTestStore(): Promise<{
  store: PostgresStore;
  cluster: LocalCluster;
  url: string;
  /** As the application's role (not the owner). */
  appUrl: string;
  drop(): Promise<void>;
}> {
  const c = await testCluster();
  databases += 1;
  const name = `covenant_citus_${process.pid}_${databases}`;
  await createClusterDatabase(c, name, OWNER_ROLE);
  const url = `postgres://${OWNER_ROLE}:${TEST_PASSWORD}@127.0.0.1:${c.coordinator.port}/${name}`;
  const store = await PostgresStore.open(url);
  return {
    store,
    cluster: c,
    url,
    appUrl: `postgres://${APP_ROLE}:${TEST_PASSWORD}@127.0.0.1:${c.coordinator.port}/${name}`,
    drop: async () => {
      await store.close();
      await dropClusterDatabase(c, name);
    },
  };
}
