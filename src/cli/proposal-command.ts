import type { Command } from 'commander';
import type { Decision } from '../core/recalibration/index.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';
import { formatOption } from './options.js';

interface DecideOptions extends StoreOptions {
  as: string;
  asOf?: string;
  format: string;
}

// Loaded on use, so that usage errors answer before the stores load.
const formats = () => import('../contracts/proposal-format.js');
const proposals = () => import('../contracts/proposal-store.js');

export function registerProposal(program: Command): void {
  const proposal = program
    .command('proposal')
    .description('recalibration proposals: list, show, approve, reject');

  withStoreOptions(proposal.command('list'))
    .description('proposals with their status and decisions')
    .option('--contract <id>', 'only this contract')
    .option('--status <status>', 'open, rejected or applied')
    .addOption(formatOption())
    .action(async (options: StoreOptions & { contract?: string; status?: string; format: string }) => {
      await withStore(options, async (store) => {
        const filter = {
          ...(options.contract === undefined ? {} : { contract: options.contract }),
          ...(options.status === undefined ? {} : { status: options.status }),
        };
        const { formatProposalList } = await formats();
        const { listProposals } = await proposals();
        process.stdout.write(
          formatProposalList(await listProposals(store, options.tenant, filter), options.format),
        );
      });
    });

  withStoreOptions(proposal.command('show'))
    .description('a proposal with every step: triggers, segments, staffing intervals, changes to the terms')
    .argument('<id>')
    .addOption(formatOption(['yaml']))
    .action(async (id: string, options: StoreOptions & { format: string }) => {
      await withStore(options, async (store) => {
        const { formatProposal } = await formats();
        const { getProposal, proposalChanges } = await proposals();
        const found = await getProposal(store, options.tenant, id);
        const changes = await proposalChanges(store, options.tenant, found);
        process.stdout.write(formatProposal(found, options.format, changes));
      });
    });

  for (const decision of ['approve', 'reject'] as Decision[]) {
    withStoreOptions(proposal.command(decision))
      .description(
        decision === 'approve'
          ? "record a party's approval; the last one makes the proposal the next version"
          : "record a party's rejection: the proposal is closed",
      )
      .argument('<id>')
      .requiredOption('--as <party>', 'client or vendor')
      .option('--as-of <instant>', 'the instant of the decision (default now), e.g. to replay a story')
      .addOption(formatOption())
      .action(async (id: string, options: DecideOptions) => {
        await withStore(options, async (store) => {
          const { formatDecision } = await formats();
          const { decideProposal } = await proposals();
          const report = await decideProposal(store, options.tenant, id, options.as, decision, options.asOf);
          process.stdout.write(formatDecision(report, options.format));
        });
      });
  }
}
