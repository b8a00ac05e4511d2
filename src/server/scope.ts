import type { Contract } from '../core/contract/types.js';
import type { Dimension } from '../core/metric/scope.js';
import type { UserT } from './api/schemas.js';

/**
 * Who may see what, in ONE place: every route asks this module, never decides itself.
 * The client's users see everything of their tenant; a vendor's users see only their
 * vendor; a team lead also only their site; an agent their own numbers and their site's.
 */
export interface Principal {
  tenant: string;
  user: UserT;
}

export class Forbidden extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Forbidden';
  }
}

const isClient = (p: Principal) => p.user.kind === 'client';

/**
 * A contract a principal may see (others answer 404, so their existence is not disclosed):
 * the client's users all of them, a vendor's users their vendor's, so a team lead's and an
 * agent's pages measure the contract's outcomes (within their site, see scopeQuery).
 */
export const canSeeContract = (p: Principal, contract: Pick<Contract, 'vendor'>) =>
  isClient(p) || contract.vendor === p.user.organisation;

/**
 * A contract's money (invoices, projected pay, proposals, renewal): the client's users and
 * the vendor's manager. Team leads and agents see outcomes, not the vendor's invoice.
 */
export const canSeeContractMoney = (p: Principal, contract: Pick<Contract, 'vendor'>) =>
  isClient(p) || (p.user.role === 'vendor_manager' && contract.vendor === p.user.organisation);

/** The party a principal decides for on proposals, or null. */
export function partyOf(p: Principal): 'client' | 'vendor' | null {
  if (p.user.role === 'client_admin') return 'client';
  if (p.user.role === 'vendor_manager') return 'vendor';
  return null;
}

export const canImport = (p: Principal) => p.user.role === 'client_admin';

/**
 * Narrows a query's filters to what the principal may see: forced vendor (and site) for
 * vendor users; an agent may ask for their own agent id, or for their site without an
 * agent breakdown. Asking for more is refused, not silently dropped.
 */
export function scopeQuery(
  p: Principal,
  where: Partial<Record<Dimension, string[]>>,
  by: readonly string[],
): Partial<Record<Dimension, string[]>> {
  if (isClient(p)) return where;
  const scoped: Partial<Record<Dimension, string[]>> = { ...where };
  const force = (dim: Dimension, value: string | null) => {
    if (value === null) return;
    const asked = where[dim];
    if (asked?.some((v) => v !== value))
      throw new Forbidden(`${p.user.email} may not see ${dim} ${asked.join(', ')}`);
    scoped[dim] = [value];
  };
  force('vendor', p.user.organisation);
  if (p.user.role === 'team_lead' || p.user.role === 'agent') force('site', p.user.site);
  if (p.user.role === 'agent') {
    const asked = where.agent;
    if (asked?.some((v) => v !== p.user.agentId)) throw new Forbidden('an agent sees only their own numbers');
    if (by.includes('agent')) throw new Forbidden('an agent may not break numbers down by other agents');
  }
  return scoped;
}

/**
 * Disputes: the client's users see all of them, a vendor manager the vendor's own (the
 * filter every dispute query takes); team leads and agents none (they see no invoices).
 */
export function disputeScope(p: Principal): { vendor?: string } {
  if (isClient(p)) return {};
  if (p.user.role === 'vendor_manager') return { vendor: p.user.organisation };
  throw new Forbidden(`${p.user.role} does not see invoices or their disputes`);
}

/** The audit log and the client's webhooks are the client admin's. */
export const isClientAdmin = (p: Principal) => p.user.role === 'client_admin';

/** Whose webhooks a principal manages: the client admin the client's (any vendor's too), a vendor manager its own. */
export function webhookScope(p: Principal): { vendor?: string } {
  if (isClientAdmin(p)) return {};
  if (p.user.role === 'vendor_manager') return { vendor: p.user.organisation };
  throw new Forbidden(`${p.user.role} does not manage webhooks`);
}

/**
 * An experiment compares scopes, often across vendors: the client's users see every one;
 * a vendor manager only one whose arms are both pinned to their own vendor.
 */
export function canSeeExperiment(
  p: Principal,
  def: {
    treated: Partial<Record<Dimension, string[]>>;
    control: Partial<Record<Dimension, string[]>>;
    where: Partial<Record<Dimension, string[]>>;
  },
): boolean {
  if (isClient(p)) return true;
  if (p.user.role !== 'vendor_manager') return false;
  const own = (filters: Partial<Record<Dimension, string[]>>) =>
    (filters.vendor ?? def.where.vendor ?? []).length > 0 &&
    (filters.vendor ?? def.where.vendor ?? []).every((v) => v === p.user.organisation);
  return own(def.treated) && own(def.control);
}

/**
 * RFPs: the client's users see all of the tenant's; a vendor manager those their vendor is
 * invited to, and only their own response (the vendor filter every RFP query takes); team
 * leads and agents take no part.
 */
export function rfpScope(p: Principal): { vendor?: string } {
  if (isClient(p)) return {};
  if (p.user.role === 'vendor_manager') return { vendor: p.user.organisation };
  throw new Forbidden(`${p.user.role} does not take part in RFPs`);
}

/** A client_admin creates RFPs. */
export const canCreateRfp = (p: Principal) => p.user.role === 'client_admin';

/** The RFP's evaluators (the client's users it names) score its responses. */
export const canScoreRfp = (p: Principal, evaluators: readonly string[]) =>
  isClient(p) && evaluators.includes(p.user.email.toLowerCase());
