import { describe, expect, it } from 'vitest';
import { projectedState, stateChange } from './state.js';

const higher = { target: 0.85, direction: 'higher' as const, insufficient: false };

describe('projected state of an outcome', () => {
  it('is on track at or past the target', () => {
    expect(projectedState({ ...higher, value: 0.85, low: 0.8, high: 0.9 })).toBe('on_track');
  });
  it('is at risk when the value misses but the interval reaches the target', () => {
    expect(projectedState({ ...higher, value: 0.84, low: 0.8, high: 0.86 })).toBe('at_risk');
  });
  it('is a likely miss when the whole interval misses', () => {
    expect(projectedState({ ...higher, value: 0.8, low: 0.78, high: 0.849 })).toBe('likely_miss');
    expect(
      projectedState({
        target: 0.025,
        direction: 'lower',
        insufficient: false,
        value: 0.03,
        low: 0.026,
        high: 0.034,
      }),
    ).toBe('likely_miss');
  });
  it('says insufficient data', () => {
    expect(projectedState({ ...higher, insufficient: true, value: 0.5, low: 0.4, high: 0.6 })).toBe(
      'insufficient',
    );
  });
});

describe('alerts on state changes', () => {
  it('fires when a state worsens and when it recovers, not when it stays', () => {
    expect(stateChange('on_track', 'at_risk')).toBe('worsened');
    expect(stateChange('at_risk', 'likely_miss')).toBe('worsened');
    expect(stateChange('likely_miss', 'on_track')).toBe('recovered');
    expect(stateChange('at_risk', 'at_risk')).toBeNull();
    expect(stateChange(null, 'on_track')).toBeNull();
    expect(stateChange(null, 'likely_miss')).toBe('worsened');
    expect(stateChange('on_track', 'insufficient')).toBe('changed');
  });
});
