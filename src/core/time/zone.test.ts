import { describe, expect, it } from 'vitest';
import { instantMs, localDateOf, toInstant } from './zone.js';

describe('instants', () => {
  it('read ISO 8601 with an offset and write the canonical ...sssZ form', () => {
    expect(toInstant(instantMs('2026-03-02T09:15:00+01:00'))).toBe('2026-03-02T08:15:00.000Z');
    expect(toInstant(instantMs('2026-03-02 09:15:00+05:45'))).toBe('2026-03-02T03:30:00.000Z');
    expect(toInstant(instantMs('2026-03-02T09:15Z'))).toBe('2026-03-02T09:15:00.000Z');
    expect(toInstant(instantMs('2026-03-02T09:15:00.123456-0500'))).toBe('2026-03-02T14:15:00.123Z');
    expect(instantMs('2026-03-02T08:15:00.000Z')).toBe(Date.UTC(2026, 2, 2, 8, 15));
  });

  it('reject text without an offset or that is not a time', () => {
    for (const text of ['2026-03-02T09:15:00', '2026-03-02', 'yesterday', '2026-02-30T00:00:00Z']) {
      expect(() => instantMs(text)).toThrow(`"${text}" is not an instant: expected ISO 8601 with an offset`);
    }
  });

  it('give the local date of an instant', () => {
    expect(localDateOf('2026-03-31T22:59:59.999Z', 'Europe/Lisbon')).toBe('2026-03-31');
    expect(localDateOf('2026-03-31T23:00:00.000Z', 'Europe/Lisbon')).toBe('2026-04-01');
    expect(localDateOf('2026-03-31T18:14:59Z', 'Asia/Kathmandu')).toBe('2026-03-31');
    expect(localDateOf('2026-03-31T18:15:00Z', 'Asia/Kathmandu')).toBe('2026-04-01');
  });
});
