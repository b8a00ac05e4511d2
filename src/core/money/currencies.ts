/**
 * ISO 4217 minor units (digits after the decimal point) of the currencies a contract may
 * use. Written out rather than read from Intl: ICU's display digits differ from ISO for
 * some currencies (e.g. it shows IDR and HUF with 0), and invoices follow ISO.
 */
export const MINOR_UNITS: Readonly<Record<string, number>> = {
  // 0 digits
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  // 3 digits
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  // 2 digits
  AED: 2,
  ARS: 2,
  AUD: 2,
  BGN: 2,
  BRL: 2,
  CAD: 2,
  CHF: 2,
  CNY: 2,
  COP: 2,
  CZK: 2,
  DKK: 2,
  EGP: 2,
  EUR: 2,
  GBP: 2,
  GHS: 2,
  HKD: 2,
  HUF: 2,
  IDR: 2,
  ILS: 2,
  INR: 2,
  KES: 2,
  MAD: 2,
  MXN: 2,
  MYR: 2,
  NGN: 2,
  NOK: 2,
  NZD: 2,
  PEN: 2,
  PHP: 2,
  PKR: 2,
  PLN: 2,
  QAR: 2,
  RON: 2,
  RSD: 2,
  SAR: 2,
  SEK: 2,
  SGD: 2,
  THB: 2,
  TRY: 2,
  TWD: 2,
  UAH: 2,
  USD: 2,
  UYU: 2,
  ZAR: 2,
};

export const CURRENCIES: readonly string[] = Object.keys(MINOR_UNITS).sort();

export const isCurrency = (code: string): boolean => Object.hasOwn(MINOR_UNITS, code);

/** Digits after the decimal point of `currency`; throws for a code not in the table. */
export function minorUnit(currency: string): number {
  const digits = MINOR_UNITS[currency];
  if (digits === undefined) {
    throw new RangeError(
      `unknown currency ${currency}: expected an ISO 4217 code such as ${CURRENCIES.slice(0, 6).join(', ')}`,
    );
  }
  return digits;
}
