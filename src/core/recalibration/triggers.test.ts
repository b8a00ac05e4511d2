import { describe, expect, it } from 'vitest';
import type { Trigger } from '../contract/types.js';
import { changeOf, channelShifts, evaluateTriggers, type PeriodMeasures } from './triggers.js';

const period = (
  label: string,
  days: number,
  metrics: PeriodMeasures['metrics'],
  channels: Record<string, number> = {},
): PeriodMeasures => ({ period: label, days, metrics, channels });

const trigger = (measure: string, mode: Trigger['mode'], change: number): Trigger => ({
  measure,
  mode,
  change,
});

describe('recalibration triggers', () => {
  it('compares shares in points: containment 0 -> 16.77% fires a 10pp trigger', () => {
    const [result] = evaluateTriggers(
      [trigger('containment', 'points', 0.1)],
      period('2026-Q1', 90, { containment: { value: 0, n: 3417 } }),
      period('2026-Q3', 92, { containment: { value: 0.1677, n: 3382 } }),
    );
    expect(result?.change).toBeCloseTo(0.1677, 10);
    expect(result?.fired).toBe(true);
    expect(result?.arithmetic).toContain('16.77pp >= 10.00pp: fires');
  });

  it('fires on a change of exactly the threshold despite float noise (0.3 - 0.2 < 0.1 in binary)', () => {
    const [result] = evaluateTriggers(
      [trigger('containment', 'points', 0.1)],
      period('a', 1, { containment: { value: 0.2, n: 1 } }),
      period('b', 1, { containment: { value: 0.3, n: 1 } }),
    );
    expect(0.3 - 0.2).toBeLessThan(0.1);
    expect(result?.fired).toBe(true);
  });

  it('compares contacts per day, so a quarter of 90 days compares with one of 92', () => {
    // 3600 / 90 = 40 a day; 4600 / 92 = 50 a day: |50 - 40| / 40 = 25% (the totals moved 27.8%).
    const fires = evaluateTriggers(
      [trigger('contacts', 'relative', 0.25)],
      period('2026-Q1', 90, { contacts: { value: 3600, n: 0 } }),
      period('2026-Q3', 92, { contacts: { value: 4600, n: 0 } }),
    )[0];
    expect(fires?.reference).toBe(40);
    expect(fires?.current).toBe(50);
    expect(fires?.change).toBeCloseTo(0.25, 12);
    expect(fires?.fired).toBe(true);
    // 4500 / 92 = 48.913 a day: 22.28%, although the totals moved 25%.
    const quiet = evaluateTriggers(
      [trigger('contacts', 'relative', 0.25)],
      period('2026-Q1', 90, { contacts: { value: 3600, n: 0 } }),
      period('2026-Q3', 92, { contacts: { value: 4500, n: 0 } }),
    )[0];
    expect(quiet?.change).toBeCloseTo(0.2228, 4);
    expect(quiet?.fired).toBe(false);
  });

  it('compares a mean relatively: aht 500 s -> 570 s is 14%, under a 15% trigger', () => {
    const [result] = evaluateTriggers(
      [trigger('aht', 'relative', 0.15)],
      period('r', 90, { aht: { value: 500, n: 100 } }),
      period('c', 92, { aht: { value: 570, n: 100 } }),
    );
    expect(result?.change).toBeCloseTo(0.14, 12);
    expect(result?.fired).toBe(false);
    expect(result?.arithmetic).toContain('14.00% < 15.00%: does not fire');
  });

  it('takes the largest move of a channel share for channel_mix', () => {
    // Shares: chat 0.5 -> 0.35, voice 0.5 -> 0.15, email 0 -> 0.5: email moved most (+50pp).
    const shifts = channelShifts({ chat: 50, voice: 50 }, { chat: 70, voice: 30, email: 100 });
    expect(shifts.map((s) => [s.channel, s.change])).toEqual([
      ['email', 0.5],
      ['voice', -0.35],
      ['chat', -0.15000000000000002],
    ]);
    const [result] = evaluateTriggers(
      [trigger('channel_mix', 'points', 0.15)],
      period('r', 90, {}, { chat: 50, voice: 50 }),
      period('c', 90, {}, { chat: 70, voice: 30, email: 100 }),
    );
    expect(result?.change).toBe(0.5);
    expect(result?.fired).toBe(true);
    expect(result?.basis).toContain('email');
  });

  it('treats a relative change from 0 as unbounded (it fires) and no data as not firing', () => {
    expect(changeOf('relative', 0, 5)).toEqual({ change: null, unbounded: true });
    expect(changeOf('relative', 0, 0)).toEqual({ change: 0, unbounded: false });
    const [unbounded, missing] = evaluateTriggers(
      [trigger('contacts', 'relative', 0.25), trigger('aht', 'relative', 0.15)],
      period('r', 90, { contacts: { value: 0, n: 0 }, aht: { value: null, n: 0 } }),
      period('c', 90, { contacts: { value: 10, n: 0 }, aht: { value: 500, n: 10 } }),
    );
    expect(unbounded?.fired).toBe(true);
    expect(unbounded?.unbounded).toBe(true);
    expect(missing?.fired).toBe(false);
    expect(missing?.arithmetic).toContain('no aht measured in the reference r');
  });
});
