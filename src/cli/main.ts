import { Command } from 'commander';
import { registerAlerts } from './alerts-command.js';
import { registerAudit } from './audit-command.js';
import { registerBacktest } from './backtest-command.js';
import { reportError } from './context.js';
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
  .showHelpAfterError();

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
  process.exitCode = reportError(error);
});
