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
 * the client's users all of them, a vendor manager their vendor's. Team leads and agents
 * see their site's and their own numbers, not a whole vendor's invoice or terms.
 */
export const canSeeContract = (p: Principal, contract: Pick<Contract, 'vendor'>) =>
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
