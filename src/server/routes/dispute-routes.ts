import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { adjustmentLine } from '../../core/settlement/adjustments.js';
import { withActor } from '../../records/audit.js';
import {
  acceptedFor,
  commentDispute,
  evidenceFile,
  getDispute,
  listDisputes,
  openDispute,
  resolveDispute,
  storedSettlements,
} from '../../records/disputes.js';
import { ApiError } from '../api/common-schemas.js';
import {
  Dispute,
  DisputeComment,
  DisputeOpen,
  DisputeResolve,
  StoredSettlements,
} from '../api/records-schemas.js';
import { principalOf, tenantOf } from '../auth/middleware.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { NotFound } from '../errors.js';
import { disputeScope, Forbidden, partyOf } from '../scope.js';
import { storeOf } from '../session-scope.js';
import { visibleContract } from './contract-routes.js';

const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const body = <T>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

/** Who made a change, for the audit log: the signed-in user of the request. */
export const recordsActor = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const user = c.get('principal')?.user;
  return user ? withActor(user.email, () => next()) : next();
};

/** The party a principal acts for on disputes: client admins and vendor managers only. */
function party(c: Context<AppEnv>) {
  const p = principalOf(c);
  const found = partyOf(p);
  if (!found) throw new Forbidden(`${p.user.role} does not open or answer disputes`);
  return found;
}

export function disputeRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const scope = (c: Context<AppEnv>) => disputeScope(principalOf(c));
  const one = async (c: Context<AppEnv>, id: string) => {
    // Another vendor's dispute answers 404, as if it did not exist.
    const found = await getDispute(storeOf(c, deps), tenantOf(c), id, scope(c).vendor).catch(() => null);
    if (!found) throw new NotFound(`no dispute ${id}`);
    return found;
  };
  const params = z.object({ id: z.string().max(40) });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/disputes',
      operationId: 'listDisputes',
      summary: 'The disputes the caller is a party to',
      tags: ['disputes'],
      request: {
        query: z.object({
          contract: z.string().max(200).optional(),
          settlement: z.string().max(300).optional(),
          status: z.string().max(20).optional(),
        }),
      },
      responses: {
        200: json(z.array(Dispute), "disputes (a vendor's own only)"),
        403: json(ApiError, 'no invoices'),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const filter = {
        ...scope(c),
        ...(q.contract ? { contract: q.contract } : {}),
        ...(q.settlement ? { settlement: q.settlement } : {}),
        ...(q.status ? { status: q.status } : {}),
      };
      return c.json(await listDisputes(storeOf(c, deps), tenantOf(c), filter), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/disputes/{id}',
      operationId: 'getDispute',
      summary: 'A dispute with its messages',
      tags: ['disputes'],
      request: { params },
      responses: {
        200: json(Dispute, 'a dispute with its thread'),
        403: json(ApiError, 'a role that sees no invoices (team leads, agents)'),
        404: json(ApiError, 'not found'),
      },
    }),
    async (c) => c.json(await one(c, c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/disputes',
      operationId: 'openDispute',
      summary: 'Open a dispute about a settlement line',
      tags: ['disputes'],
      request: body(DisputeOpen),
      responses: {
        201: json(Dispute, 'opened'),
        400: json(ApiError, 'bad input'),
        403: json(ApiError, 'not a party'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const who = party(c);
      // The settlement id starts with its contract's: a contract the caller cannot see answers 404.
      await visibleContract(deps, c, input.settlement.split('/')[0] ?? '');
      const opened = await openDispute(storeOf(c, deps), tenantOf(c), { ...input, party: who });
      return c.json(opened, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/disputes/{id}/comments',
      operationId: 'commentDispute',
      summary: 'Add a message (and evidence) to a dispute',
      tags: ['disputes'],
      request: { params, ...body(DisputeComment) },
      responses: { 200: json(Dispute, 'the dispute with the answer'), 404: json(ApiError, 'not found') },
    }),
    async (c) => {
      const d = await one(c, c.req.valid('param').id);
      const { message, evidence } = c.req.valid('json');
      return c.json(
        await commentDispute(storeOf(c, deps), tenantOf(c), d.id, {
          party: party(c),
          body: message,
          ...(evidence ? { evidence } : {}),
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/disputes/{id}/resolve',
      operationId: 'resolveDispute',
      summary: 'Resolve a dispute',
      tags: ['disputes'],
      request: { params, ...body(DisputeResolve) },
      responses: {
        200: json(Dispute, 'resolved'),
        400: json(ApiError, 'not allowed or bad input'),
        404: json(ApiError, 'not found'),
      },
    }),
    async (c) => {
      const d = await one(c, c.req.valid('param').id);
      return c.json(
        await resolveDispute(storeOf(c, deps), tenantOf(c), d.id, {
          party: party(c),
          ...c.req.valid('json'),
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/disputes/{id}/messages/{no}/evidence/{name}',
      operationId: 'getDisputeEvidence',
      summary: 'A file attached to a dispute message',
      tags: ['disputes'],
      request: {
        params: params.extend({ no: z.coerce.number().int().min(1).max(100_000), name: z.string().max(120) }),
      },
      responses: {
        200: {
          description: 'the evidence file, as an attachment',
          content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        403: json(ApiError, 'a role that sees no invoices (team leads, agents)'),
        404: json(ApiError, 'not found'),
      },
    }),
    async (c) => {
      const { id, no, name } = c.req.valid('param');
      const d = await one(c, id);
      const bytes = await evidenceFile(storeOf(c, deps), tenantOf(c), d.id, no, name);
      if (!bytes) throw new NotFound(`no evidence ${name} on message ${no} of ${id}`);
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename="${name.replace(/"/g, '')}"`,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/{id}/settlements',
      operationId: 'listStoredSettlements',
      summary: 'The settlements stored for a contract',
      tags: ['settlements'],
      request: {
        params: z.object({ id: z.string().max(200) }),
        query: z.object({ period: z.string().max(40).optional() }),
      },
      responses: {
        200: json(
          StoredSettlements,
          'stored settlements, and the adjustments a settlement of the period carries',
        ),
        404: json(ApiError, 'not found'),
      },
    }),
    async (c) => {
      const version = await visibleContract(deps, c, c.req.valid('param').id);
      const { period } = c.req.valid('query');
      const store = storeOf(c, deps);
      const settlements = await storedSettlements(store, tenantOf(c), version.contractId, period);
      const adjustments = period
        ? (await acceptedFor(store, tenantOf(c), version.contractId, period)).map((d) =>
            adjustmentLine(d, version.contract.currency),
          )
        : [];
      return c.json({ settlements, adjustments }, 200);
    },
  );
}
