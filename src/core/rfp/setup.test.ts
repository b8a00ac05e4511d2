import { describe, expect, it } from 'vitest';
import { checkOnTime, checkSetup, LateSubmission, parseDeadline } from './setup.js';

/** An RFP's setup: the deadline as an instant with its offset, evaluators and vendors, every problem with its path. */
describe('RFP setup', () => {
  it('takes a deadline only as an instant with its offset, and gives it in UTC', () => {
    expect(parseDeadline('2027-01-15T18:00:00+01:00')).toEqual({
      ok: true,
      value: '2027-01-15T17:00:00.000Z',
    });
    expect(parseDeadline('2027-01-15T17:00Z')).toEqual({ ok: true, value: '2027-01-15T17:00:00.000Z' });
    for (const bad of ['2027-01-15', '2027-01-15T17:00:00', '2027-02-30T17:00:00Z', 'tomorrow'])
      expect(parseDeadline(bad).ok, bad).toBe(false);
  });

  it('collects every problem with its path', () => {
    const got = checkSetup({
      id: 'Bad Id',
      title: ' ',
      deadline: '2027-01-15',
      evaluators: ['coo@northwind.example', 'not-an-email', 'COO@northwind.example'],
      vendors: ['coastline', 'Coast Line'],
    });
    expect(got.ok).toBe(false);
    if (got.ok) return;
    expect(got.issues.map((i) => i.path.join('.'))).toEqual([
      'id',
      'title',
      'deadline',
      'evaluators.1',
      'evaluators.2',
      'vendors.1',
    ]);
  });

  it('normalises evaluators to lower case and refuses a response at or after the deadline, naming it', () => {
    const got = checkSetup({
      id: 'acme-2027',
      title: 'Acme',
      deadline: '2027-01-15T17:00:00Z',
      evaluators: ['Boss@Acme.example'],
      vendors: ['coastline'],
    });
    expect(got).toMatchObject({ ok: true, value: { evaluators: ['boss@acme.example'] } });
    expect(() =>
      checkOnTime('acme-2027', '2027-01-15T17:00:00.000Z', '2027-01-15T16:59:59.999Z'),
    ).not.toThrow();
    const late = () => checkOnTime('acme-2027', '2027-01-15T17:00:00.000Z', '2027-01-15T17:00:00.000Z');
    expect(late).toThrow(LateSubmission);
    expect(late).toThrow('the deadline for responses to acme-2027 was 2027-01-15T17:00:00.000Z');
  });
});
