import { existsSync, readFileSync } from 'node:fs';
import { UserError } from '../core/issues.js';
import { configFileOf, type Resolved, resolveServeConfig, type ServeConfig } from './serve-config.js';

/** The settings of `covenant serve` from its flags, the environment and covenant.yaml (serve-config.ts). */
export async function loadServeConfig(
  flags: Partial<Record<keyof ServeConfig, string>> & { config?: string },
  env: Record<string, string | undefined> = process.env,
): Promise<Resolved & { file: string | null }> {
  const { config: named, ...settings } = flags;
  const found = configFileOf(named, env, existsSync);
  let file: Partial<ServeConfig> = {};
  if (found) {
    let text: string;
    try {
      text = readFileSync(found.path, 'utf8');
    } catch (error) {
      throw new UserError(`cannot read the settings file ${found.path}: ${(error as Error).message}`);
    }
    // Loaded only for a file: the yaml and zod modules would cost a usage error its quick answer.
    const { parseConfigFile } = await import('./serve-config-file.js');
    const parsed = parseConfigFile(text, found.path);
    if (!parsed.ok) throw new UserError(`${found.path}: not a valid settings file`, parsed.issues);
    file = parsed.value;
  }
  const resolved = resolveServeConfig({ flags: settings, env, file });
  if (!resolved.ok) throw new UserError('invalid server settings', resolved.issues);
  return { ...resolved.value, file: found?.path ?? null };
}
