import { INTERACTION_HEADER } from '../test-support/fixtures.js';

/** Hand-built March 2026 contacts (Europe/Lisbon) whose metric values are worked out in the tests. */
type Row = Partial<Record<string, string>> & { id: string; at: string };

const defaults: Record<string, string> = {
  channel: 'voice',
  workflow: 'card_dispute',
  vendor: 'brightpath',
  site: 'lisbon',
  path: 'human',
  abandoned: 'false',
  resolved: 'true',
};

export const MARCH: Row[] = [
  {
    id: 'i01',
    at: '2026-03-02T10:00:00Z',
    customer_id: 'c1',
    queue_seconds: '10',
    handle_seconds: '300',
    resolved: 'false',
    csat: '2',
  },
  {
    id: 'i02',
    at: '2026-03-05T10:00:00Z',
    customer_id: 'c1',
    queue_seconds: '30',
    handle_seconds: '200',
    csat: '5',
  },
  {
    id: 'i03',
    at: '2026-03-10T09:00:00Z',
    channel: 'chat',
    customer_id: 'c2',
    queue_seconds: '3',
    handle_seconds: '100',
    csat: '4',
    offer: 'accepted',
    revenue: '10.00',
  },
  {
    id: 'i04',
    at: '2026-02-25T09:00:00Z',
    channel: 'chat',
    customer_id: 'c3',
    queue_seconds: '0',
    handle_seconds: '50',
    resolved: 'false',
  },
  {
    id: 'i05',
    at: '2026-03-03T09:00:00Z',
    channel: 'chat',
    customer_id: 'c3',
    queue_seconds: '25',
    handle_seconds: '150',
    csat: '5',
  },
  // 23:30Z on 29 March is 00:30 on 30 March in Lisbon (summer time began at 01:00Z that day).
  {
    id: 'i06',
    at: '2026-03-29T23:30:00Z',
    customer_id: 'c4',
    queue_seconds: '15',
    handle_seconds: '400',
    csat: '3',
  },
  {
    id: 'i07',
    at: '2026-04-03T09:00:00Z',
    customer_id: 'c4',
    vendor: 'coastline',
    site: 'krakow',
    queue_seconds: '5',
    handle_seconds: '100',
  },
  {
    id: 'i08',
    at: '2026-03-12T11:00:00Z',
    channel: 'email',
    handle_seconds: '600',
    error: 'true',
    closed_at: '2026-04-02T10:00:00Z',
  },
  {
    id: 'i09',
    at: '2026-03-15T12:00:00Z',
    channel: 'chat',
    workflow: 'password_reset',
    path: 'bot',
    customer_id: 'c5',
  },
  {
    id: 'i10',
    at: '2026-03-16T12:00:00Z',
    channel: 'chat',
    workflow: 'password_reset',
    path: 'bot_to_human',
    site: 'manila',
    customer_id: 'c6',
    queue_seconds: '40',
    handle_seconds: '120',
    csat: '5',
    offer: 'declined',
  },
  {
    id: 'i11',
    at: '2026-03-17T12:00:00Z',
    channel: 'chat',
    workflow: 'password_reset',
    path: 'bot',
    customer_id: 'c7',
    resolved: 'false',
    error: 'true',
  },
  {
    id: 'i12',
    at: '2026-03-20T12:00:00Z',
    customer_id: 'c8',
    queue_seconds: '3',
    abandoned: 'true',
    resolved: 'false',
    csat: '5',
  },
  {
    id: 'i13',
    at: '2026-03-21T12:00:00Z',
    customer_id: 'c9',
    queue_seconds: '60',
    abandoned: 'true',
    resolved: 'false',
  },
  // 00:30Z on 29 March is still winter time: 29 March locally.
  {
    id: 'i14',
    at: '2026-03-29T00:30:00Z',
    channel: 'messaging',
    customer_id: 'c10',
    queue_seconds: '20',
    handle_seconds: '250',
    csat: '4',
    closed_at: '2026-03-29T02:00:00Z',
  },
  // Local 1 April 00:30 (summer time) and local 28 February 23:30: both outside March.
  {
    id: 'i15',
    at: '2026-03-31T23:30:00Z',
    customer_id: 'c11',
    queue_seconds: '1',
    handle_seconds: '100',
    csat: '1',
  },
  {
    id: 'i16',
    at: '2026-02-28T23:30:00Z',
    customer_id: 'c12',
    queue_seconds: '1',
    handle_seconds: '100',
    csat: '1',
  },
];

export function interactionsCsv(rows: Row[]): string {
  const columns = INTERACTION_HEADER.split(',');
  const lines = rows.map((row) => {
    const values: Record<string, string> = {
      ...defaults,
      ...row,
      interaction_id: row.id,
      started_at: row.at,
    } as Record<string, string>;
    return columns.map((c) => values[c] ?? '').join(',');
  });
  return [INTERACTION_HEADER, ...lines].join('\n');
}

/** c10 is missing on purpose (a data-quality warning); churn dates sit on both sides of first contact + 90 days. */
export const CUSTOMERS = [
  'customer_id,since,churned_at,segment,monthly_value',
  'c1,2024-01-01,2026-04-15,retail,10.00',
  'c2,2024-01-01,,retail,10.00',
  'c3,2024-01-01,2026-06-02,retail,10.00',
  'c4,2024-01-01,2026-06-28,retail,10.00',
  'c5,2024-01-01,,retail,10.00',
  'c6,2024-01-01,,retail,10.00',
  'c7,2024-01-01,2026-03-20,retail,10.00',
].join('\n');
