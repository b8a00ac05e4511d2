import type { Command } from 'commander';
import { loadServeConfig } from './load-serve-config.js';
import { helpOf, SETTINGS, type ServeConfig } from './serve-config.js';

type ServeOptions = Partial<Record<keyof ServeConfig, string>> & { config?: string };

export function registerServe(program: Command): void {
  const command = program
    .command('serve')
    .description(
      'serve every tenant of the store: the HTTP API, its reference (/api/docs) and the dashboard; each setting is a flag, else an environment variable, else a key of covenant.yaml, else its default (docs/deploy.md)',
    )
    .option('--config <file>', 'settings file [default: ./covenant.yaml when present; env COVENANT_CONFIG]');
  for (const setting of SETTINGS) command.option(setting.flag, helpOf(setting));
  command.action(async (options: ServeOptions) => {
    const { config, sources, file } = await loadServeConfig(options);
    // Loaded here, so that usage errors answer before the server and the drivers load.
    const { runServer } = await import('../server/run-server.js');
    await runServer(config, { sources, file });
  });
}
