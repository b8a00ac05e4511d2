import { Decimal } from 'decimal.js';
import { minorUnit } from './currencies.js';

/**
 * Exact decimal money. Amounts are decimal.js values with 60 significant digits, far more
 * than any invoice needs, and every operation checks it stayed within them, so a result
 * is either exact or an error: never a silently rounded binary float.
 */
const PRECISION = 60;
export const Dec = Decimal.clone({
  precision: PRECISION,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60,
});

/** A decimal as written (`"4.20"`), a Decimal, or a JS number read by its shortest text (0.12 -> "0.12"). */
export type DecimalLike = Decimal | string | number;
export type Rounding = 'half_up' | 'half_even';

const DECIMAL_TEXT = /^[+-]?\d+(\.\d+)?$/;
export const isDecimalString = (text: string): boolean => DECIMAL_TEXT.test(text.trim());

/** A Decimal from a decimal string, Decimal or finite number; throws on anything else (e.g. "1e3", "4,20"). */
export function toDecimal(value: DecimalLike): Decimal {
  if (typeof value === 'string') {
    if (!isDecimalString(value))
      throw new RangeError(`"${value}" is not a decimal: expected digits with an optional point, e.g. 4.20`);
    return new Dec(value.trim());
  }
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new RangeError(`${value} is not a finite number`);
  // A JS number converts through its shortest round-trip text, so 0.1 is exactly 0.1.
  return new Dec(value);
}

/** Checks a result kept every digit (a result at full precision may have been rounded). */
export function exact(value: Decimal): Decimal {
  if (!value.isFinite()) throw new RangeError('money arithmetic gave a non-finite result');
  if (value.sd() >= PRECISION)
    throw new RangeError(`money arithmetic needs more than ${PRECISION - 1} digits`);
  return value;
}

const MODES: Record<Rounding, Decimal.Rounding> = {
  half_up: Decimal.ROUND_HALF_UP, // half away from zero, so a penalty rounds like a bonus of the same size
  half_even: Decimal.ROUND_HALF_EVEN,
};

/** An amount in one currency; immutable. */
export class Money {
  private constructor(
    readonly amount: Decimal,
    readonly currency: string,
  ) {}

  static of(amount: DecimalLike, currency: string): Money {
    minorUnit(currency); // rejects unknown currencies
    return new Money(exact(toDecimal(amount)), currency);
  }

  /** Parses a decimal string such as "4.20" (a float's text is rejected by callers before this). */
  static parse(text: string, currency: string): Money {
    return Money.of(text, currency);
  }

  static zero(currency: string): Money {
    return Money.of(0, currency);
  }

  static sum(currency: string, items: readonly Money[]): Money {
    return items.reduce((total, item) => total.plus(item), Money.zero(currency));
  }

  get minorUnit(): number {
    return minorUnit(this.currency);
  }

  plus(other: Money): Money {
    return new Money(exact(this.amount.plus(this.same(other).amount)), this.currency);
  }

  minus(other: Money): Money {
    return new Money(exact(this.amount.minus(this.same(other).amount)), this.currency);
  }

  /** Multiplies by a decimal factor (a rate, a share, a count). */
  times(factor: DecimalLike): Money {
    return new Money(exact(this.amount.times(toDecimal(factor))), this.currency);
  }

  negated(): Money {
    return new Money(this.amount.negated(), this.currency);
  }

  abs(): Money {
    return new Money(this.amount.abs(), this.currency);
  }

  /** Rounded to the currency's minor unit (EUR cents, JPY yen, BHD fils). */
  round(mode: Rounding = 'half_up'): Money {
    return new Money(this.amount.toDecimalPlaces(this.minorUnit, MODES[mode]), this.currency);
  }

  isRounded(): boolean {
    return this.amount.decimalPlaces() <= this.minorUnit;
  }

  isZero(): boolean {
    return this.amount.isZero();
  }

  isPositive(): boolean {
    return this.amount.greaterThan(0);
  }

  isNegative(): boolean {
    return this.amount.lessThan(0);
  }

  compare(other: Money): -1 | 0 | 1 {
    return this.amount.comparedTo(this.same(other).amount) as -1 | 0 | 1;
  }

  equals(other: Money): boolean {
    return this.currency === other.currency && this.amount.equals(other.amount);
  }

  min(other: Money): Money {
    return this.compare(other) <= 0 ? this : other;
  }

  max(other: Money): Money {
    return this.compare(other) >= 0 ? this : other;
  }

  /** The amount with at least the minor unit's digits, never rounded: "1234.50", "0.125". */
  toFixed(): string {
    const digits = Math.max(this.minorUnit, this.amount.decimalPlaces());
    const text = this.amount.toFixed(digits);
    return text === `-${(0).toFixed(digits)}` ? text.slice(1) : text;
  }

  /**
   * For screens: "€1,234.50", "-¥1,235", "CHF 12.00" (the currency's symbol where it has a
   * narrow one, thousands grouped, as exact as toFixed). CSV and JSON carry the ISO code.
   */
  format(): string {
    const text = this.toFixed();
    const sign = text.startsWith('-') ? '-' : '';
    const [whole = '', fraction] = text.replace('-', '').split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${sign}${currencySymbol(this.currency)}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
  }

  toString(): string {
    return `${this.toFixed()} ${this.currency}`;
  }

  toJSON(): { amount: string; currency: string } {
    return { amount: this.toFixed(), currency: this.currency };
  }

  private same(other: Money): Money {
    if (other.currency !== this.currency)
      throw new TypeError(`cannot combine ${this.currency} and ${other.currency}`);
    return other;
  }
}

const symbols = new Map<string, string>();

/** "€" for EUR, "£" for GBP, "$" for USD; a code with a space where the symbol would only repeat it ("CHF "). */
export function currencySymbol(currency: string): string {
  const known = symbols.get(currency);
  if (known !== undefined) return known;
  let symbol = `${currency} `;
  try {
    const part = new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
    })
      .formatToParts(0)
      .find((p) => p.type === 'currency')?.value;
    if (part && part !== currency) symbol = part;
  } catch {
    // An ISO code Intl does not know: shown as the code.
  }
  symbols.set(currency, symbol);
  return symbol;
}
