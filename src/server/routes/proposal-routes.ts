import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  decideProposal,
  getProposal,
  listProposals,
  type Proposal as StoredProposal,
} from '../../contracts/proposal-store.js';
import { ApiError, Proposal } from '../api/schemas.js';
import { principalOf, tenantOf } from '../auth/middleware.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { NotFound } from '../errors.js';
import { canSeeContractMoney, Forbidden, partyOf } from '../scope.js';
import { storeOf } from '../session-scope.js';
import { storedVersions } from './contract-routes.js';

const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

const shape = (p: StoredProposal) => {
  const decided = new Set(p.decisions.map((d) => d.party));
  return {
    id: p.id,
    contract: p.contract,
    baseVersion: p.baseVersion,
    period: p.period,
    status: p.status,
    effectiveFrom: p.effectiveFrom,
    approvals: p.decisions.map((d) => ({ party: d.party, decision: d.decision, decidedAt: d.decidedAt })),
    awaiting: p.status === 'open' ? p.body.approval.filter((party) => !decided.has(party)) : [],
    body: p.body as unknown as Record<string, unknown>,
  };
};

async function visible(deps: ServerDeps, c: Context<AppEnv>, proposal: StoredProposal): Promise<boolean> {
  const principal = principalOf(c);
  const version = (await storedVersions(deps, c)).find((v) => v.contractId === proposal.contract);
  return version !== undefined && canSeeContractMoney(principal, version.contract);
}

export function proposalRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/proposals',
      operationId: 'listProposals',
      summary: 'The proposals the caller may see',
      tags: ['proposals'],
      responses: { 200: json(z.array(Proposal), 'proposals') },
    }),
    async (c) => {
      const all = await listProposals(storeOf(c, deps), tenantOf(c));
      const seen = [];
      for (const p of all) if (await visible(deps, c, p)) seen.push(shape(p));
      return c.json(seen, 200);
    },
  );

  const one = async (c: Context<AppEnv>, id: string) => {
    const proposal = await getProposal(storeOf(c, deps), tenantOf(c), id).catch(() => null);
    if (!proposal || !(await visible(deps, c, proposal))) throw new NotFound(`no proposal ${id}`);
    return proposal;
  };
  const params = z.object({ id: z.string() });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/proposals/{id}',
      operationId: 'getProposal',
      summary: 'A proposal',
      tags: ['proposals'],
      request: { params },
      responses: { 200: json(Proposal, 'a proposal'), 404: json(ApiError, 'not found') },
    }),
    async (c) => c.json(shape(await one(c, c.req.valid('param').id)), 200),
  );

  for (const decision of ['approve', 'reject'] as const) {
    const route = createRoute({
      method: 'post',
      path: `/api/proposals/{id}/${decision}`,
      operationId: `${decision}Proposal`,
      summary: decision === 'approve' ? 'Approve a proposal' : 'Reject a proposal',
      tags: ['proposals'],
      request: { params },
      responses: {
        200: json(Proposal, 'the proposal after the decision'),
        403: json(ApiError, 'not a deciding party'),
      },
    });
    app.openapi(route, async (c) => {
      const principal = principalOf(c);
      const proposal = await one(c, c.req.valid('param').id);
      const party = partyOf(principal);
      if (!party) throw new Forbidden(`${principal.user.role} does not decide proposals`);
      await decideProposal(storeOf(c, deps), tenantOf(c), proposal.id, party, decision);
      deps.events.bump(`proposal ${proposal.id} ${decision}`);
      return c.json(shape(await getProposal(storeOf(c, deps), tenantOf(c), proposal.id)), 200);
    });
  }
}
