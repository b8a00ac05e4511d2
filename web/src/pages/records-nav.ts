import { isClientRole, type NavItem } from '../lib/roles';
import type { Role } from '../lib/types';

/** Disputes for whoever sees invoices (the client's users, a vendor manager); the audit log for the client admin. */
export function withRecordsItems(items: NavItem[], role: Role): NavItem[] {
  const extra: NavItem[] = [];
  if (isClientRole(role) || role === 'vendor_manager')
    extra.push({ id: 'disputes', label: 'Disputes', href: '#/disputes', section: 'disputes' });
  if (role === 'client_admin') extra.push({ id: 'audit', label: 'Audit log', href: '#/audit', section: 'audit' });
  const at = items.findIndex((item) => item.id === 'glossary');
  return at < 0 ? [...items, ...extra] : [...items.slice(0, at), ...extra, ...items.slice(at)];
}
