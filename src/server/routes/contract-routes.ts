import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { listVersions, type StoredVersion } from '../../contracts/contract-store.js';
import { contractOverview } from '../../contracts/overview.js';
import { computeSettlement } from '../../contracts/settle-contract.js';
import { versionsInForce } from '../../contracts/versions-in-force.js';
import type { PeriodWindow } from '../../core/metric/scope.js';
import { parseWindow } from '../../core/time/period-window.js';
import { ApiError, ContractDetail, ContractSummary, Invoice, Overview } from '../api/schemas.js';
import { principalOf, tenantOf } from '../auth/middleware.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { NotFound } from '../errors.js';
import { canSeeContract, canSeeContractMoney } from '../scope.js';
import { scopeKey, storeOf } from '../session-scope.js';

const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const id = z.object({ id: z.string() });
const period = z.object({ period: z.string() });
const notFound = json(ApiError, 'no such contract (or not yours)');

const summary = (v: StoredVersion) => ({
  id: v.contractId,
  displayName: v.contract.displayName ?? null,
  client: v.contract.client,
  vendor: v.contract.vendor,
  version: v.version,
  effectiveFrom: v.effectiveFrom,
  timezone: v.contract.timezone,
  settlement: v.contract.settlement,
  currency: v.contract.currency,
  term: v.contract.term,
});

/** Every stored version, parsed once per data version (parsing YAML on each request was the cost of a page). */
export const storedVersions = (deps: ServerDeps, c: Context<AppEnv>): Promise<StoredVersion[]> =>
  deps.cache.get(deps.events.version, `contract-versions:${scopeKey(c)}`, () =>
    listVersions(storeOf(c, deps), tenantOf(c)),
  );

/**
 * The latest version of a contract the principal may see; any other answers 404. `terms`:
 * its outcomes and targets (every user of its vendor); `money` (the default): its invoices,
 * projected pay, proposals and renewal (client users and the vendor's manager).
 */
export async function visibleContract(
  deps: ServerDeps,
  c: Context<AppEnv>,
  contractId: string,
  need: 'terms' | 'money' = 'money',
): Promise<StoredVersion> {
  const principal = principalOf(c);
  const version = (await storedVersions(deps, c)).filter((v) => v.contractId === contractId).at(-1);
  const allowed = need === 'terms' ? canSeeContract : canSeeContractMoney;
  if (!version || !allowed(principal, version.contract)) throw new NotFound(`no contract ${contractId}`);
  return version;
}

/** The `period` query parameter as a window in the contract's zone (400 naming `period` otherwise). */
const windowOf = (version: StoredVersion, text: string): PeriodWindow =>
  parseWindow(text, version.contract.timezone, 'period');

/**
 * A period's invoice of a visible contract, computed (not stored) and cached per data
 * version and caller's scope: the JSON route and the file exports read the same entry.
 */
export function cachedInvoice(deps: ServerDeps, c: Context<AppEnv>, version: StoredVersion, period: string) {
  const window = windowOf(version, period);
  return deps.cache.get(
    deps.events.version,
    `settlement:${scopeKey(c)}:${version.contractId}:${window.label}`,
    () =>
      computeSettlement(storeOf(c, deps), tenantOf(c), version.contractId, window, new Date().toISOString(), {
        mechanics: true,
      }),
  );
}

async function versionForPeriod(
  deps: ServerDeps,
  c: Context<AppEnv>,
  latest: StoredVersion,
  window: PeriodWindow,
): Promise<StoredVersion> {
  const versions = (await storedVersions(deps, c)).filter((v) => v.contractId === latest.contractId);
  return versionsInForce(versions, window.startDate, window.endDate)[0]?.version ?? latest;
}

export function contractRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts',
      operationId: 'listContracts',
      summary: 'The contracts the caller may see',
      tags: ['contracts'],
      responses: { 200: json(z.array(ContractSummary), 'visible contracts') },
    }),
    async (c) => {
      const latest = new Map((await storedVersions(deps, c)).map((v) => [v.contractId, v]));
      return c.json(
        [...latest.values()].filter((v) => canSeeContract(principalOf(c), v.contract)).map(summary),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/{id}',
      operationId: 'getContract',
      summary: 'A contract',
      tags: ['contracts'],
      request: { params: id },
      responses: { 200: json(ContractDetail, 'a contract'), 404: notFound },
    }),
    async (c) => {
      const latest = await visibleContract(deps, c, c.req.valid('param').id, 'terms');
      const versions = (await storedVersions(deps, c)).filter((v) => v.contractId === latest.contractId);
      return c.json(
        {
          ...summary(latest),
          versions: versions.map((v) => ({
            version: v.version,
            effectiveFrom: v.effectiveFrom,
            origin: v.origin,
          })),
          source: latest.source,
          spec: latest.contract as unknown as Record<string, unknown>,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/{id}/overview',
      operationId: 'getContractOverview',
      summary: 'A contract’s overview: each metric against its target, period by period',
      tags: ['contracts'],
      request: { params: id, query: period },
      responses: { 200: json(Overview, 'outcomes and projected pay'), 404: notFound },
    }),
    async (c) => {
      const latest = await visibleContract(deps, c, c.req.valid('param').id);
      const window = windowOf(latest, c.req.valid('query').period);
      // The terms in force when the period began: a later version never rewrites a past quarter.
      const version = await versionForPeriod(deps, c, latest, window);
      // Keyed by the caller's scope too: a result computed in one party's session never serves another.
      const overview = await deps.cache.get(
        deps.events.version,
        `overview:${scopeKey(c)}:${version.contractId}:${version.version}:${window.label}`,
        () => contractOverview(storeOf(c, deps), tenantOf(c), version, window, new Date().toISOString()),
      );
      return c.json({ contract: summary(version), ...overview } as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/{id}/settlement',
      operationId: 'getSettlement',
      summary: 'A contract’s settlement (its invoice) for a period',
      tags: ['settlements'],
      request: { params: id, query: period },
      responses: { 200: json(Invoice, 'the invoice with its trace'), 404: notFound },
    }),
    async (c) => {
      const version = await visibleContract(deps, c, c.req.valid('param').id);
      const computed = await cachedInvoice(deps, c, version, c.req.valid('query').period);
      return c.json(
        {
          contract: version.contractId,
          period: computed.period,
          kind: computed.kind,
          currency: computed.invoice.currency,
          total: computed.invoice.total,
          parts: computed.parts as unknown as Record<string, unknown>[],
        },
        200,
      );
    },
  );
}
