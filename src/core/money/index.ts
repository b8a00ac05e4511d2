/** Exact decimal money with ISO 4217 minor units; no JS number arithmetic on money. */
export { CURRENCIES, isCurrency, MINOR_UNITS, minorUnit } from './currencies.js';
export { Dec, type DecimalLike, exact, isDecimalString, Money, type Rounding, toDecimal } from './money.js';
