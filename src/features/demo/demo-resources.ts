import type { Executor } from '../../db/executor.ts';
import type { Audience, ResourceKind } from '../../shared/api/resources.ts';
import { insertResource } from '../resources/resources.service.ts';

/**
 * A small shelf of resources so the demo's Resources page and match pages have something on
 * them. The addresses are example.org placeholders: a real program links its own videos and
 * guides, or uploads them.
 */
const DEMO_RESOURCES: { title: string; description: string; kind: ResourceKind; audience: Audience; topic: string; path: string }[] = [
  {
    title: 'What to expect from your mentoring year',
    description: 'A twelve-minute welcome: how the year runs, the first month, and what the program office does.',
    kind: 'video',
    audience: 'everyone',
    topic: 'Getting started',
    path: 'welcome-video',
  },
  {
    title: 'Your first conversation',
    description: 'Questions that help a new pair get to know each other and agree how often to talk.',
    kind: 'document',
    audience: 'everyone',
    topic: 'Getting started',
    path: 'first-conversation',
  },
  {
    title: 'Guiding without taking over',
    description: 'For mentors: listening, asking good questions, and letting your mentee lead.',
    kind: 'video',
    audience: 'mentors',
    topic: 'Mentoring well',
    path: 'guiding-video',
  },
  {
    title: 'Getting the most from your mentor',
    description: 'For mentees: setting goals you care about, asking for feedback, and keeping in touch.',
    kind: 'document',
    audience: 'mentees',
    topic: 'Mentoring well',
    path: 'mentee-guide',
  },
  {
    title: 'Writing SMART goals for your goal sheet',
    description: 'Specific, measurable, achievable, relevant and time-bound: with examples from youth services.',
    kind: 'link',
    audience: 'everyone',
    topic: 'Goal sheets',
    path: 'smart-goals',
  },
];

export async function seedDemoResources(db: Executor, staffId: number, at: string): Promise<void> {
  for (const [i, r] of DEMO_RESOURCES.entries()) {
    await insertResource(db, {
      title: r.title,
      description: r.description,
      kind: r.kind,
      audience: r.audience,
      topic: r.topic,
      url: `https://example.org/mentoring/${r.path}`,
      file: null,
      position: i + 1,
      createdBy: staffId,
      at,
    });
  }
}
