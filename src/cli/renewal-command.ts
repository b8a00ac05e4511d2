import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { UserError } from '../core/issues.js';
import { renderScorecardHtml } from '../core/renewal/html.js';
import { renderScorecardText } from '../core/renewal/text.js';
import { htmlToPdf } from '../renewal/pdf.js';
import { buildScorecard } from '../renewal/scorecard.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';

interface Options extends StoreOptions {
  asOf?: string;
  format: string;
  out?: string;
}

const FORMATS = ['text', 'json', 'html', 'pdf'];

export function registerRenewal(program: Command): void {
  withStoreOptions(program.command('renewal'))
    .description(
      'renewal scorecard of a contract: outcomes, money, value, operations, recalibrations and a recommendation by rule',
    )
    .argument('<contract>', 'a stored contract id')
    .option('--as-of <date>', 'score the term up to the day before this date (or instant); default now')
    .option('--format <format>', 'text, json, html or pdf', 'text')
    .option('--out <file>', 'write to this file (pdf: default <contract>-renewal.pdf)')
    .action(async (contract: string, options: Options) => {
      if (!FORMATS.includes(options.format))
        throw new UserError(`--format ${options.format}: expected ${FORMATS.join(', ')}`);
      const card = await withStore(options, (store) =>
        buildScorecard(store, options.tenant, contract, { asOf: options.asOf }),
      );
      if (options.format === 'pdf') {
        const out = options.out ?? `${contract}-renewal.pdf`;
        await htmlToPdf(renderScorecardHtml(card), out);
        process.stdout.write(`${out}: ${card.recommendation.label} (${card.termSoFar.display})\n`);
        return;
      }
      const text =
        options.format === 'json'
          ? `${JSON.stringify(card, null, 2)}\n`
          : options.format === 'html'
            ? renderScorecardHtml(card)
            : renderScorecardText(card);
      if (options.out) await writeFile(options.out, text);
      else process.stdout.write(text);
    });
}
