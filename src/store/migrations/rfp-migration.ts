import type { Dialect } from '../../core/sql/dialect.js';
import { replacePolicies, SETTINGS } from './flat-policies.js';
import type { Migration } from './migrations.js';

/**
 * Migrations 110 and 111: RFPs as data (docs/rfp.md, Stored RFPs). An RFP keeps the YAML it
 * was created from and its parsed spec as JSON; a response keeps the document as submitted,
 * its parsed form (answers with their evidence and before/after values) and its evidence
 * files; a score is one evaluator's score of one vendor on one question. Instants are the
 * ISO-8601 UTC text the audit log hashes, so no engine's timestamp printing matters.
 */
export const RFP_TABLES_MIGRATION: Migration = {
  version: 110,
  name: 'RFPs, their responses and their scores, per tenant',
  statements: (dialect: Dialect) => {
    const text = dialect.columnType({ kind: 'string' });
    const json = dialect.jsonType;
    return [
      `CREATE TABLE rfps (
        tenant ${text} NOT NULL,
        rfp_id ${text} NOT NULL,
        title ${text} NOT NULL,
        source ${text} NOT NULL,
        spec ${json} NOT NULL,
        deadline ${text} NOT NULL,
        evaluators ${text}[] NOT NULL,
        invited_vendors ${text}[] NOT NULL,
        created_by ${text} NOT NULL,
        created_at ${text} NOT NULL,
        PRIMARY KEY (tenant, rfp_id)
      )`,
      `CREATE TABLE rfp_responses (
        tenant ${text} NOT NULL,
        rfp_id ${text} NOT NULL,
        vendor ${text} NOT NULL,
        submitted_by ${text} NOT NULL,
        submitted_at ${text} NOT NULL,
        source ${text} NOT NULL,
        response ${json} NOT NULL,
        attachments ${json} NOT NULL,
        warnings ${json} NOT NULL,
        PRIMARY KEY (tenant, rfp_id, vendor)
      )`,
      `CREATE TABLE rfp_scores (
        tenant ${text} NOT NULL,
        rfp_id ${text} NOT NULL,
        vendor ${text} NOT NULL,
        evaluator ${text} NOT NULL,
        question ${text} NOT NULL,
        score DOUBLE PRECISION NOT NULL,
        comment ${text},
        scored_at ${text} NOT NULL,
        PRIMARY KEY (tenant, rfp_id, vendor, evaluator, question)
      )`,
    ];
  },
};

/**
 * In a vendor's session: the RFPs the vendor is invited to, the vendor's own responses, and
 * no scores (the evaluators' work is the client's). Flat, without subqueries, as Citus needs.
 */
function rules(dialect: Dialect): Record<string, string> {
  const vendor = dialect.sessionSetting(SETTINGS.vendor);
  return {
    rfps: `${vendor} = ANY(invited_vendors)`,
    rfp_responses: `vendor = ${vendor}`,
    rfp_scores: 'false',
  };
}

export const RFP_POLICIES_MIGRATION: Migration = {
  version: 111,
  name: 'row-level security of RFPs, responses and scores',
  statements: (dialect: Dialect) => {
    if (!dialect.rowLevelSecurity) return [];
    return replacePolicies(dialect, rules(dialect));
  },
};
