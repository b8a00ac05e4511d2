import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatIssue, UserError } from '../core/issues.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';
import { formatOption } from './options.js';
import { registerRfpStore } from './rfp-store-command.js';

interface ScoreOptions extends StoreOptions {
  responses?: string;
  scores?: string;
  from?: string;
  evaluator?: string;
  format: string;
  out?: string;
}

export function registerRfp(program: Command): void {
  const rfp = program
    .command('rfp')
    .description('RFPs: stored per tenant (create, list, show, respond, score) or as YAML files (score)');
  registerRfpStore(rfp);
  withStoreOptions(rfp.command('score'))
    .description(
      'rank the responses in files (--responses), or store an evaluator’s RFPScores file for a stored RFP (--from)',
    )
    .argument('<rfp>', 'the RFP file (kind: RFP), e.g. rfp/default-rfp.yaml; with --from, a stored RFP id')
    .option('--responses <dir>', 'folder of RFPResponse files')
    .option('--scores <dir>', "folder of RFPScores files (default: 'scores' beside the responses folder)")
    .option('--from <file>', 'an RFPScores file, stored as the scores of --evaluator')
    .option('--evaluator <email>', 'with --from: the stored RFP’s evaluator whose scores these are')
    .addOption(formatOption(['html']))
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (target: string, options: ScoreOptions) => {
      if (options.from) {
        if (!options.evaluator)
          throw new UserError('--from needs --evaluator EMAIL (one of the RFP’s evaluators)');
        return storeScores(target, options.from, options.evaluator, options);
      }
      if (!options.responses)
        throw new UserError('give --responses DIR (rank files) or --from SCORES.yaml (score a stored RFP)');
      const { renderRfpHtml, renderRfpTable } = await import('../core/rfp/format.js');
      const { scoreRfpFiles } = await import('../renewal/rfp-files.js');
      const { evaluation, warnings } = await scoreRfpFiles({
        rfp: target,
        responses: options.responses,
        ...(options.scores ? { scores: options.scores } : {}),
      });
      for (const warning of warnings) process.stderr.write(`warning: ${formatIssue(warning)}\n`);
      const text =
        options.format === 'json'
          ? `${JSON.stringify(evaluation, null, 2)}\n`
          : options.format === 'html'
            ? renderRfpHtml(evaluation)
            : renderRfpTable(evaluation);
      if (options.out) await writeFile(options.out, text);
      else process.stdout.write(text);
    });
}

async function storeScores(id: string, file: string, evaluator: string, o: StoreOptions): Promise<void> {
  const { getRfp } = await import('../records/rfps.js');
  const { listResponses } = await import('../records/rfp-responses.js');
  const { scoresFromFile } = await import('../records/rfp-file-input.js');
  await withStore(o, async (store) => {
    const record = await getRfp(store, o.tenant, id);
    const vendors = (await listResponses(store, o.tenant, id)).map((r) => r.vendor);
    const { saved, warnings } = await scoresFromFile(store, o.tenant, record, file, vendors, evaluator);
    for (const w of warnings) process.stderr.write(`warning: ${formatIssue(w)}\n`);
    process.stdout.write(`stored ${saved} scores of ${evaluator} for ${id}\n`);
  });
}
