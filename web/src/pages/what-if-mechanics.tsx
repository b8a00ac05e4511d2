import { useT } from '../lib/i18n';
import type { Edits, Terms } from './renewal-what-if';

const pct = (v: number) => Number((v * 100).toFixed(2));

/**
 * The market mechanics a client may try on the next term: the allocation pool (the
 * portfolio weights scale with it) and earn-back (periods and share), each back-tested.
 */
export function MechanicsControls({
  terms,
  edits,
  setEdits,
}: {
  terms: Terms;
  edits: Edits;
  setEdits: (edits: Edits) => void;
}) {
  const t = useT();
  const earnBack = edits.earnBack === undefined ? terms.earnBack : edits.earnBack;
  return (
    <fieldset data-testid="whatif-mechanics">
      <legend>{t('whatIf.mechanics')}</legend>
      <label>
        {t('whatIf.pool')}: {pct(edits.allocationPool ?? terms.allocationPool)}%{' '}
        <input
          type="range"
          min="100"
          max="250"
          step="5"
          defaultValue={pct(terms.allocationPool)}
          // A new pool scales the portfolio weights, so earlier weight edits are dropped.
          onChange={(e) => setEdits({ ...edits, allocationPool: Number(e.target.value) / 100, portfolios: undefined })}
          data-testid="whatif-pool"
        />
      </label>
      <label>
        {t('whatIf.earnBackPeriods')}{' '}
        <input
          type="number"
          min="0"
          max="12"
          step="1"
          defaultValue={terms.earnBack?.periods ?? 0}
          onChange={(e) => {
            const periods = Number(e.target.value);
            setEdits({ ...edits, earnBack: periods > 0 ? { periods, share: earnBack?.share ?? 1 } : null });
          }}
          data-testid="whatif-earn-back-periods"
        />
        {!earnBack && <span className="muted"> {t('whatIf.noEarnBack')}</span>}
      </label>
      {earnBack && (
        <label>
          {t('whatIf.earnBackShare')}: {pct(earnBack.share)}%{' '}
          <input
            type="range"
            min="5"
            max="100"
            step="5"
            defaultValue={pct(earnBack.share)}
            onChange={(e) => setEdits({ ...edits, earnBack: { ...earnBack, share: Number(e.target.value) / 100 } })}
            data-testid="whatif-earn-back-share"
          />
        </label>
      )}
    </fieldset>
  );
}
