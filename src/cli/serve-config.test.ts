import { describe, expect, it } from 'vitest';
import { DEFAULT_DB } from '../store/open-store.js';
import { configFileOf, resolveServeConfig, SETTINGS } from './serve-config.js';
import { parseConfigFile } from './serve-config-file.js';

const resolve = (input: Parameters<typeof resolveServeConfig>[0]) => {
  const result = resolveServeConfig(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};

describe('covenant serve settings: flags > environment > covenant.yaml > default', () => {
  it('uses the defaults when nothing is set', () => {
    const { config, sources } = resolve({ flags: {}, env: {} });
    expect(config).toEqual({
      host: '127.0.0.1',
      port: 4600,
      publicUrl: null,
      trustProxy: [],
      logLevel: 'info',
      db: DEFAULT_DB,
      maxImportMb: 1024,
    });
    expect(new Set(Object.values(sources))).toEqual(new Set(['default']));
  });

  it('takes each setting from the highest source that sets it', () => {
    const { config, sources } = resolve({
      flags: { port: '8080' },
      env: { COVENANT_PORT: '9090', COVENANT_HOST: '0.0.0.0', COVENANT_TRUST_PROXY: '10.0.0.1, 10.0.0.2' },
      file: { port: 7070, host: '10.1.1.1', logLevel: 'debug', publicUrl: 'https://covenant.example.com' },
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      logLevel: 'debug',
      publicUrl: 'https://covenant.example.com',
      trustProxy: ['10.0.0.1', '10.0.0.2'],
    });
    expect(sources).toMatchObject({
      port: 'flag',
      host: 'env',
      logLevel: 'file',
      trustProxy: 'env',
      db: 'default',
    });
  });

  it('lets every setting come from each source alone', () => {
    for (const s of SETTINGS) {
      const text = s.key === 'publicUrl' ? 'https://a.example' : s.key === 'logLevel' ? 'warn' : '42';
      const fromFlag = resolve({ flags: { [s.key]: text }, env: {} });
      const fromEnv = resolve({ flags: {}, env: { [s.env]: text } });
      expect(fromFlag.sources[s.key], s.key).toBe('flag');
      expect(fromEnv.sources[s.key], s.env).toBe('env');
      expect(fromEnv.config[s.key]).toEqual(fromFlag.config[s.key]);
    }
  });

  it('treats an empty variable as unset (a blank line in an env file)', () => {
    const { config, sources } = resolve({ flags: {}, env: { COVENANT_PORT: '' }, file: { port: 7070 } });
    expect(config.port).toBe(7070);
    expect(sources.port).toBe('file');
  });

  it('reports every bad value at once, naming where it came from', () => {
    const result = resolveServeConfig({
      flags: { port: '70000' },
      env: { COVENANT_LOG_LEVEL: 'loud', COVENANT_PUBLIC_URL: 'covenant.example.com' },
    });
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.issues.map((i) => i.message);
    expect(messages).toEqual([
      '--port 70000: expected a whole number at least 0 and at most 65535',
      'COVENANT_PUBLIC_URL=covenant.example.com: expected a URL such as https://covenant.example.com',
      'COVENANT_LOG_LEVEL=loud: expected one of debug, info, warn, error',
    ]);
  });
});

describe('covenant.yaml', () => {
  it('reads the settings it names', () => {
    const parsed = parseConfigFile(
      'host: 0.0.0.0\nport: 8080\ntrustProxy: [10.0.0.1]\ndb: postgres://covenant@db/covenant\n',
      'covenant.yaml',
    );
    expect(parsed).toMatchObject({
      ok: true,
      value: { host: '0.0.0.0', port: 8080, trustProxy: ['10.0.0.1'], db: 'postgres://covenant@db/covenant' },
    });
  });

  it('reads an empty file as no settings', () => {
    expect(parseConfigFile('# nothing yet\n', 'covenant.yaml')).toMatchObject({ ok: true, value: {} });
  });

  it('reports every problem with its line, column and key', () => {
    const parsed = parseConfigFile(
      'host: 0.0.0.0\nport: "eighty"\nlogLevl: debug\npublicUrl: ftp://x\nlogLevel: loud\n',
      'covenant.yaml',
    );
    expect(parsed.ok).toBe(false);
    const issues = parsed.ok ? [] : parsed.issues;
    const at = (key: string) => issues.find((i) => i.path.includes(key));
    expect(at('port')).toMatchObject({ line: 2, file: 'covenant.yaml' });
    expect(at('port')?.message).toMatch(/whole number/);
    expect(at('logLevl')).toMatchObject({ line: 3, code: 'unknown_key' });
    expect(at('logLevl')?.message).toMatch(/did you mean logLevel/);
    expect(at('publicUrl')).toMatchObject({ line: 4 });
    expect(at('logLevel')).toMatchObject({ line: 5 });
  });

  it('reports a YAML syntax error and a file that is not a map with their line', () => {
    expect(parseConfigFile('port: [8080\n', 'c.yaml')).toMatchObject({
      ok: false,
      issues: [{ code: 'yaml_syntax', line: 2 }],
    });
    expect(parseConfigFile('- port\n', 'c.yaml')).toMatchObject({
      ok: false,
      issues: [{ code: 'not_a_map' }],
    });
  });

  it('is --config, else COVENANT_CONFIG, else ./covenant.yaml only when present', () => {
    const present = () => true;
    const absent = () => false;
    expect(configFileOf('a.yaml', { COVENANT_CONFIG: 'b.yaml' }, present)).toEqual({
      path: 'a.yaml',
      required: true,
    });
    expect(configFileOf(undefined, { COVENANT_CONFIG: 'b.yaml' }, absent)).toEqual({
      path: 'b.yaml',
      required: true,
    });
    expect(configFileOf(undefined, {}, present)).toEqual({ path: 'covenant.yaml', required: false });
    expect(configFileOf(undefined, {}, absent)).toBeNull();
  });
});
