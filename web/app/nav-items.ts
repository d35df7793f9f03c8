import type { Role } from '../../src/shared/roles.ts';

export interface NavItem {
  to: string;
  label: string;
}

const STAFF_ITEMS: NavItem[] = [
  { to: '/people', label: 'People' },
  { to: '/periods', label: 'Periods' },
  { to: '/review', label: 'Matching' },
  { to: '/settings', label: 'Settings' },
  { to: '/outbox', label: 'Outbox' },
  { to: '/audit', label: 'Audit log' },
];

/** The main navigation for someone with these roles. */
export function navItemsFor(roles: readonly Role[]): NavItem[] {
  const items: NavItem[] = [{ to: '/', label: 'Home' }];
  if (roles.includes('staff')) items.push(...STAFF_ITEMS);
  // The committee reviews applications and matches, but doesn't run the program's settings.
  else if (roles.includes('committee')) items.push({ to: '/review', label: 'Matching' });
  return items;
}
