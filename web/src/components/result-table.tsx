import { formatValue } from '../lib/format';
import { useT } from '../lib/i18n';
import type { MetricResult } from '../lib/types';
import { Value } from './value';
import { TableDownloads } from './table-downloads';

interface Props {
  caption: string;
  /** The column naming each row, e.g. "Site" or "Day". */
  rowHeader: string;
  rows: { key: string; label: string; result: MetricResult | undefined }[];
  /** Shown as a column "vs target" (met / not met in words). */
  target?: number | null;
  testId?: string;
}

const meets = (result: MetricResult, target: number): boolean | null =>
  result.value === null
    ? null
    : result.direction === 'lower'
      ? result.value <= target
      : result.value >= target;

/** Rows of one metric's results: label, value with n and interval, and optionally how it compares with the target. */
export function ResultTable({ caption, rowHeader, rows, target, testId }: Props) {
  const hasTarget = target !== undefined && target !== null;
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="stack" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            <th scope="col">{t('common.valueNci')}</th>
            {hasTarget && (
              <th scope="col">
                {t('common.vsTarget', { target: formatValue(target, rows[0]?.result?.unit ?? 'ratio') })}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const verdict = hasTarget && row.result ? meets(row.result, target) : null;
            return (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td data-label={t('common.value')}>
                  <Value result={row.result} compact />
                </td>
                {hasTarget && (
                  <td data-label={t('common.vsTargetShort')}>
                    {verdict === null ? '–' : verdict ? t('common.meetsTarget') : t('common.missesTarget')}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <TableDownloads />
    </div>
  );
}
