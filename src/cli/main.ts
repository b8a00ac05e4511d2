import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerAlerts } from './alerts-command.js';
import { registerAudit } from './audit-command.js';
import { registerBacktest } from './backtest-command.js';
import { EXIT_CODES_HELP, ExitCode, reportError } from './context.js';
import { registerContract } from './contract-command.js';
import { registerDemo } from './demo-command.js';
import { registerDispute } from './dispute-command.js';
import { registerExperiment } from './experiment-command.js';
import { registerImport } from './import-command.js';
import { registerMapping } from './mapping-command.js';
import { registerMetric } from './metric-command.js';
import { registerMetrics } from './metrics-command.js';
import { registerNotify } from './notify-command.js';
import { registerProposal } from './proposal-command.js';
import { registerQuery } from './query-command.js';
import { registerRecalibrate } from './recalibrate-command.js';
import { registerRenewal } from './renewal-command.js';
import { registerRfp } from './rfp-command.js';
import { registerServe } from './serve-command.js';
import { registerSettle } from './settle-command.js';
import { registerStaffing } from './staffing-command.js';
import { registerStart } from './start-command.js';
import { registerStatus } from './status-command.js';
import { registerUser } from './user-command.js';
import { registerWebhook } from './webhook-command.js';

const program = new Command()
  .name('covenant')
  .description('Outcome-based BPO contracts: one set of measurements for client and vendor, settled by rule.')
  .version(packageVersion(), '-V, --version', 'print the version of covenant')
  .addHelpText('afterAll', EXIT_CODES_HELP)
  // Usage errors (unknown option, missing or bad value) become exit 2, not commander's 1.
  .exitOverride()
  .showHelpAfterError('(run with --help for usage)');

for (const register of [
  registerImport,
  registerStatus,
  registerQuery,
  registerMetrics,
  registerContract,
  registerSettle,
  registerRecalibrate,
  registerProposal,
  registerBacktest,
  registerRenewal,
  registerRfp,
  registerStaffing,
  registerServe,
  registerUser,
  registerDemo,
  registerStart,
  registerDispute,
  registerAudit,
  registerWebhook,
  registerNotify,
  registerExperiment,
  registerAlerts,
]) {
  register(program);
}

registerMetric(program);
registerMapping(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError)
    process.exitCode = error.exitCode === 0 ? ExitCode.done : ExitCode.usage;
  else process.exitCode = reportError(error);
});

function packageVersion(): string {
  // dist/cli/main.js and src/cli/main.ts both sit two levels under the package root.
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
