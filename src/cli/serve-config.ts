import { fail, type Issue, ok, type Result } from '../core/issues.js';

/**
 * The server's settings, each from a flag, an environment variable or covenant.yaml, in
 * that order of precedence, else its default (docs/deploy.md). Pure: the caller reads the
 * file and passes the environment, so the precedence is tested without a process. Free of
 * zod and yaml (serve-config-file.ts reads the file), so a bad flag answers at once.
 */

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ServeConfig {
  host: string;
  port: number;
  publicUrl: string | null;
  trustProxy: string[];
  logLevel: LogLevel;
  db: string;
  maxImportMb: number;
}

export type Source = 'flag' | 'env' | 'file' | 'default';

/** A value from any source (the file's as written, a flag's or variable's as parsed), checked. */
export type Checked<T> = { value: T } | { error: string };

export interface Setting<K extends keyof ServeConfig = keyof ServeConfig> {
  key: K;
  /** Commander's flag spelling. */
  flag: string;
  env: string;
  help: string;
  fallback: ServeConfig[K];
  check: (value: unknown) => Checked<ServeConfig[K]>;
  /** A flag's or variable's text as the value `check` takes. */
  fromText: (text: string) => unknown;
}

const PORT_RANGE = 'expected a whole number at least 0 and at most 65535';

const text =
  (what: string) =>
  (value: unknown): Checked<string> => {
    if (typeof value !== 'string') return { error: `expected ${what} (text)` };
    const trimmed = value.trim();
    if (trimmed === '') return { error: `${what} is empty` };
    return trimmed.length > 2000 ? { error: `${what} is longer than 2000 characters` } : { value: trimmed };
  };
const numberText = (t: string) => (/^\s*\d+(\.\d+)?\s*$/.test(t) ? Number(t) : t);
const list = (t: string) =>
  t
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** Every setting, in the order --help lists them; docs/api.md and docs/deploy.md have the same table. */
export const SETTINGS: Setting[] = [
  setting({
    key: 'host',
    flag: '--host <address>',
    env: 'COVENANT_HOST',
    help: 'address to listen on (0.0.0.0: every interface)',
    fallback: '127.0.0.1',
    check: text('an address'),
    fromText: (t) => t,
  }),
  setting({
    key: 'port',
    flag: '--port <port>',
    env: 'COVENANT_PORT',
    help: 'port to listen on (0-65535; 0: any free port)',
    fallback: 4600,
    // Worded as every other command's --port (cli/options.ts).
    check: (v) =>
      typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 65_535
        ? { value: v }
        : { error: PORT_RANGE },
    fromText: (t) => (/^\s*\d+\s*$/.test(t) ? Number(t) : t),
  }),
  setting({
    key: 'publicUrl',
    flag: '--public-url <url>',
    env: 'COVENANT_PUBLIC_URL',
    help: 'the URL users reach (https: Secure cookies and HSTS)',
    fallback: null,
    check: (v) =>
      typeof v === 'string' && /^https?:\/\/[^\s/]+(\/\S*)?$/.test(v.trim()) && v.length <= 2000
        ? { value: v.trim() }
        : { error: 'expected a URL such as https://covenant.example.com' },
    fromText: (t) => t,
  }),
  setting({
    key: 'trustProxy',
    flag: '--trust-proxy <addresses>',
    env: 'COVENANT_TRUST_PROXY',
    help: 'comma-separated reverse proxy addresses whose X-Forwarded-For is believed',
    fallback: [],
    check: (v) => {
      const items = typeof v === 'string' ? list(v) : v;
      if (!Array.isArray(items) || items.length > 100)
        return { error: 'expected a list of at most 100 addresses' };
      const bad = items.find((item) => typeof item !== 'string' || !/^[^\s,]{1,100}$/.test(item));
      return bad === undefined ? { value: items as string[] } : { error: `not an address: ${String(bad)}` };
    },
    fromText: list,
  }),
  setting({
    key: 'logLevel',
    flag: '--log-level <level>',
    env: 'COVENANT_LOG_LEVEL',
    help: `least severe log lines written: ${LOG_LEVELS.join(', ')}`,
    fallback: 'info',
    check: (v) =>
      (LOG_LEVELS as readonly unknown[]).includes(v)
        ? { value: v as LogLevel }
        : { error: `expected one of ${LOG_LEVELS.join(', ')}` },
    fromText: (t) => t.trim().toLowerCase(),
  }),
  setting({
    key: 'db',
    flag: '--db <location>',
    env: 'COVENANT_DB',
    help: 'the store: a DuckDB file, or postgres://user@host/database',
    // DEFAULT_DB of store/open-store.ts (not imported: it loads the database drivers).
    fallback: './covenant.duckdb',
    check: text('a DuckDB file or a postgres:// URL'),
    fromText: (t) => t,
  }),
  setting({
    key: 'maxImportMb',
    flag: '--max-import-mb <mb>',
    env: 'COVENANT_MAX_IMPORT_MB',
    help: 'largest upload the import route takes, in MiB',
    fallback: 1024,
    check: (v) =>
      typeof v === 'number' && v > 0 && v <= 1024 * 1024
        ? { value: v }
        : { error: 'expected a positive number of MiB (at most 1048576)' },
    fromText: numberText,
  }),
];

function setting<K extends keyof ServeConfig>(s: Setting<K>): Setting {
  return s as unknown as Setting;
}

export interface Resolved {
  config: ServeConfig;
  sources: Record<keyof ServeConfig, Source>;
}

/** Flags (as typed) win over the environment, which wins over the file; every bad value is reported. */
export function resolveServeConfig(input: {
  flags: Partial<Record<keyof ServeConfig, string>>;
  env: Record<string, string | undefined>;
  /** Values the file set, already checked (serve-config-file.ts). */
  file?: Partial<ServeConfig>;
}): Result<Resolved> {
  const config: Record<string, unknown> = {};
  const sources: Record<string, Source> = {};
  const issues: Issue[] = [];
  for (const s of SETTINGS) {
    const flag = input.flags[s.key];
    const variable = input.env[s.env];
    const fromFile = input.file?.[s.key];
    if (flag === undefined && (variable === undefined || variable === '')) {
      sources[s.key] = fromFile === undefined ? 'default' : 'file';
      config[s.key] = fromFile === undefined ? s.fallback : fromFile;
      continue;
    }
    const [source, given, label] =
      flag !== undefined
        ? (['flag', flag, `${s.flag.split(' ')[0]} ${flag}`] as const)
        : (['env', variable as string, `${s.env}=${variable}`] as const);
    const checked = s.check(s.fromText(given));
    if ('error' in checked) {
      issues.push({ code: 'invalid', path: [s.key], message: `${label}: ${checked.error}` });
      continue;
    }
    sources[s.key] = source;
    config[s.key] = checked.value;
  }
  if (issues.length > 0) return fail(issues);
  return ok({ config: config as unknown as ServeConfig, sources: sources as Resolved['sources'] });
}

/** --config, else COVENANT_CONFIG, else ./covenant.yaml when it exists; null: no file. */
export function configFileOf(
  flag: string | undefined,
  env: Record<string, string | undefined>,
  exists: (path: string) => boolean,
): { path: string; required: boolean } | null {
  const named = flag ?? (env.COVENANT_CONFIG || undefined);
  if (named !== undefined) return { path: named, required: true };
  return exists('covenant.yaml') ? { path: 'covenant.yaml', required: false } : null;
}

/** `port to listen on ... [default: 4600; env COVENANT_PORT; covenant.yaml: port]` */
export const helpOf = (s: Setting) => {
  const fallback = Array.isArray(s.fallback) ? s.fallback.join(',') || 'none' : (s.fallback ?? 'none');
  return `${s.help} [default: ${fallback}; env ${s.env}; covenant.yaml: ${s.key}]`;
};
