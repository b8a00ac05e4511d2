import { expect } from 'vitest';
import type { Issue } from '../../core/issues.js';
import type { AuditEntry } from '../../records/audit.js';
import type { Store } from '../../store/store.js';
import type {
  RfpComparisonT,
  RfpQuestionsT,
  RfpResponsesT,
  RfpSubmissionResultT,
  RfpSummaryT,
} from '../api/schemas.js';
import { addUser } from '../auth/users.js';
import { TestClient } from '../test-client.js';

/**
 * The stored-RFP flow over real HTTP, shared by the DuckDB and PostgreSQL tests: a
 * client_admin creates an RFP from the template, two vendors respond (one with an evidence
 * file), the server is stopped and started on the same store, the evaluators score, and
 * the comparison ranks from the stored scores; a vendor sees neither another's response
 * nor an RFP it is not invited to; a late response is refused, naming the deadline.
 */

export const RFP_USERS = [
  { email: 'coo@northwind.example', role: 'client_admin', organisation: 'northwind' },
  { email: 'vendors@northwind.example', role: 'client_viewer', organisation: 'northwind' },
  { email: 'audit@northwind.example', role: 'client_viewer', organisation: 'northwind' },
  { email: 'ops@coastline.example', role: 'vendor_manager', organisation: 'coastline' },
  { email: 'ops@brightpath.example', role: 'vendor_manager', organisation: 'brightpath' },
  { email: 'ops@oceanic.example', role: 'vendor_manager', organisation: 'oceanic' },
] as const;
const PASSWORD = 'rfp-flow-2026';

export async function addRfpUsers(store: Store, tenant: string): Promise<void> {
  for (const u of RFP_USERS) await addUser(store, tenant, { ...u, name: u.email, password: PASSWORD });
}

export interface Server {
  url: string;
  close(): Promise<void>;
}

const over = async (server: Server, email: string) => {
  const client = new TestClient({
    request: (path: string, init: RequestInit) => fetch(server.url + path, init),
  } as never);
  expect((await client.login(email, PASSWORD)).status).toBe(200);
  return client;
};

const ID = 'northwind-support-2028';
const deadlineIn = (ms: number) => new Date(Date.now() + ms).toISOString();

export const jsonResponse = (vendor: string, rfp = ID) => ({
  apiVersion: 'covenant/v1',
  kind: 'RFPResponse',
  metadata: { name: `${vendor}-2028`, displayName: `${vendor} BPO` },
  spec: {
    rfp,
    vendor,
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
  },
});
const attachments = [
  { name: 'csat-before-after.csv', text: 'period,csat,n\n2025-Q4,0.75,900\n2026-Q3,0.80,950\n' },
];

const yamlResponse = [
  'apiVersion: covenant/v1',
  'kind: RFPResponse',
  'metadata: { name: brightpath-2028 }',
  'spec:',
  `  rfp: ${ID}`,
  '  vendor: brightpath',
  '  pricing: { model: per_fte, atRisk: 0% }',
  '  answers:',
  '    - question: succession',
  '      summary: Every team lead has a named successor.',
  '      evidence:',
  '        - { request: succession-plan, title: Succession plan, url: "https://brightpath.example/succession" }',
  '',
].join('\n');

export async function rfpFlow(
  start: () => Promise<Server>,
  audit: () => Promise<AuditEntry[]>,
): Promise<void> {
  let server = await start();
  const coo = await over(server, 'coo@northwind.example');
  const create = (body: Record<string, unknown>) =>
    coo.json<RfpSummaryT & { issues: Issue[] }>('POST', '/api/rfps', body);
  const setup = {
    deadline: deadlineIn(3_600_000),
    evaluators: ['coo@northwind.example', 'vendors@northwind.example'],
    vendors: ['coastline', 'brightpath'],
  };

  // Uploaded YAML is checked by the RFP parser: every problem with its line.
  const bad = await create({
    ...setup,
    yaml: 'apiVersion: covenant/v1\nkind: RFP\nmetadata: { name: bad }\nspec:\n  client: x\n  currency: EUR\n  sections:\n    - id: only\n      title: Only\n      weight: 60%\n      questions: []\n',
  });
  expect(bad.status).toBe(400);
  expect(bad.body.issues.length).toBeGreaterThan(0);
  expect(bad.body.issues.every((i) => typeof i.line === 'number')).toBe(true);
  const unknownEvaluator = await create({
    ...setup,
    template: 'default',
    id: ID,
    evaluators: ['ops@coastline.example'],
  });
  expect(unknownEvaluator.status).toBe(400);
  expect(unknownEvaluator.body, JSON.stringify(unknownEvaluator.body)).toMatchObject({
    issues: [{ code: 'unknown_evaluator' }],
  });
  const coastline = await over(server, 'ops@coastline.example');
  expect((await coastline.send('POST', '/api/rfps', { ...setup, template: 'default', id: ID })).status).toBe(
    403,
  );

  const created = await create({ ...setup, template: 'default', id: ID, title: 'Support from 2028' });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ id: ID, title: 'Support from 2028', open: true, responses: 0 });
  const empty = await coo.json<RfpComparisonT>('GET', `/api/rfps/${ID}/comparison`);
  expect(empty.status).toBe(200);
  expect(empty.body.vendors).toEqual([]);

  // Invited vendors see it (and only themselves among the invited); others do not know it exists.
  const listed = await coastline.json<{ rfps: RfpSummaryT[] }>('GET', '/api/rfps');
  expect(listed.body.rfps.find((r) => r.id === ID)?.vendors).toEqual(['coastline']);
  const oceanic = await over(server, 'ops@oceanic.example');
  expect(
    (await oceanic.json<{ rfps: RfpSummaryT[] }>('GET', '/api/rfps')).body.rfps.map((r) => r.id),
  ).not.toContain(ID);
  expect((await oceanic.send('GET', `/api/rfps/${ID}`)).status).toBe(404);
  expect(
    (
      await oceanic.send('POST', `/api/rfps/${ID}/responses`, {
        response: jsonResponse('oceanic'),
        attachments,
      })
    ).status,
  ).toBe(404);

  // Responses: JSON with an evidence file, and YAML.
  const posted = await coastline.json<RfpSubmissionResultT>('POST', `/api/rfps/${ID}/responses`, {
    response: jsonResponse('coastline'),
    attachments,
  });
  expect(posted.status).toBe(201);
  expect(posted.body.vendor).toMatchObject({ unscored: true, rank: null });
  expect(posted.body.vendor.evidence[0]).toMatchObject({ file: 'csat-before-after.csv', attached: true });
  const brightpath = await over(server, 'ops@brightpath.example');
  const fromYaml = await brightpath.send('POST', `/api/rfps/${ID}/responses`, yamlResponse, {
    'content-type': 'application/yaml',
  });
  expect(fromYaml.status).toBe(201);
  expect(
    (
      await brightpath.send('POST', `/api/rfps/${ID}/responses`, {
        response: jsonResponse('coastline'),
        attachments,
      })
    ).status,
  ).toBe(403);
  const own = await brightpath.json<RfpResponsesT>('GET', `/api/rfps/${ID}/responses`);
  expect(own.body.responses.map((r) => r.vendor)).toEqual(['brightpath']);
  expect((await brightpath.send('GET', `/api/rfps/${ID}/comparison`)).status).toBe(403);
  expect((await brightpath.send('GET', `/api/rfps/${ID}/scores`)).status).toBe(403);

  // Stop the server and start it again on the same store: everything is still there.
  await server.close();
  server = await start();
  const admin = await over(server, 'coo@northwind.example');
  const viewer = await over(server, 'vendors@northwind.example');
  const stored = await admin.json<RfpResponsesT>('GET', `/api/rfps/${ID}/responses`);
  expect(stored.body.responses.map((r) => r.vendor)).toEqual(['brightpath', 'coastline']);
  expect(stored.body.responses[1]?.attachments).toEqual([
    { name: 'csat-before-after.csv', bytes: 48, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
  ]);
  expect(stored.body.responses[1]?.response).toMatchObject({ pricing: { model: 'outcome_based' } });
  const file = `/api/rfps/${ID}/responses/coastline/attachment?name=csat-before-after.csv`;
  const evidence = await admin.send('GET', file);
  expect(evidence.status).toBe(200);
  expect(await evidence.text()).toBe(attachments[0]?.text);
  expect((await (await over(server, 'ops@brightpath.example')).send('GET', file)).status).toBe(404);

  // The evaluators score; a vendor and a client user who is not an evaluator may not.
  const questions = (await admin.json<RfpQuestionsT>('GET', `/api/rfps/${ID}`)).body.sections.flatMap((s) =>
    s.questions.map((q) => q.id),
  );
  const scores = (value: number) => ({
    scores: questions.map((question) => ({ question, score: value, comment: null })),
  });
  const put = (who: TestClient, vendor: string, body: unknown) =>
    who.send('PUT', `/api/rfps/${ID}/scores/${vendor}`, body);
  expect((await put(await over(server, 'ops@coastline.example'), 'coastline', scores(5))).status).toBe(403);
  expect((await put(await over(server, 'audit@northwind.example'), 'coastline', scores(5))).status).toBe(403);
  const offScale = await admin.json<{ issues: Issue[] }>(
    'PUT',
    `/api/rfps/${ID}/scores/coastline`,
    scores(7),
  );
  expect(offScale.status).toBe(400);
  expect(offScale.body.issues[0]?.path).toEqual(['scores', 0, 'score']);
  expect(
    (
      await put(admin, 'coastline', {
        scores: [
          { question: questions[0], score: 4, comment: 'before and after' },
          ...scores(3).scores.slice(1),
        ],
      })
    ).status,
  ).toBe(200);
  expect((await put(admin, 'brightpath', scores(2))).status).toBe(200);
  const halfway = await admin.json<RfpComparisonT>('GET', `/api/rfps/${ID}/comparison`);
  expect(halfway.body.scoring.map((s) => s.complete)).toEqual([true, false]);
  expect(halfway.body.ranking.winner).toBe('coastline');
  expect((await put(viewer, 'coastline', scores(4))).status).toBe(200);
  expect((await put(viewer, 'brightpath', scores(1))).status).toBe(200);
  const ranked = await admin.json<RfpComparisonT>('GET', `/api/rfps/${ID}/comparison`);
  expect(ranked.status).toBe(200);
  expect(ranked.body.scoring.every((s) => s.complete)).toBe(true);
  expect(ranked.body.ranking.order).toEqual(['coastline', 'brightpath']);
  expect(ranked.body.vendors.every((v) => v.unscored === false)).toBe(true);
  const note = ranked.body.vendors[0]?.byQuestion[0] as { raw: { evaluator: string; note?: string }[] };
  expect(note.raw).toContainEqual({ evaluator: 'coo@northwind.example', score: 4, note: 'before and after' });

  // A response after the deadline is refused, naming the deadline.
  const soon = await admin.json<RfpSummaryT>('POST', '/api/rfps', {
    ...setup,
    template: 'default',
    id: 'closing-soon',
    deadline: deadlineIn(4_000),
  });
  expect(soon.status).toBe(201);
  await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(soon.body.deadline) - Date.now() + 50)));
  const late = await (await over(server, 'ops@coastline.example')).json<{ error: string }>(
    'POST',
    '/api/rfps/closing-soon/responses',
    { response: jsonResponse('coastline', 'closing-soon'), attachments },
  );
  expect(late.status).toBe(409);
  expect(late.body.error).toContain(soon.body.deadline);
  await server.close();

  // Every change is audited, in the transaction of the change.
  const actions = (await audit()).filter((a) => a.action.startsWith('rfp.'));
  expect(actions.map((a) => `${a.action} ${a.subject} ${a.actor}`)).toEqual([
    `rfp.create ${ID} coo@northwind.example`,
    `rfp.response ${ID}/coastline ops@coastline.example`,
    `rfp.response ${ID}/brightpath ops@brightpath.example`,
    `rfp.score ${ID}/coastline coo@northwind.example`,
    `rfp.score ${ID}/brightpath coo@northwind.example`,
    `rfp.score ${ID}/coastline vendors@northwind.example`,
    `rfp.score ${ID}/brightpath vendors@northwind.example`,
    'rfp.create closing-soon coo@northwind.example',
  ]);
}
