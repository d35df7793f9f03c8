import type { Role } from '../../src/shared/roles.ts';

export interface NavItem {
  to: string;
  label: string;
}

const STAFF_ITEMS: NavItem[] = [
  { to: '/people', label: 'People' },
  { to: '/periods', label: 'Periods' },
  { to: '/review', label: 'Matching' },
  { to: '/health', label: 'Program health' },
  { to: '/rematch', label: 'Re-match queue' },
  { to: '/goal-sheets', label: 'Goal sheets' },
  { to: '/activities', label: 'Activities' },
  { to: '/events', label: 'Events' },
  { to: '/archive', label: 'Archive' },
  { to: '/surveys', label: 'Surveys' },
  { to: '/workspace', label: 'Year in numbers' },
  { to: '/reports', label: 'Annual report' },
  { to: '/resources', label: 'Resources' },
  { to: '/reminders', label: 'Reminders' },
  { to: '/outbox', label: 'Outbox' },
  { to: '/settings', label: 'Settings' },
  { to: '/audit', label: 'Audit log' },
];

/**
 * What everyone else reads: the events they're invited to and the archive of past ones, the
 * program's resources and its FAQ (staff run events from Events, and edit the rest from Resources).
 */
const READER_ITEMS: NavItem[] = [
  { to: '/events', label: 'Events' },
  { to: '/archive', label: 'Archive' },
  { to: '/resources', label: 'Resources' },
  { to: '/faq', label: 'FAQ' },
];

/** Pages offered only while they are of use (participant choice: while a period lets mentees choose). */
export interface NavConditions {
  findMentor?: boolean;
  mentorRequests?: boolean;
  mentorCard?: boolean;
}

/** The main navigation for someone with these roles. */
export function navItemsFor(roles: readonly Role[], when: NavConditions = {}): NavItem[] {
  const items: NavItem[] = [{ to: '/', label: 'Home' }];
  if (roles.includes('staff')) return [...items, ...STAFF_ITEMS];
  // The committee reviews applications and matches, but doesn't run the program's settings.
  if (roles.includes('committee'))
    items.push({ to: '/review', label: 'Matching' }, { to: '/rematch', label: 'Re-match queue' }, { to: '/liaison', label: 'Your pairs' });
  // The task force reads survey results and the program's figures in aggregate, and writes the annual report.
  if (roles.includes('taskforce'))
    items.push(
      { to: '/workspace', label: 'Year in numbers' },
      { to: '/survey-results', label: 'Survey results' },
      { to: '/reports', label: 'Annual report' },
    );
  // A mentee who chooses their mentor; a mentor whom mentees may ask, and the card they see.
  if (roles.includes('mentee') && when.findMentor) items.push({ to: '/choose', label: 'Find a mentor' });
  if (roles.includes('mentor') && when.mentorRequests) items.push({ to: '/requests', label: 'Requests' });
  if (roles.includes('mentor') && when.mentorCard) items.push({ to: '/mentor-card', label: 'My card' });
  if (roles.includes('mentor') || roles.includes('mentee')) items.push({ to: '/surveys', label: 'Surveys' });
  // A mentor's letters of recognition, one for each program year seen through.
  if (roles.includes('mentor')) items.push({ to: '/letters', label: 'Letters' });
  return [...items, ...READER_ITEMS];
}
