import { describe, expect, it } from 'vitest';
import { attainment, evaluatePayout, shiftCurve, targetMet } from './payout.js';
import type { PayoutCurve } from './types.js';

const csat: PayoutCurve = {
  interpolate: 'linear',
  points: [
    { at: 0.76, pay: -1 },
    { at: 0.85, pay: 0 },
    { at: 0.9, pay: 0.5 },
  ],
};
const errors: PayoutCurve = {
  interpolate: 'linear',
  points: [
    { at: 0.035, pay: -1 },
    { at: 0.025, pay: 0 },
    { at: 0.018, pay: 0.3 },
  ],
};
const fcr: PayoutCurve = {
  interpolate: 'step',
  points: [
    { at: 0.65, pay: -1 },
    { at: 0.72, pay: 0 },
    { at: 0.76, pay: 0.4 },
  ],
};

describe('evaluatePayout', () => {
  it('interpolates a higher-is-better curve exactly', () => {
    const half = evaluatePayout(csat, 'higher', 0.805);
    expect(half.pay).toBe(-0.5); // floats give -0.4999999999999996
    expect(half.points).toEqual([csat.points[0], csat.points[1]]);
    expect(half.rule).toBe('linear between (0.76, -100%) and (0.85, 0%)');
    expect(evaluatePayout(csat, 'higher', 0.88).pay).toBe(0.3);
    expect(evaluatePayout(csat, 'higher', 0.86).exact.toString()).toBe('0.1');
  });

  it('pays a point on it, and clamps beyond either end', () => {
    expect(evaluatePayout(csat, 'higher', 0.85)).toMatchObject({
      pay: 0,
      position: 'on_point',
      points: [{ at: 0.85, pay: 0 }],
    });
    expect(evaluatePayout(csat, 'higher', 0.5)).toMatchObject({
      pay: -1,
      position: 'worse_than_first',
      points: [{ at: 0.76, pay: -1 }],
    });
    expect(evaluatePayout(csat, 'higher', 0.76)).toMatchObject({ pay: -1, position: 'on_point' });
    expect(evaluatePayout(csat, 'higher', 0.99)).toMatchObject({ pay: 0.5, position: 'better_than_last' });
    expect(evaluatePayout(csat, 'higher', 0.9)).toMatchObject({ pay: 0.5, position: 'on_point' });
  });

  it('interpolates a lower-is-better curve', () => {
    expect(evaluatePayout(errors, 'lower', 0.03).pay).toBe(-0.5);
    expect(evaluatePayout(errors, 'lower', 0.0215).pay).toBe(0.15);
    expect(evaluatePayout(errors, 'lower', 0.05)).toMatchObject({ pay: -1, position: 'worse_than_first' });
    expect(evaluatePayout(errors, 'lower', 0.01)).toMatchObject({ pay: 0.3, position: 'better_than_last' });
    expect(evaluatePayout(errors, 'lower', 0.028).points).toEqual([errors.points[0], errors.points[1]]);
  });

  it('steps to the best point reached (>= for higher-is-better)', () => {
    expect(evaluatePayout(fcr, 'higher', 0.6)).toMatchObject({ pay: -1, position: 'worse_than_first' });
    expect(evaluatePayout(fcr, 'higher', 0.65).pay).toBe(-1);
    expect(evaluatePayout(fcr, 'higher', 0.7199).pay).toBe(-1);
    expect(evaluatePayout(fcr, 'higher', 0.72)).toMatchObject({ pay: 0, points: [{ at: 0.72, pay: 0 }] });
    expect(evaluatePayout(fcr, 'higher', 0.75).pay).toBe(0);
    expect(evaluatePayout(fcr, 'higher', 0.9).pay).toBe(0.4);
    expect(evaluatePayout(fcr, 'higher', 0.72).rule).toBe(
      'step: the best point reached (value >= 0.72) (0.72, 0%)',
    );
  });

  it('steps on a lower-is-better curve (<=)', () => {
    const step: PayoutCurve = { ...errors, interpolate: 'step' };
    expect(evaluatePayout(step, 'lower', 0.04).pay).toBe(-1);
    expect(evaluatePayout(step, 'lower', 0.035).pay).toBe(-1);
    expect(evaluatePayout(step, 'lower', 0.026).pay).toBe(-1);
    expect(evaluatePayout(step, 'lower', 0.025).pay).toBe(0);
    expect(evaluatePayout(step, 'lower', 0.0181).pay).toBe(0);
    expect(evaluatePayout(step, 'lower', 0.018).pay).toBe(0.3);
    expect(evaluatePayout(step, 'lower', 0.001).pay).toBe(0.3);
  });
});

describe('attainment and shifting', () => {
  it('measures the way from baseline to target', () => {
    expect(attainment(0.85, 0.78, 0.85, 'higher')).toBe(1);
    expect(attainment(0.78, 0.78, 0.85, 'higher')).toBe(0);
    expect(attainment(0.815, 0.78, 0.85, 'higher')).toBe(0.5);
    expect(attainment(0.028, 0.031, 0.025, 'lower')).toBe(0.5);
    expect(attainment(0.76, 0.78, 0.85, 'higher')).toBeCloseTo(-0.285714, 6);
    expect(attainment(0.8, 0.8, 0.8, 'higher')).toBeNull();
  });

  it('shows no attainment for a hold target (equal to or worse than the baseline)', () => {
    // BrightPath's FCR: baseline 0.725 measured, target 0.72: met at 0.779, no -974%.
    expect(attainment(0.779, 0.725, 0.72, 'higher')).toBeNull();
    expect(targetMet(0.779, 0.72, 'higher')).toBe(true);
    expect(attainment(0.03, 0.025, 0.028, 'lower')).toBeNull();
    expect(targetMet(0.03, 0.028, 'lower')).toBe(false);
    expect(targetMet(0.028, 0.028, 'lower')).toBe(true);
  });

  it('shifts a whole curve with its target, exactly', () => {
    const shifted = shiftCurve(csat, 0.02);
    expect(shifted.points.map((p) => p.at)).toEqual([0.78, 0.87, 0.92]);
    expect(shifted.points.map((p) => p.pay)).toEqual([-1, 0, 0.5]);
    expect(evaluatePayout(shifted, 'higher', 0.825).pay).toBe(-0.5);
    expect(shiftCurve(errors, -0.001).points.map((p) => p.at)).toEqual([0.034, 0.024, 0.017]);
  });
});
