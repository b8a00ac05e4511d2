import type { Dialect } from '../../core/sql/dialect.js';
import type { Migration } from './migrations.js';

/**
 * The columns the contact metrics read from interactions besides the index's keys
 * (contacts-source.ts, episode-plans.ts, contact-queries.ts), agent_id included for
 * breakdowns by agent.
 */
export const CONTACT_METRIC_COLUMNS = [
  'workflow',
  'site',
  'channel',
  'language',
  'path',
  'agent_id',
  'customer_id',
  'closed_at',
  'abandoned',
  'resolved',
  'csat',
  'error',
  'offer',
  'revenue',
  'handle_seconds',
  'queue_seconds',
  'prev_gap_seconds',
  'next_gap_seconds',
];

/**
 * Migration 150 (versions 150-154: PostgreSQL's catalog at 10M, issue 13): a vendor's
 * contacts of a period, in one index range that carries every column the contact metrics
 * read. A vendor's question (and a vendor's session under row-level security, whose policy
 * reads tenant and vendor) then reads its own contacts only, next to each other, from the
 * index alone once the rows are all-visible: measured at 1M contacts (loaded machine),
 * fcr 0.15 s to 0.05 s and backlog 0.13 s to 0.08 s. Rows arrive in time order across
 * vendors, so on (tenant, started_at) a vendor's rows are spread over every page of the
 * period. Engines whose scans need no index (DuckDB) get none.
 */
export const VENDOR_INDEX_MIGRATION: Migration = {
  version: 150,
  name: 'interactions by (tenant, vendor, started_at), covering the contact metrics',
  statements: (dialect: Dialect) =>
    dialect.bulkIndex(
      'interactions_vendor_started_at',
      'interactions',
      ['tenant', 'vendor', 'started_at'],
      CONTACT_METRIC_COLUMNS,
    ),
};
