import { isClientRole, type NavItem } from '../lib/roles';
import type { Role } from '../lib/types';

/**
 * The renewal and RFP pages in the header: the scorecard for the client's users and a
 * vendor manager (who sees their own contract's), the RFPs: for the client's users to
 * create, compare and score, for a vendor manager to respond to. Placed before the glossary.
 */
export function withRenewalItems(items: NavItem[], role: Role): NavItem[] {
  const extra: NavItem[] = [];
  if (isClientRole(role) || role === 'vendor_manager')
    extra.push({ id: 'renewal', label: 'Renewal', href: '#/renewal', section: 'renewal' });
  if (isClientRole(role)) extra.push({ id: 'rfp', label: 'RFP', href: '#/rfp', section: 'rfp' });
  if (role === 'vendor_manager')
    extra.push({ id: 'rfp-respond', label: 'RFPs', href: '#/rfp', section: 'rfp' });
  const at = items.findIndex((item) => item.id === 'glossary');
  return at < 0 ? [...items, ...extra] : [...items.slice(0, at), ...extra, ...items.slice(at)];
}
