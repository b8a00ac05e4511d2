import { BACKLOG_CHANNELS } from '../../core/metric/catalog/contact-queries.js';
import type { Migration } from './migrations.js';

/**
 * Migration 151 (issue 13): backlog's contacts by when they closed, per vendor: (tenant,
 * vendor, closed_at, started_at), partial on its channels, carrying every dimension a
 * scope filters by. Backlog asks for two ranges of it (never closed and started before
 * the end; closed at or after the end), each read from the index alone. Through the vendor time index (migration 150)
 * it read every contact of the vendor before the period's end and dropped the closed ones
 * and the other channels.
 */
export const BACKLOG_INDEX_MIGRATION: Migration = {
  version: 151,
  name: 'interactions by (tenant, vendor, closed_at, started_at) on the backlog channels',
  statements: (dialect) =>
    dialect.bulkIndex(
      'interactions_vendor_closed_at',
      'interactions',
      ['tenant', 'vendor', 'closed_at', 'started_at'],
      ['workflow', 'site', 'channel', 'language', 'path', 'agent_id'],
      BACKLOG_CHANNELS,
    ),
};
