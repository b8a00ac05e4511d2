import type { Issue } from '../issues.js';

/**
 * What an RFP is created with besides its questions (docs/rfp.md, Stored RFPs): an id, a
 * title, the deadline for responses as an instant, the evaluators (the client's users, by
 * e-mail) and the vendors invited to respond. Every problem is collected with its path.
 */

export interface RfpSetupInput {
  id: string;
  title: string;
  deadline: string;
  evaluators: readonly string[];
  vendors: readonly string[];
}

export interface RfpSetup {
  id: string;
  title: string;
  /** ISO-8601 UTC, e.g. 2026-12-04T17:00:00.000Z. */
  deadline: string;
  evaluators: string[];
  vendors: string[];
}

export const RFP_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const VENDOR_ID = /^[a-z0-9][a-z0-9_-]{0,79}$/;
const EMAIL = /^[^\s@,]{1,100}@[^\s@,]{1,150}$/;
/** An instant with its offset: a local time without one would mean different deadlines to different readers. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
export const MAX_EVALUATORS = 20;
export const MAX_VENDORS = 50;

/** The deadline in UTC, or the problem with it. */
export function parseDeadline(text: string): { ok: true; value: string } | { ok: false; message: string } {
  const expected =
    'expected an instant with its offset, e.g. 2026-12-04T17:00:00Z or 2026-12-04T18:00:00+01:00';
  if (!INSTANT.test(text)) return { ok: false, message: `deadline ${JSON.stringify(text)}: ${expected}` };
  const at = new Date(text);
  if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== utcDay(text))
    return { ok: false, message: `deadline ${text} is not a real date and time (${expected})` };
  return { ok: true, value: at.toISOString() };
}

/** The UTC calendar day of a well-formed instant, computed without Date's lenient rollover. */
function utcDay(text: string): string {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const days = new Date(Date.UTC(y, m - 1, d));
  if (days.getUTCMonth() !== m - 1 || days.getUTCDate() !== d) return 'invalid';
  return new Date(text).toISOString().slice(0, 10);
}

export function checkSetup(
  input: RfpSetupInput,
): { ok: true; value: RfpSetup } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const add = (code: string, path: Issue['path'], message: string) => issues.push({ code, path, message });
  if (!RFP_ID.test(input.id))
    add(
      'invalid_id',
      ['id'],
      `id ${JSON.stringify(input.id)}: expected lowercase letters, digits and '-', at most 80`,
    );
  const title = input.title.trim();
  if (title.length === 0 || title.length > 200)
    add('invalid_title', ['title'], 'a title of 1 to 200 characters');
  const deadline = parseDeadline(input.deadline);
  if (!deadline.ok) add('invalid_deadline', ['deadline'], deadline.message);
  const evaluators = input.evaluators.map((e) => e.trim().toLowerCase());
  if (evaluators.length === 0 || evaluators.length > MAX_EVALUATORS)
    add(
      'evaluators',
      ['evaluators'],
      `an RFP has 1 to ${MAX_EVALUATORS} evaluators (the client's users, by e-mail)`,
    );
  evaluators.forEach((e, i) => {
    if (!EMAIL.test(e))
      add('invalid_email', ['evaluators', i], `${JSON.stringify(e)} is not an e-mail address`);
    else if (evaluators.indexOf(e) !== i) add('duplicate', ['evaluators', i], `${e} is listed twice`);
  });
  const vendors = input.vendors.map((v) => v.trim());
  if (vendors.length === 0 || vendors.length > MAX_VENDORS)
    add('vendors', ['vendors'], `an RFP invites 1 to ${MAX_VENDORS} vendors`);
  vendors.forEach((v, i) => {
    if (!VENDOR_ID.test(v))
      add(
        'invalid_vendor',
        ['vendors', i],
        `vendor ${JSON.stringify(v)}: expected an organisation id (lowercase, digits, '-', '_')`,
      );
    else if (vendors.indexOf(v) !== i) add('duplicate', ['vendors', i], `${v} is invited twice`);
  });
  if (issues.length > 0 || !deadline.ok) return { ok: false, issues };
  return { ok: true, value: { id: input.id, title, deadline: deadline.value, evaluators, vendors } };
}

/** Raised for a response that arrives after the deadline; the message names the deadline. */
export class LateSubmission extends Error {
  constructor(
    readonly rfp: string,
    readonly deadline: string,
    readonly at: string,
  ) {
    super(`the deadline for responses to ${rfp} was ${deadline}; this response arrived at ${at}`);
    this.name = 'LateSubmission';
  }
}

/** Refuses a response at or after the deadline. */
export function checkOnTime(rfp: string, deadline: string, at: string): void {
  if (Date.parse(at) >= Date.parse(deadline)) throw new LateSubmission(rfp, deadline, at);
}
