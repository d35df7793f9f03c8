import { matchPath } from 'react-router';
import type { Role } from '../../src/shared/roles.ts';

export interface NavItem {
  to: string;
  label: string;
  /**
   * The routes this item stands for, as route patterns. Without them an item owns its own path and
   * everything under it. The most specific pattern wins, so /periods/:id/matching marks Matching,
   * not Periods.
   */
  routes?: readonly string[];
}

/** A labelled group of the main navigation; the first group has no label (Home). */
export interface NavGroup {
  label: string | null;
  items: NavItem[];
}

const REVIEW_ROUTES = ['/review/*', '/periods/:id/applications/*', '/periods/:id/matching/*', '/matches/:id'];

/** Staff run the whole program: their menu is grouped by when in the year each page is used. */
const STAFF_GROUPS: NavGroup[] = [
  {
    label: 'Program year',
    items: [
      { to: '/periods', label: 'Periods' },
      { to: '/review', label: 'Matching', routes: REVIEW_ROUTES },
      { to: '/rematch', label: 'Re-match queue' },
    ],
  },
  {
    label: 'During the year',
    items: [
      { to: '/health', label: 'Program health' },
      { to: '/goal-sheets', label: 'Goal sheets', routes: ['/goal-sheets/*', '/matches/:id/goal-sheet'] },
      { to: '/events', label: 'Events' },
      { to: '/surveys', label: 'Surveys' },
      { to: '/reminders', label: 'Reminders' },
    ],
  },
  {
    label: 'Content',
    items: [
      { to: '/activities', label: 'Activities' },
      { to: '/resources', label: 'Resources' },
      { to: '/archive', label: 'Archive' },
    ],
  },
  {
    label: 'Year in review',
    items: [
      { to: '/workspace', label: 'Year in numbers' },
      { to: '/reports', label: 'Annual report' },
    ],
  },
  {
    label: 'Admin',
    items: [
      { to: '/people', label: 'People' },
      { to: '/settings', label: 'Settings' },
      { to: '/outbox', label: 'Outbox' },
      { to: '/audit', label: 'Audit log' },
    ],
  },
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

const HOME: NavItem = { to: '/', label: 'Home', routes: ['/'] };

/** Pages offered only while they are of use (participant choice: while a period lets mentees choose). */
export interface NavConditions {
  findMentor?: boolean;
  mentorRequests?: boolean;
  mentorCard?: boolean;
}

/** The main navigation for someone with these roles, in groups (one unlabelled group for participants). */
export function navGroupsFor(roles: readonly Role[], when: NavConditions = {}): NavGroup[] {
  if (roles.includes('staff')) return [{ label: null, items: [HOME] }, ...STAFF_GROUPS];
  const items: NavItem[] = [HOME];
  // The committee reviews applications and matches, but doesn't run the program's settings.
  if (roles.includes('committee'))
    items.push(
      { to: '/review', label: 'Matching', routes: REVIEW_ROUTES },
      { to: '/rematch', label: 'Re-match queue' },
      { to: '/liaison', label: 'Your pairs' },
    );
  // The task force reads survey results and the program's figures in aggregate, and writes the annual report.
  if (roles.includes('taskforce'))
    items.push(
      { to: '/workspace', label: 'Year in numbers' },
      { to: '/survey-results', label: 'Survey results', routes: ['/survey-results/*', '/surveys/:id/results'] },
      { to: '/reports', label: 'Annual report' },
    );
  // A mentee who chooses their mentor; a mentor whom mentees may ask, and the card they see.
  if (roles.includes('mentee') && when.findMentor) items.push({ to: '/choose', label: 'Find a mentor' });
  if (roles.includes('mentor') && when.mentorRequests) items.push({ to: '/requests', label: 'Requests' });
  if (roles.includes('mentor') && when.mentorCard) items.push({ to: '/mentor-card', label: 'My card' });
  if (roles.includes('mentor') || roles.includes('mentee')) items.push({ to: '/surveys', label: 'Surveys' });
  // A mentor's letters of recognition, one for each program year seen through.
  if (roles.includes('mentor')) items.push({ to: '/letters', label: 'Letters' });
  return [{ label: null, items: [...items, ...READER_ITEMS] }];
}

/** How specific a pattern is: its static segments count most, then its parameters; a splat least. */
function specificity(pattern: string): number {
  return pattern
    .split('/')
    .filter(Boolean)
    .reduce((sum, segment) => sum + (segment === '*' ? 0 : segment.startsWith(':') ? 2 : 3), 1);
}

/** The item for the page at this path (the one marked aria-current), or null when none stands for it. */
export function currentNavItem(items: readonly NavItem[], pathname: string): NavItem | null {
  let best: NavItem | null = null;
  let bestScore = 0;
  for (const item of items) {
    for (const pattern of item.routes ?? [item.to, `${item.to}/*`]) {
      if (!matchPath({ path: pattern, end: true }, pathname)) continue;
      const score = specificity(pattern);
      if (score > bestScore) [best, bestScore] = [item, score];
    }
  }
  return best;
}
