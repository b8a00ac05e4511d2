import { z } from 'zod';
import { fail, type Issue, ok, type Result } from '../core/issues.js';
import { isRecord, readYaml, reportZodIssues } from '../core/yaml/index.js';

/**
 * The server's settings, each from a flag, an environment variable or covenant.yaml, in
 * that order of precedence, else its default (docs/deploy.md). Pure: the caller reads the
 * file and passes the environment, so the precedence is tested without a process.
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

interface Setting<K extends keyof ServeConfig = keyof ServeConfig> {
  key: K;
  /** Commander's flag spelling. */
  flag: string;
  env: string;
  help: string;
  fallback: ServeConfig[K];
  /** Validates a value from any source (the file's as written, a flag's or variable's as parsed). */
  schema: z.ZodType<ServeConfig[K]>;
  /** A flag's or variable's text as the value the schema checks. */
  fromText: (text: string) => unknown;
}

const PORT_RANGE = 'expected a whole number at least 0 and at most 65535';

const text = (what: string) =>
  z
    .string({ error: `expected ${what} (text)` })
    .trim()
    .min(1, `${what} is empty`)
    .max(2000);
const wholeNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : text);
const list = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** Every setting, in the order --help lists them; docs/api.md has the same table. */
export const SETTINGS: Setting[] = [
  setting({
    key: 'host',
    flag: '--host <address>',
    env: 'COVENANT_HOST',
    help: 'address to listen on (0.0.0.0: every interface)',
    fallback: '127.0.0.1',
    schema: text('an address'),
    fromText: (t) => t,
  }),
  setting({
    key: 'port',
    flag: '--port <port>',
    env: 'COVENANT_PORT',
    help: 'port to listen on (0-65535; 0: any free port)',
    fallback: 4600,
    // Worded as every other command's --port (cli/options.ts).
    schema: z.number({ error: PORT_RANGE }).int(PORT_RANGE).min(0, PORT_RANGE).max(65_535, PORT_RANGE),
    fromText: wholeNumber,
  }),
  setting({
    key: 'publicUrl',
    flag: '--public-url <url>',
    env: 'COVENANT_PUBLIC_URL',
    help: 'the URL users reach (https: Secure cookies and HSTS)',
    fallback: null,
    schema: z
      .string({ error: 'expected a URL such as https://covenant.example.com' })
      .regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, 'expected a URL such as https://covenant.example.com'),
    fromText: (t) => t.trim(),
  }),
  setting({
    key: 'trustProxy',
    flag: '--trust-proxy <addresses>',
    env: 'COVENANT_TRUST_PROXY',
    help: 'comma-separated reverse proxy addresses whose X-Forwarded-For is believed',
    fallback: [],
    schema: z.array(text('a proxy address'), { error: 'expected a list of addresses' }).max(100),
    fromText: list,
  }),
  setting({
    key: 'logLevel',
    flag: '--log-level <level>',
    env: 'COVENANT_LOG_LEVEL',
    help: `least severe log lines written: ${LOG_LEVELS.join(', ')}`,
    fallback: 'info',
    schema: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }),
    fromText: (t) => t.trim().toLowerCase(),
  }),
  setting({
    key: 'db',
    flag: '--db <location>',
    env: 'COVENANT_DB',
    help: 'the store: a DuckDB file, or postgres://user@host/database',
    // DEFAULT_DB of store/open-store.ts (not imported: it loads the database drivers).
    fallback: './covenant.duckdb',
    schema: text('a DuckDB file or a postgres:// URL'),
    fromText: (t) => t,
  }),
  setting({
    key: 'maxImportMb',
    flag: '--max-import-mb <mb>',
    env: 'COVENANT_MAX_IMPORT_MB',
    help: 'largest upload the import route takes, in MiB',
    fallback: 1024,
    schema: z
      .number({ error: 'expected a positive number of MiB' })
      .positive('expected a positive number of MiB')
      .max(1024 * 1024),
    fromText: (t) => (/^\s*\d+(\.\d+)?\s*$/.test(t) ? Number(t) : t),
  }),
];

function setting<K extends keyof ServeConfig>(s: Setting<K>): Setting {
  return s as unknown as Setting;
}

/** The file's schema: every setting optional, nothing else (a misspelt key is an error). */
export const CONFIG_FILE_SCHEMA = z.strictObject(
  Object.fromEntries(SETTINGS.map((s) => [s.key, s.schema.optional()])) as Record<
    keyof ServeConfig,
    z.ZodOptional<z.ZodType>
  >,
);

/** covenant.yaml's settings, or every problem with its line and column. */
export function parseConfigFile(source: string, file: string): Result<Partial<ServeConfig>> {
  const yaml = readYaml(source, file);
  if (!yaml.ok) return yaml;
  const { js, rep } = yaml.value;
  // An empty file (or only comments) sets nothing.
  if (js === null || js === undefined) return ok({});
  if (!isRecord(js)) {
    rep.node('not_a_map', [], `${file} is a YAML map of settings: ${SETTINGS.map((s) => s.key).join(', ')}`);
    return fail(rep.issues);
  }
  const parsed = CONFIG_FILE_SCHEMA.safeParse(js);
  if (!parsed.success) reportZodIssues(parsed.error, CONFIG_FILE_SCHEMA, js, rep);
  return rep.issues.length > 0 || !parsed.success
    ? fail(rep.issues)
    : ok(parsed.data as Partial<ServeConfig>);
}

export interface Resolved {
  config: ServeConfig;
  sources: Record<keyof ServeConfig, Source>;
}

/** Flags (as typed) win over the environment, which wins over the file; every bad value is reported. */
export function resolveServeConfig(input: {
  flags: Partial<Record<keyof ServeConfig, string>>;
  env: Record<string, string | undefined>;
  file?: Partial<ServeConfig>;
}): Result<Resolved> {
  const config: Record<string, unknown> = {};
  const sources: Record<string, Source> = {};
  const issues: Issue[] = [];
  for (const s of SETTINGS) {
    const flag = input.flags[s.key];
    const variable = input.env[s.env];
    const [source, value, label] =
      flag !== undefined
        ? (['flag', s.fromText(flag), `${s.flag.split(' ')[0]} ${flag}`] as const)
        : variable !== undefined && variable !== ''
          ? (['env', s.fromText(variable), `${s.env}=${variable}`] as const)
          : input.file?.[s.key] !== undefined
            ? (['file', input.file[s.key], ''] as const)
            : (['default', s.fallback, ''] as const);
    sources[s.key] = source;
    if (source === 'default') {
      config[s.key] = value;
      continue;
    }
    const checked = s.schema.safeParse(value);
    if (!checked.success) {
      const message = checked.error.issues[0]?.message ?? 'invalid';
      issues.push({ code: 'invalid', path: [s.key], message: `${label}: ${message}` });
      continue;
    }
    config[s.key] = checked.data;
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

/** `--port <port>  port to listen on ... [default: 4600, env: COVENANT_PORT, file: port]` */
export const helpOf = (s: Setting) => {
  const fallback = Array.isArray(s.fallback) ? s.fallback.join(',') || 'none' : (s.fallback ?? 'none');
  return `${s.help} [default: ${fallback}; env ${s.env}; covenant.yaml: ${s.key}]`;
};
