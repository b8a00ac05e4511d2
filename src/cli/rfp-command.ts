import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatIssue } from '../core/issues.js';
import { formatOption } from './options.js';

interface ScoreOptions {
  responses: string;
  scores?: string;
  format: string;
  out?: string;
}

export function registerRfp(program: Command): void {
  const rfp = program
    .command('rfp')
    .description('RFPs as YAML: vendor responses, evaluator scores, ranking and sensitivity');
  rfp
    .command('score')
    .description(
      'rank the responses to an RFP: normalised weighted totals, evaluator agreement, weight sensitivity, classification',
    )
    .argument('<rfp>', 'the RFP file (kind: RFP), e.g. rfp/default-rfp.yaml')
    .requiredOption('--responses <dir>', 'folder of RFPResponse files')
    .option('--scores <dir>', "folder of RFPScores files (default: 'scores' beside the responses folder)")
    .addOption(formatOption(['html']))
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (file: string, options: ScoreOptions) => {
      const { renderRfpHtml, renderRfpTable } = await import('../core/rfp/format.js');
      const { scoreRfpFiles } = await import('../renewal/rfp-files.js');
      const { evaluation, warnings } = await scoreRfpFiles({
        rfp: file,
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
