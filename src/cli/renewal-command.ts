import { writeFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { LANGUAGES, type Language } from '../core/i18n/languages.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';
import { formatOption } from './options.js';

interface Options extends StoreOptions {
  asOf?: string;
  format: string;
  out?: string;
  lang?: Language;
}

export function registerRenewal(program: Command): void {
  withStoreOptions(program.command('renewal'))
    .description(
      'renewal scorecard of a contract: outcomes, money, value, operations, recalibrations and a recommendation by rule',
    )
    .argument('<contract>', 'a stored contract id')
    .option('--as-of <date>', 'score the term up to the day before this date (or instant); default now')
    .addOption(formatOption(['html', 'pdf']))
    .option('--out <file>', 'write to this file (pdf: default <contract>-renewal.pdf)')
    .addOption(
      new Option('--lang <language>', 'language of the HTML and PDF (default en)').choices(LANGUAGES),
    )
    .action(async (contract: string, options: Options) => {
      const { renderScorecardHtml } = await import('../core/renewal/html.js');
      const { renderScorecardText } = await import('../core/renewal/text.js');
      const { buildScorecard } = await import('../renewal/scorecard.js');
      const card = await withStore(options, (store) =>
        buildScorecard(store, options.tenant, contract, { asOf: options.asOf }),
      );
      if (options.format === 'pdf') {
        const out = options.out ?? `${contract}-renewal.pdf`;
        const { htmlToPdf } = await import('../renewal/pdf.js');
        await htmlToPdf(renderScorecardHtml(card, options.lang), out);
        process.stdout.write(`${out}: ${card.recommendation.label} (${card.termSoFar.display})\n`);
        return;
      }
      const text =
        options.format === 'json'
          ? `${JSON.stringify(card, null, 2)}\n`
          : options.format === 'html'
            ? renderScorecardHtml(card, options.lang)
            : renderScorecardText(card);
      if (options.out) await writeFile(options.out, text);
      else process.stdout.write(text);
    });
}
