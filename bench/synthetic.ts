import { sql } from '../src/core/sql/fragment.js';
import type { Store } from '../src/store/store.js';

/**
 * N clean canonical interactions over one year, written by DuckDB itself (fast and
 * deterministic: every value is a function of the row number).
 */
export async function writeSyntheticInteractions(store: Store, rows: number, file: string): Promise<void> {
  await store.run(sql`COPY (SELECT
      'i' || i AS interaction_id,
      strftime(TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_seconds(CAST(i * (31536000 / ${rows}) AS BIGINT)), '%Y-%m-%dT%H:%M:%SZ') AS started_at,
      '' AS closed_at,
      ['voice', 'chat', 'email', 'messaging'][1 + i % 4] AS channel,
      ['card_dispute', 'chargeback', 'account_onboarding', 'kyc_review', 'payment_issue', 'fraud_alert', 'password_reset', 'general_inquiry'][1 + (i // 7) % 8] AS workflow,
      ['brightpath', 'coastline', 'in_house'][1 + (i // 3) % 3] AS vendor,
      ['lisbon', 'manila', 'capetown', 'krakow', 'dublin'][1 + (i // 11) % 5] AS site,
      'en' AS language,
      'a' || (i % 500) AS agent_id,
      'c' || (hash(i) % 400000) AS customer_id,
      ['bot', 'human', 'bot_to_human'][1 + (i // 13) % 3] AS path,
      (i % 90)::VARCHAR AS queue_seconds,
      (100 + hash(i) % 400)::VARCHAR AS handle_seconds,
      (i % 17 = 0)::VARCHAR AS abandoned,
      (i % 5 <> 0)::VARCHAR AS resolved,
      CASE WHEN i % 4 = 0 THEN (1 + hash(i) % 5)::VARCHAR ELSE '' END AS csat,
      (i % 31 = 0)::VARCHAR AS error,
      'none' AS offer,
      '0.00' AS revenue
    FROM range(${rows}) t(i)) TO ${file} (HEADER)`);
}

/** Customers c0..c399999 for the synthetic interactions, a tenth of them churned during the year. */
export async function writeSyntheticCustomers(store: Store, file: string): Promise<void> {
  await store.run(sql`COPY (SELECT 'c' || i AS customer_id, '2024-01-01' AS since,
      CASE WHEN i % 10 = 0 THEN strftime(DATE '2026-01-01' + CAST(hash(i) % 365 AS INTEGER), '%Y-%m-%d') ELSE '' END AS churned_at,
      'retail' AS segment, '25.00' AS monthly_value
    FROM range(400000) t(i)) TO ${file} (HEADER)`);
}
