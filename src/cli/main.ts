import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { EXIT_CODES_HELP, ExitCode, reportError } from './context.js';

type Register = (program: Command) => void;

/**
 * Every command, by name, loaded on use: a command's module (and what it imports: the
 * drivers, the engine) loads only when that command runs, so a usage error answers at once.
 * `--help` and `--version` load them all, in this order.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  import: async () => (await import('./import-command.js')).registerImport,
  status: async () => (await import('./status-command.js')).registerStatus,
  query: async () => (await import('./query-command.js')).registerQuery,
  metrics: async () => (await import('./metrics-command.js')).registerMetrics,
  metric: async () => (await import('./metric-command.js')).registerMetric,
  mapping: async () => (await import('./mapping-command.js')).registerMapping,
  contract: async () => (await import('./contract-command.js')).registerContract,
  settle: async () => (await import('./settle-command.js')).registerSettle,
  recalibrate: async () => (await import('./recalibrate-command.js')).registerRecalibrate,
  proposal: async () => (await import('./proposal-command.js')).registerProposal,
  backtest: async () => (await import('./backtest-command.js')).registerBacktest,
  renewal: async () => (await import('./renewal-command.js')).registerRenewal,
  rfp: async () => (await import('./rfp-command.js')).registerRfp,
  staffing: async () => (await import('./staffing-command.js')).registerStaffing,
  serve: async () => (await import('./serve-command.js')).registerServe,
  user: async () => (await import('./user-command.js')).registerUser,
  tenant: async () => (await import('./tenant-command.js')).registerTenant,
  demo: async () => (await import('./demo-command.js')).registerDemo,
  start: async () => (await import('./start-command.js')).registerStart,
  dispute: async () => (await import('./dispute-command.js')).registerDispute,
  audit: async () => (await import('./audit-command.js')).registerAudit,
  webhook: async () => (await import('./webhook-command.js')).registerWebhook,
  notify: async () => (await import('./notify-command.js')).registerNotify,
  experiment: async () => (await import('./experiment-command.js')).registerExperiment,
  alerts: async () => (await import('./alerts-command.js')).registerAlerts,
};

const program = new Command()
  .name('covenant')
  .description('Outcome-based BPO contracts: one set of measurements for client and vendor, settled by rule.')
  .version(packageVersion(), '-V, --version', 'print the version of covenant')
  .addHelpText('afterAll', EXIT_CODES_HELP)
  // Usage errors (unknown option, missing or bad value) become exit 2, not commander's 1.
  .exitOverride()
  .showHelpAfterError('(run with --help for usage)');

async function main(): Promise<void> {
  const name = process.argv[2];
  if (name !== undefined && !name.startsWith('-') && !(name in COMMANDS) && name !== 'help') {
    process.stderr.write(
      `error: unknown command '${name}'; the commands are ${Object.keys(COMMANDS).join(', ')} (run with --help for usage)\n`,
    );
    process.exitCode = ExitCode.usage;
    return;
  }
  const wanted =
    name !== undefined && name in COMMANDS
      ? [COMMANDS[name] as () => Promise<Register>]
      : Object.values(COMMANDS);
  for (const load of wanted) (await load())(program);
  await program.parseAsync(process.argv);
}

main().catch((error: unknown) => {
  if (error instanceof CommanderError)
    process.exitCode = error.exitCode === 0 ? ExitCode.done : ExitCode.usage;
  else process.exitCode = reportError(error);
});

function packageVersion(): string {
  // dist/cli/main.js and src/cli/main.ts both sit two levels under the package root.
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
