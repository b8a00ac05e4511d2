/**
 * The renewal scorecard and the RFP comparison over the API (docs/api.md): the same
 * recommendations as the CLI for the demo, a vendor kept to its own contract, the PDF from
 * Chromium, the comparison for the client only, and vendor responses submitted through the
 * form: every problem with its path, then the valid one in the comparison, unscored.
 */
import { relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Issue } from '../core/issues.js';
import type { Scorecard } from '../core/renewal/types.js';
import { createDemoUsers } from '../demo/demo-users.js';
import { loadDemo } from '../demo/load-demo.js';
import { scoreRfpFiles } from '../renewal/rfp-files.js';
import type { Store } from '../store/store.js';
import { memoryStore } from '../test-support/fixtures.js';
import type { RfpComparisonT, RfpQuestionsT, RfpSubmissionResultT } from './api/schemas.js';
import { createApp } from './app.js';
import { serverDeps } from './deps.js';
import { silentLogger } from './logger.js';
import { TestClient } from './test-client.js';

const BRIGHTPATH = 'northwind-brightpath-2026';
const COASTLINE = 'northwind-coastline-2026';
/** The day after the term: the whole of 2026 is scored (docs/renewal.md, The demo). */
const AS_OF = '2027-01-01';

let store: Store;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  store = await memoryStore();
  await loadDemo(store, { scale: 0.05, seed: 1, tenant: 'northwind', decisions: false });
  await createDemoUsers(store, 'northwind');
  app = createApp(serverDeps(store, { log: silentLogger }));
}, 120_000);

const as = async (email: string, password: string) => {
  const client = new TestClient(app);
  expect((await client.login(email, password)).status).toBe(200);
  return client;
};
const coo = () => as('coo@northwind.example', 'demo-coo-2026');
const viewer = () => as('vendors@northwind.example', 'demo-viewer-2026');
const coastline = () => as('ops@coastline.example', 'demo-coastline-2026');
const brightpath = () => as('ops@brightpath.example', 'demo-brightpath-2026');

const renewal = (id: string, asOf = AS_OF) => `/api/contracts/${id}/renewal?asOf=${asOf}`;

describe('renewal scorecard', () => {
  it('recommends renew for BrightPath and re-tender (or changes) for Coastline, as the CLI does', async () => {
    const client = await coo();
    const bright = await client.json<Scorecard>('GET', renewal(BRIGHTPATH));
    expect(bright.status).toBe(200);
    expect(bright.body.kind).toBe('RenewalScorecard');
    expect(bright.body.recommendation.decision).toBe('renew');
    expect(bright.body.termSoFar.display).toContain('2026-01-01');
    expect(bright.body.outcomes).toHaveLength(6);
    expect(bright.body.recommendation.reasons.every((r) => r.facts.length > 0)).toBe(true);
    const coast = await client.json<Scorecard>('GET', renewal(COASTLINE));
    expect(coast.status).toBe(200);
    expect(['re_tender', 'renew_with_changes']).toContain(coast.body.recommendation.decision);
    expect(coast.body.recommendation.decision).toBe('re_tender');
  });

  it('keeps a vendor to its own contract: another vendor’s scorecard and PDF answer 404', async () => {
    const client = await coastline();
    expect((await client.send('GET', renewal(BRIGHTPATH))).status).toBe(404);
    expect((await client.send('GET', `/api/contracts/${BRIGHTPATH}/renewal.pdf?asOf=${AS_OF}`)).status).toBe(
      404,
    );
    const own = await client.json<Scorecard>('GET', renewal(COASTLINE));
    expect(own.status).toBe(200);
    expect(own.body.contract.vendor).toBe('coastline');
  });

  it('refuses an as-of date that is not a date, or before the term', async () => {
    const client = await coo();
    expect((await client.send('GET', renewal(BRIGHTPATH, '2027-1-1'))).status).toBe(400);
    expect((await client.send('GET', renewal(BRIGHTPATH, '2026-02-30'))).status).toBe(400);
    expect((await client.send('GET', renewal(BRIGHTPATH, '2025-06-01'))).status).toBe(400);
    expect((await client.send('GET', renewal('no-such-contract'))).status).toBe(404);
  });

  it('prints the scorecard to a PDF with Chromium, as an attachment', async () => {
    const client = await coo();
    const response = await client.send('GET', `/api/contracts/${BRIGHTPATH}/renewal.pdf?asOf=${AS_OF}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${BRIGHTPATH}-renewal-${AS_OF}.pdf"`,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(bytes.length).toBeGreaterThan(10_000);
  });
});

/** A valid response to the default RFP: two answers, one with a before/after attachment. */
const response = (vendor: string, overrides: Record<string, unknown> = {}) => ({
  apiVersion: 'covenant/v1',
  kind: 'RFPResponse',
  metadata: { name: `${vendor}-revised`, displayName: 'Coastline BPO (revised)' },
  spec: {
    rfp: 'northwind-support-2027',
    vendor,
    submitted: '2026-12-03',
    pricing: { model: 'outcome_based', unit: 'handled_contact', rate: '3.80', atRisk: '12%', bonusCap: '4%' },
    commitments: { coachingCadence: '14d' },
    answers: [
      {
        question: 'outcome-per-workflow',
        summary: 'Card disputes CSAT per workflow, measured before and after coaching.',
        evidence: [
          {
            request: 'before-after',
            title: 'Card disputes CSAT before and after',
            file: 'csat-before-after.csv',
            metric: 'csat',
            workflow: 'card_dispute',
            before: { period: '2025-Q4', value: 0.75, n: 900 },
            after: { period: '2026-Q3', value: 0.8, n: 950 },
          },
        ],
      },
      { question: 'outcome-reporting', summary: 'A shared dashboard and a monthly joint review.' },
    ],
    ...overrides,
  },
});
const attachments = [
  { name: 'csat-before-after.csv', text: 'period,csat,n\n2025-Q4,0.75,900\n2026-Q3,0.80,950\n' },
];

describe('RFP comparison and responses', () => {
  it('ranks BrightPath first for the client, with the same JSON as `rfp score --format json`', async () => {
    const client = await viewer();
    const got = await client.json<RfpComparisonT>('GET', '/api/rfp');
    expect(got.status).toBe(200);
    expect(got.body.ranking.winner).toBe('brightpath');
    expect(got.body.vendors.map((v) => v.vendor)).toEqual(['brightpath', 'coastline', 'harbourline']);
    expect(got.body.vendors[0]?.classification).toBe('value_era_partner');
    expect(got.body.sensitivity.tightest).not.toBeNull();
    expect(got.body.submissions).toBeUndefined();
    // The CLI run from the package root prints the same document (paths relative to it).
    const { evaluation } = await scoreRfpFiles({
      rfp: 'rfp/default-rfp.yaml',
      responses: 'rfp/demo/responses',
    });
    // (The CLI resolves the default scores folder to an absolute path; the API never shows one.)
    const cli = JSON.parse(JSON.stringify(evaluation)) as RfpComparisonT;
    for (const e of cli.evaluators) e.file = relative(process.cwd(), String(e.file));
    expect(got.body).toEqual(cli);
  });

  it('answers 403 to a vendor asking for the comparison', async () => {
    const client = await coastline();
    expect((await client.send('GET', '/api/rfp')).status).toBe(403);
  });

  it('lets only a vendor manager submit, for their own organisation', async () => {
    const client = await coo();
    expect(
      (await client.send('POST', '/api/rfp/responses', { response: response('coastline') })).status,
    ).toBe(403);
    const other = await brightpath();
    const theirs = await other.send('POST', '/api/rfp/responses', {
      response: response('coastline'),
      attachments,
    });
    expect(theirs.status).toBe(403);
  });

  it('lists every problem of an invalid response with its path', async () => {
    const client = await coastline();
    const bad = response('coastline', {
      pricing: { model: 'per_minute', atRisk: '150%' },
      answers: [
        { question: 'outcome-per-workflw', summary: 'typo in the question id' },
        {
          question: 'outcome-reporting',
          summary: 'a file that was not sent',
          evidence: [{ request: 'dashboard', title: 'Sample', file: 'missing.pdf' }],
        },
      ],
    });
    const got = await client.json<{ error: string; issues: Issue[] }>('POST', '/api/rfp/responses', {
      response: bad,
      attachments,
    });
    expect(got.status).toBe(400);
    const paths = got.body.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('spec.pricing.model');
    expect(paths).toContain('spec.pricing.atRisk');
    expect(got.body.issues.every((i) => i.message.length > 0)).toBe(true);
    // With the shape right, the meaning is checked: the question id and the attachment.
    const meaning = await client.json<{ issues: Issue[] }>('POST', '/api/rfp/responses', {
      response: response('coastline', {
        answers: [
          { question: 'outcome-per-workflw', summary: 'typo in the question id' },
          {
            question: 'outcome-reporting',
            summary: 'a file that was not sent',
            evidence: [{ request: 'dashboard', title: 'Sample', file: 'missing.pdf' }],
          },
        ],
      }),
      attachments,
    });
    expect(meaning.status).toBe(400);
    const byPath = new Map(meaning.body.issues.map((i) => [i.path.join('.'), i]));
    expect(byPath.get('spec.answers.0.question')?.message).toContain('did you mean');
    expect(byPath.get('spec.answers.1.evidence.0.file')?.code).toBe('unknown_attachment');
    // YAML works too, with positions in the text sent.
    const yaml = await client.send('POST', '/api/rfp/responses', 'kind: RFPResponse\nspec: [', {
      'content-type': 'application/yaml',
    });
    expect(yaml.status).toBe(400);
    const wrongType = await client.send('POST', '/api/rfp/responses', '<xml/>', {
      'content-type': 'application/xml',
    });
    expect(wrongType.status).toBe(415);
  });

  it('adds a valid response to the comparison as unscored, out of the ranking until it is scored', async () => {
    const client = await coastline();
    const posted = await client.json<RfpSubmissionResultT>('POST', '/api/rfp/responses', {
      response: response('coastline'),
      attachments,
    });
    expect(posted.status).toBe(201);
    expect(posted.body.vendor.unscored).toBe(true);
    expect(posted.body.vendor.rank).toBeNull();
    expect(posted.body.vendor.evidence[0]).toMatchObject({ file: 'csat-before-after.csv', attached: true });
    expect(posted.body.submission.attachments).toEqual([{ name: 'csat-before-after.csv', bytes: 48 }]);
    // The vendor sees its own submission on the form, never the comparison.
    const questions = await client.json<RfpQuestionsT>('GET', '/api/rfp/questions');
    expect(questions.body.submission?.vendor).toBe('coastline');
    expect((await client.send('GET', '/api/rfp')).status).toBe(403);

    const seen = await (await coo()).json<RfpComparisonT>('GET', '/api/rfp');
    const entry = seen.body.vendors.find((v) => v.vendor === 'coastline');
    expect(entry).toMatchObject({ unscored: true, rank: null, total: null });
    expect(seen.body.ranking.order).toEqual(['brightpath', 'harbourline']);
    expect(seen.body.submissions?.map((s) => s.vendor)).toEqual(['coastline']);
    expect(seen.body.vendors.map((v) => v.vendor)).toEqual(['brightpath', 'harbourline', 'coastline']);
  });

  it('takes the response as YAML too, and lists every vendor who submitted as unscored', async () => {
    const yaml = [
      'apiVersion: covenant/v1',
      'kind: RFPResponse',
      'metadata: { name: brightpath-revised }',
      'spec:',
      '  rfp: northwind-support-2027',
      '  vendor: brightpath',
      '  pricing: { model: outcome_based, atRisk: 15% }',
      '  answers:',
      '    - question: succession',
      '      summary: Every team lead has a named successor.',
      '      evidence:',
      '        - { request: succession-plan, title: Succession plan, url: "https://brightpath.example/succession" }',
      '',
    ].join('\n');
    const client = await brightpath();
    const posted = await client.send('POST', '/api/rfp/responses', yaml, {
      'content-type': 'application/yaml',
    });
    expect(posted.status).toBe(201);
    const seen = await (await coo()).json<RfpComparisonT>('GET', '/api/rfp');
    expect(seen.body.ranking.order).toEqual(['harbourline']);
    expect(seen.body.vendors.filter((v) => v.unscored).map((v) => v.vendor)).toEqual([
      'brightpath',
      'coastline',
    ]);
  });
});
