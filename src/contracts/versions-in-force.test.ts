import { describe, expect, it } from 'vitest';
import type { StoredVersion } from './contract-store.js';
import { versionsInForce } from './versions-in-force.js';

const v = (version: number, effectiveFrom: string) => ({ version, effectiveFrom }) as StoredVersion;

describe('versions in force', () => {
  it('splits a quarter at a version change and never applies a version before its date', () => {
    const parts = versionsInForce([v(1, '2026-01-01'), v(2, '2026-08-15')], '2026-07-01', '2026-09-30');
    expect(parts.map((p) => [p.version.version, p.from, p.to])).toEqual([
      [1, '2026-07-01', '2026-08-14'],
      [2, '2026-08-15', '2026-09-30'],
    ]);
  });

  it('gives one part when a single version covers the period, none before the first version', () => {
    expect(versionsInForce([v(1, '2026-01-01')], '2026-04-01', '2026-06-30')).toHaveLength(1);
    expect(versionsInForce([v(1, '2026-07-01')], '2026-04-01', '2026-06-30')).toHaveLength(0);
  });
});
