import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { StoreBusy, StoreError } from '../store.js';

/**
 * DuckDB lets one process at a time open a file (it holds an OS lock on it). Processes
 * that share a store (`covenant serve` and the CLI) take turns: one that finds the file
 * locked retries for a bounded time, and says so beside the file (`FILE.wanted`, its pid)
 * so that a server holding the file lets go as soon as its requests in flight end.
 */
export interface LockWait {
  /** Longest wait for a file another process holds (ms); 0 tries once. */
  waitMs: number;
  /** Called once, when the file has been held by another (`holder`, if DuckDB names it) for a second. */
  onWait?: (holder: number | null) => void;
  /** Stand back while another process says it wants the file (the server does, the CLI does not). */
  yieldToOthers?: boolean;
}

const RETRY_MS = 50;
const NOTICE_MS = 1000;
const REFRESH_MS = 1000;
const STALE_MS = 5000;

/** The pid DuckDB names in its lock error ("Conflicting lock is held in ... (PID 123)"). */
export function lockHolder(message: string): number | null {
  const match = /\(PID (\d+)\)/.exec(message);
  return match ? Number(match[1]) : null;
}

const isLockError = (error: unknown) => /Could not set lock/.test((error as Error).message ?? '');

export const wantedFile = (path: string) => `${path}.wanted`;

/**
 * The pid of another live process waiting for the file, or null. A waiter rewrites the file
 * every retry, so one older than a few seconds is left over (a waiter killed mid-wait) and
 * ignored, even if its pid now names another process.
 */
export function wantedByOther(path: string): number | null {
  let pid: number;
  try {
    if (Date.now() - statSync(wantedFile(path)).mtimeMs > STALE_MS) return null;
    pid = Number(readFileSync(wantedFile(path), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: alive but another user's; ESRCH: gone (a waiter killed mid-wait), ignored.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

function announce(path: string): void {
  try {
    writeFileSync(wantedFile(path), String(process.pid), { mode: 0o600 });
  } catch {
    // A read-only directory: the holder still lets go when idle, only later.
  }
}

function withdraw(path: string): void {
  try {
    if (readFileSync(wantedFile(path), 'utf8').trim() === String(process.pid)) rmSync(wantedFile(path));
  } catch {
    // Already gone, or another waiter's now.
  }
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Opens the DuckDB file, waiting up to `waitMs` while another process holds it. */
export async function openInstance(path: string, wait: LockWait): Promise<DuckDBInstance> {
  const started = Date.now();
  let holder: number | null = null;
  let announced = 0;
  let told = false;
  try {
    for (;;) {
      const other = wait.yieldToOthers ? wantedByOther(path) : null;
      if (other === null) {
        try {
          return await DuckDBInstance.create(path);
        } catch (error) {
          if (!isLockError(error)) throw openError(path, error);
          holder = lockHolder((error as Error).message);
        }
      } else holder = other;
      const waited = Date.now() - started;
      if (waited >= wait.waitMs) throw busy(path, holder, wait.waitMs);
      if (!wait.yieldToOthers && (!announced || Date.now() - announced >= REFRESH_MS)) {
        announced = Date.now();
        announce(path);
      }
      // A server lets go within a second; only a longer wait is worth a line on stderr.
      if (!told && waited >= NOTICE_MS) {
        told = true;
        wait.onWait?.(holder);
      }
      await pause(RETRY_MS);
    }
  } finally {
    if (announced > 0) withdraw(path);
  }
}

function openError(path: string, error: unknown): StoreError {
  return new StoreError(`cannot open DuckDB database ${path}: ${(error as Error).message.split('\n')[0]}`, {
    cause: error,
  });
}

function busy(path: string, holder: number | null, waitMs: number): StoreBusy {
  const who = holder === null ? 'another process' : `process ${holder}`;
  return new StoreBusy(
    `the store ${path} is held by ${who} (e.g. a long import, or a server busy with requests); ` +
      `waited ${Math.round(waitMs / 100) / 10} s: try again, or wait longer with COVENANT_DB_WAIT=SECONDS`,
    holder,
    5,
  );
}
