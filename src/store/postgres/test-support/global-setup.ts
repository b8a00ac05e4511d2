import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type LocalCluster, stopLocalCluster } from '../local-cluster.js';
import { type LocalServer, stopLocalServer } from '../local-server.js';

/**
 * vitest globalSetup: one folder per test run where the first test that needs PostgreSQL
 * starts the run's one server (test-server.ts), and the first that needs Citus the run's
 * one cluster (citus-server.ts); the teardown stops them and removes all. A run without
 * such tests starts nothing.
 */
export default function setup(project: TestProject): () => void {
  const runDir = mkdtempSync(join(tmpdir(), 'covenant-pgrun-'));
  project.provide('covenantPgRun', runDir);
  let done = false;
  const teardown = () => {
    if (done) return;
    done = true;
    const file = join(runDir, 'server.json');
    if (existsSync(file)) stopLocalServer(JSON.parse(readFileSync(file, 'utf8')) as LocalServer);
    const cluster = join(runDir, 'cluster.json');
    if (existsSync(cluster)) stopLocalCluster(JSON.parse(readFileSync(cluster, 'utf8')) as LocalCluster);
    rmSync(runDir, { recursive: true, force: true });
  };
  // An interrupted run still stops the server.
  process.once('exit', teardown);
  return teardown;
}

declare module 'vitest' {
  export interface ProvidedContext {
    covenantPgRun: string;
  }
}
