import { createHash } from 'node:crypto';
import { UserError } from '../core/issues.js';
import { isDecimalString, Money } from '../core/money/money.js';
import type { Evidence, Message, Party } from './disputes.js';

/** Bounds and checks of dispute input: every text, amount and evidence file has a limit. */
export const MAX_TEXT = 4000;
export const MAX_EVIDENCE_BYTES = 2_000_000;

export function checkParty(text: string): Party {
  if (text !== 'client' && text !== 'vendor') throw new UserError(`--as ${text}: expected client or vendor`);
  return text;
}

export function checkText(what: string, text: string): string {
  if (text.trim().length === 0 || text.length > MAX_TEXT)
    throw new UserError(`${what}: expected 1 to ${MAX_TEXT} characters`);
  return text;
}

export function checkAmount(what: string, text: string, currency: string): string {
  if (!isDecimalString(text))
    throw new UserError(`${what} ${text}: expected a decimal amount such as 1250.00`);
  const money = Money.parse(text, currency);
  if (!money.isRounded() || money.abs().amount.greaterThan('1e12'))
    throw new UserError(`${what} ${text}: expected at most the ${currency} minor unit and below 10^12`);
  return money.toFixed();
}

export function checkEvidence(files: Evidence[]): Message['evidence'] & { content: string }[] {
  const out = files.map((f) => {
    const bytes = Buffer.from(f.content, 'base64');
    if (!/^[\w.\- ]{1,120}$/.test(f.name))
      throw new UserError(`evidence ${f.name}: expected a plain file name`);
    return {
      name: f.name,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      content: f.content,
    };
  });
  if (out.length > 10 || out.reduce((n, f) => n + f.bytes, 0) > MAX_EVIDENCE_BYTES)
    throw new UserError(`evidence: at most 10 files and ${MAX_EVIDENCE_BYTES} bytes in all`);
  return out;
}
