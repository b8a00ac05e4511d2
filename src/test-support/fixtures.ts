import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { raw } from '../core/sql/fragment.js';
import { DuckDbStore } from '../store/duckdb/duckdb-store.js';
import type { Row, Store } from '../store/store.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** CI clones the repo with shared/ beside it, as the sessions have it. */
export const SHARED = resolve(REPO_ROOT, '../shared');

/** A temp folder removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'covenant-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function writeText(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

export const memoryStore = (): Promise<Store> => DuckDbStore.open(':memory:');

export const rows = (store: Store, text: string): Promise<Row[]> => store.query(raw(text));

export const INTERACTION_HEADER =
  'interaction_id,started_at,closed_at,channel,workflow,vendor,site,language,agent_id,customer_id,path,queue_seconds,handle_seconds,abandoned,resolved,csat,error,offer,revenue';

/** A valid interactions CSV line with overrides by column name. */
export function interaction(id: string, overrides: Record<string, string> = {}): string {
  const base: Record<string, string> = {
    interaction_id: id,
    started_at: '2026-03-02T09:15:00Z',
    closed_at: '',
    channel: 'chat',
    workflow: 'card_dispute',
    vendor: 'brightpath',
    site: 'lisbon',
    language: 'pt-PT',
    agent_id: 'a1',
    customer_id: 'c1',
    path: 'human',
    queue_seconds: '12',
    handle_seconds: '300',
    abandoned: 'false',
    resolved: 'true',
    csat: '5',
    error: '',
    offer: '',
    revenue: '',
    ...overrides,
  };
  return INTERACTION_HEADER.split(',')
    .map((name) => base[name] ?? '')
    .join(',');
}
