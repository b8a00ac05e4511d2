import { type KeyboardEvent, useId, useState } from 'react';
import type { MessageKey } from '../../../src/core/i18n/index';
import { hasMessage, type T, useT } from '../lib/i18n';
import type { MetricInfo } from '../lib/types';
import { useMetricInfo } from '../state/catalog';

/** A catalog word (unit, direction, interval method) in the user's language, else as it is. */
export const termText = (t: T, kind: 'unit' | 'direction' | 'interval', value: string): string => {
  const key = `metric.${kind}.${value}`;
  return hasMessage(key) ? t(key as MessageKey) : value;
};

const detailText = (t: T, info: MetricInfo): string =>
  t('metric.detail', {
    n: info.n,
    unit: termText(t, 'unit', info.unit),
    direction: termText(t, 'direction', info.direction),
    interval: termText(t, 'interval', info.interval),
  });

/**
 * A metric's name with its catalog definition as a tooltip, shown on hover and on keyboard
 * focus, dismissed with Escape, and tied to the name by aria-describedby. The definition is
 * in the user's language (state/catalog.tsx).
 */
export function MetricLabel({ id, label }: { id: string; label?: string }) {
  const info = useMetricInfo(id);
  const t = useT();
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
            <span>{detailText(t, info)}</span>
          </>
        ) : (
          t('metric.loading', { id })
        )}
      </span>
    </span>
  );
}
