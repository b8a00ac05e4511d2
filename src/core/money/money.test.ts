import { describe, expect, it } from 'vitest';
import { isCurrency, minorUnit } from './currencies.js';
import { Money, toDecimal } from './money.js';

const eur = (text: string) => Money.parse(text, 'EUR');

describe('Money', () => {
  it('adds decimals exactly where binary floats do not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(eur('0.1').plus(eur('0.2')).equals(eur('0.3'))).toBe(true);
    expect(eur('1.10').times('3').toFixed()).toBe('3.30');
    expect(eur('0.3').minus(eur('0.1')).toFixed()).toBe('0.20');
    // ten thousand cents make exactly 100
    let total = Money.zero('EUR');
    for (let i = 0; i < 10_000; i += 1) total = total.plus(eur('0.01'));
    expect(total.toFixed()).toBe('100.00');
  });

  it('multiplies by decimal factors, reading JS numbers by their shortest text', () => {
    expect(eur('518519.40').times(0.12).toFixed()).toBe('62222.328');
    expect(eur('4.20').times('123457').toFixed()).toBe('518519.40');
    expect(eur('100').times(1.15).toFixed()).toBe('115.00'); // 1.15 * 100 = 114.99999999999999 in floats
    expect(toDecimal(0.07).toString()).toBe('0.07');
  });

  it('keeps very long exact products and refuses to lose digits', () => {
    const big = eur('123456789012345678.123456789').times('0.000000001');
    expect(big.toFixed()).toBe('123456789.012345678123456789');
    expect(() => eur('1').times(`0.${'3'.repeat(70)}`)).toThrow(/digits/);
  });

  it('rounds to the minor unit half_up (away from zero) or half_even', () => {
    expect(eur('2.345').round('half_up').toFixed()).toBe('2.35');
    expect(eur('2.345').round('half_even').toFixed()).toBe('2.34');
    expect(eur('2.355').round('half_even').toFixed()).toBe('2.36');
    expect(eur('-2.345').round('half_up').toFixed()).toBe('-2.35');
    expect(eur('-2.345').round('half_even').toFixed()).toBe('-2.34');
    expect(eur('-0.004').round().toFixed()).toBe('0.00');
    expect(Money.parse('1234.5', 'JPY').round('half_up').toFixed()).toBe('1235');
    expect(Money.parse('1234.5', 'JPY').round('half_even').toFixed()).toBe('1234');
    expect(Money.parse('1.0005', 'BHD').round('half_up').toFixed()).toBe('1.001');
    expect(Money.parse('1.0005', 'BHD').round('half_even').toFixed()).toBe('1.000');
  });

  it('knows ISO 4217 minor units', () => {
    expect(['EUR', 'USD', 'GBP', 'CHF', 'PLN', 'ZAR', 'PHP'].map(minorUnit)).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(minorUnit('JPY')).toBe(0);
    expect(minorUnit('BHD')).toBe(3);
    expect(isCurrency('XYZ')).toBe(false);
    expect(() => Money.of('1', 'XYZ')).toThrow(/unknown currency XYZ/);
  });

  it('formats without hiding digits', () => {
    expect(eur('1234567.5').format()).toBe('€1,234,567.50');
    expect(eur('-1234.5').format()).toBe('-€1,234.50');
    // The currency's own minor units: JPY has none; a code without a narrow symbol is shown as the code.
    expect(Money.parse('1234', 'JPY').format()).toBe('¥1,234');
    expect(Money.parse('12.5', 'CHF').format()).toBe('CHF 12.50');
    expect(eur('0.125').toFixed()).toBe('0.125');
    expect(Money.parse('1500', 'JPY').toString()).toBe('1500 JPY');
    expect(JSON.stringify(eur('1.5'))).toBe('{"amount":"1.50","currency":"EUR"}');
  });

  it('rejects malformed amounts and mixed currencies', () => {
    expect(() => eur('4,20')).toThrow(/not a decimal/);
    expect(() => eur('1e3')).toThrow(/not a decimal/);
    expect(() => Money.of(Number.NaN, 'EUR')).toThrow(/finite/);
    expect(() => eur('1').plus(Money.parse('1', 'USD'))).toThrow(/EUR and USD/);
  });

  it('compares and sums', () => {
    expect(eur('1.00').compare(eur('1'))).toBe(0);
    expect(eur('1.01').max(eur('1')).toFixed()).toBe('1.01');
    expect(Money.sum('EUR', [eur('0.1'), eur('0.2'), eur('-0.3')]).isZero()).toBe(true);
  });
});
