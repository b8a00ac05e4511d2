import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { listAudit, verifyAudit } from '../../records/audit.js';
import { deliveryLog, redeliver } from '../../records/deliver.js';
import { setOptIn } from '../../records/mail-outbox.js';
import { addWebhook, listWebhooks, removeWebhook, testWebhook } from '../../records/webhooks.js';
import { ApiError } from '../api/common-schemas.js';
import {
  AuditEntry,
  AuditVerification,
  Delivery,
  EmailOptIn,
  Webhook,
  WebhookAdd,
} from '../api/records-schemas.js';
import { principalOf, tenantOf } from '../auth/middleware.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { NotFound } from '../errors.js';
import { Forbidden, isClientAdmin, webhookScope } from '../scope.js';
import { storeOf } from '../session-scope.js';

const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const body = <T>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const forbidden = json(ApiError, 'not a client admin');

/** The audit log (client admins), webhooks (client admins; a vendor manager its own), e-mail opt-in (anyone, for themselves). */
export function webhookRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const admin = (c: Context<AppEnv>) => {
    if (!isClientAdmin(principalOf(c))) throw new Forbidden('the audit log is the client admin’s');
  };
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit',
      operationId: 'listAuditEntries',
      summary: 'The audit log',
      tags: ['audit'],
      request: { query: z.object({ since: z.string().max(40).optional() }) },
      responses: { 200: json(z.array(AuditEntry), 'entries in order'), 403: forbidden },
    }),
    async (c) => {
      admin(c);
      const since = c.req.valid('query').since;
      const at =
        since === undefined || Number.isNaN(Date.parse(since))
          ? undefined
          : new Date(Date.parse(since)).toISOString();
      return c.json(await listAudit(storeOf(c, deps), tenantOf(c), at ? { since: at } : {}), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit/verify',
      operationId: 'verifyAuditLog',
      summary: 'Recompute the audit log’s hash chain',
      tags: ['audit'],
      responses: { 200: json(AuditVerification, 'the chain recomputed'), 403: forbidden },
    }),
    async (c) => {
      admin(c);
      return c.json(await verifyAudit(storeOf(c, deps), tenantOf(c)), 200);
    },
  );

  const mine = async (c: Context<AppEnv>, id: string) => {
    const hooks = await listWebhooks(storeOf(c, deps), tenantOf(c), webhookScope(principalOf(c)).vendor);
    const hook = hooks.find((h) => h.id === id);
    if (!hook) throw new NotFound(`no webhook ${id}`);
    return hook;
  };
  const params = z.object({ id: z.string().max(60) });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/webhooks',
      operationId: 'listWebhooks',
      summary: 'The active webhooks (without secrets)',
      tags: ['webhooks'],
      responses: { 200: json(z.array(Webhook), 'active webhooks, without secrets'), 403: forbidden },
    }),
    async (c) =>
      c.json(await listWebhooks(storeOf(c, deps), tenantOf(c), webhookScope(principalOf(c)).vendor), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/webhooks',
      operationId: 'addWebhook',
      summary: 'Add a webhook',
      tags: ['webhooks'],
      request: body(WebhookAdd),
      responses: { 201: json(Webhook, 'added'), 400: json(ApiError, 'bad input'), 403: forbidden },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const forced = webhookScope(principalOf(c)).vendor;
      if (forced && input.vendor && input.vendor !== forced)
        throw new Forbidden(`a webhook of ${forced} gets ${forced}'s events only`);
      return c.json(
        await addWebhook(storeOf(c, deps), tenantOf(c), { ...input, vendor: forced ?? input.vendor ?? null }),
        201,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/webhooks/{id}',
      operationId: 'removeWebhook',
      summary: 'Remove a webhook',
      tags: ['webhooks'],
      request: { params },
      responses: {
        200: json(z.object({ removed: z.string() }), 'removed'),
        404: json(ApiError, 'not found'),
      },
    }),
    async (c) => {
      const hook = await mine(c, c.req.valid('param').id);
      await removeWebhook(storeOf(c, deps), tenantOf(c), hook.id);
      return c.json({ removed: hook.id }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/webhooks/{id}/test',
      operationId: 'testWebhook',
      summary: 'Send a test event to a webhook',
      tags: ['webhooks'],
      request: { params },
      responses: {
        200: json(
          z.object({ ok: z.boolean(), status: z.number().nullable(), error: z.string().nullable() }),
          'the receiver’s answer',
        ),
      },
    }),
    async (c) =>
      c.json(
        await testWebhook(storeOf(c, deps), tenantOf(c), (await mine(c, c.req.valid('param').id)).id),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/webhooks/{id}/deliveries',
      operationId: 'listWebhookDeliveries',
      summary: 'A webhook’s recent deliveries',
      tags: ['webhooks'],
      request: { params },
      responses: {
        200: json(z.array(Delivery), 'the delivery log'),
        403: json(ApiError, 'not a client admin or vendor manager'),
        404: json(ApiError, 'not found'),
      },
    }),
    async (c) =>
      c.json(
        await deliveryLog(storeOf(c, deps), tenantOf(c), (await mine(c, c.req.valid('param').id)).id),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/webhooks/{id}/deliveries/{event}/redeliver',
      operationId: 'redeliverWebhookEvent',
      summary: 'Deliver an event to a webhook again',
      tags: ['webhooks'],
      request: { params: params.extend({ event: z.string().max(60) }) },
      responses: {
        200: json(z.object({ due: z.boolean() }), 'due on the next pass'),
        404: json(ApiError, 'not found'),
      },
    }),
    async (c) => {
      const { id, event } = c.req.valid('param');
      const hook = await mine(c, id);
      if (!(await redeliver(storeOf(c, deps), tenantOf(c), hook.id, event)))
        throw new NotFound(`no delivery of ${event} to ${id}`);
      return c.json({ due: true }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/me/notifications',
      operationId: 'setNotifications',
      summary: 'Choose the e-mail notifications the signed-in user gets',
      tags: ['preferences'],
      request: body(EmailOptIn),
      responses: { 200: json(EmailOptIn, 'your e-mail choice') },
    }),
    async (c) => {
      const { email } = c.req.valid('json');
      await setOptIn(storeOf(c, deps), tenantOf(c), principalOf(c).user.email, email);
      return c.json({ email }, 200);
    },
  );
}
