import { hrefOf } from './hash-route';
import type { ContractSummary, Role, User } from './types';

export const isClientRole = (role: Role): boolean => role === 'client_admin' || role === 'client_viewer';

/**
 * The party a user decides proposals as, or null when the role does not decide:
 * client_admin acts as `client`, vendor_manager as `vendor`. client_viewer only reads.
 */
export function partyOf(role: Role): 'client' | 'vendor' | null {
  if (role === 'client_admin') return 'client';
  if (role === 'vendor_manager') return 'vendor';
  return null;
}

export interface NavItem {
  id: string;
  label: string;
  href: string;
  /** The first path segment the item is active on. */
  section: string;
}

const ITEMS: Record<string, Omit<NavItem, 'id'>> = {
  contracts: { label: 'Contracts', href: '#/contracts', section: 'contracts' },
  drilldown: { label: 'Drill-down', href: '#/drilldown', section: 'drilldown' },
  operations: { label: 'Remote operations', href: '#/operations', section: 'operations' },
  automation: { label: 'Automation', href: '#/automation', section: 'automation' },
  settlement: { label: 'Settlement', href: '#/settlement', section: 'settlement' },
  proposals: { label: 'Proposals', href: '#/proposals', section: 'proposals' },
  agent: { label: 'My numbers', href: '#/agent', section: 'agent' },
  glossary: { label: 'Glossary', href: '#/glossary', section: 'glossary' },
};

const BY_ROLE: Record<Role, string[]> = {
  client_admin: ['contracts', 'drilldown', 'operations', 'automation', 'settlement', 'proposals', 'glossary'],
  client_viewer: [
    'contracts',
    'drilldown',
    'operations',
    'automation',
    'settlement',
    'proposals',
    'glossary',
  ],
  vendor_manager: [
    'contracts',
    'drilldown',
    'operations',
    'automation',
    'settlement',
    'proposals',
    'glossary',
  ],
  team_lead: ['operations', 'drilldown', 'automation', 'glossary'],
  agent: ['agent', 'glossary'],
};

export const navItems = (role: Role): NavItem[] =>
  BY_ROLE[role].flatMap((id) => {
    const item = ITEMS[id];
    return item ? [{ id, ...item }] : [];
  });

/** The contract a vendor manager lands on: the one in force today, else the latest. */
export function currentContract(contracts: ContractSummary[], today: string): ContractSummary | undefined {
  const inForce = contracts.filter((c) => c.term.start <= today && today <= c.term.end);
  const pool = inForce.length > 0 ? inForce : contracts;
  return [...pool].sort((a, b) => a.term.start.localeCompare(b.term.start)).at(-1);
}

/** Where a role starts: client -> contracts, vendor manager -> their contract, team lead -> their site, agent -> own page. */
export function homeOf(user: User, contracts: ContractSummary[] | undefined, today: string): string {
  switch (user.role) {
    case 'client_admin':
    case 'client_viewer':
      return '#/contracts';
    case 'vendor_manager': {
      const contract = contracts ? currentContract(contracts, today) : undefined;
      return contract ? hrefOf(['contracts', contract.id]) : '#/contracts';
    }
    case 'team_lead':
      return hrefOf(['operations'], { site: user.site });
    case 'agent':
      return '#/agent';
  }
}
