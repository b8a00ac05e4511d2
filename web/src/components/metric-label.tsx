import { type KeyboardEvent, useId, useState } from 'react';
import type { MetricInfo } from '../lib/types';
import { useMetricInfo } from '../state/catalog';

const UNIT_TEXT: Record<string, string> = {
  share: 'share (shown as %)',
  seconds: 'seconds',
  count: 'count',
  days: 'days',
  money: 'money',
  ratio: 'ratio',
  mean_score: 'mean score',
};

const DIRECTION_TEXT: Record<string, string> = {
  higher: 'higher is better',
  lower: 'lower is better',
  neutral: 'neither higher nor lower is better',
};

const INTERVAL_TEXT: Record<string, string> = {
  wilson: 'Wilson score',
  student_t: 'Student t',
  bootstrap: 'percentile bootstrap (2000 resamples, seed 1)',
  none: 'none (a count over all records)',
};

const detailText = (info: MetricInfo): string =>
  `n counts ${info.n}. Unit: ${UNIT_TEXT[info.unit] ?? info.unit}; ${DIRECTION_TEXT[info.direction] ?? info.direction}. ` +
  `95% interval: ${INTERVAL_TEXT[info.interval] ?? info.interval}.`;

/**
 * A metric's name with its catalog definition as a tooltip, shown on hover and on keyboard
 * focus, dismissed with Escape, and tied to the name by aria-describedby.
 */
export function MetricLabel({ id, label }: { id: string; label?: string }) {
  const info = useMetricInfo(id);
  const tipId = useId();
  const [open, setOpen] = useState(false);
  const text = label ?? info?.label.singular ?? id;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') setOpen(false);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hover only; the button handles keyboard and touch
    <span className="metric-label" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        className="metric-term"
        aria-describedby={tipId}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        data-testid={`metric-label-${id}`}
      >
        {text}
      </button>
      <span role="tooltip" id={tipId} className={open ? 'tooltip open' : 'tooltip'}>
        {info ? (
          <>
            <strong>{info.label.singular}</strong> <code>{info.id}</code>: {info.formula}.{' '}
            <span>{detailText(info)}</span>
          </>
        ) : (
          <>Definition of {id} is loading or not in the catalog.</>
        )}
      </span>
    </span>
  );
}

export { DIRECTION_TEXT, INTERVAL_TEXT, UNIT_TEXT };
