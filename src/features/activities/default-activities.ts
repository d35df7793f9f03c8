import type { Executor } from '../../db/executor.ts';
import { DEFAULT_PROGRAM_GOALS } from '../programs/default-settings.ts';
import { listGoals } from '../programs/program.service.ts';
import { countActivities, insertActivity } from './activities.store.ts';

/**
 * The catalogue a new program starts with: the kinds of things the model program's pairs did,
 * in Tandem's own words. `goals` are positions in DEFAULT_PROGRAM_GOALS (0 = the first), turned
 * into program goal ids when the catalogue is seeded. Staff edit, reorder and retire these.
 */
export const DEFAULT_ACTIVITIES: { title: string; description: string; goals: number[] }[] = [
  {
    title: 'Résumé or CV review',
    description:
      'The mentee shares a current résumé or CV; the mentor reads it closely and sends back suggestions on content, order and wording.',
    goals: [0, 5],
  },
  {
    title: 'Mock interview with written feedback',
    description: 'The mentor plays the interviewer for a job the mentee wants, then writes down what went well and what to practise.',
    goals: [0, 5],
  },
  {
    title: 'A shared document of program ideas',
    description: 'Start one document you both add to over the year: events, services and programs you have run, seen or want to try.',
    goals: [2, 3],
  },
  {
    title: 'A shared reading list',
    description: 'Recommend books, articles and blogs to each other, and talk about the ones that made you think.',
    goals: [2, 3, 5],
  },
  {
    title: 'Talk through a topic',
    description:
      'Pick a subject ahead of time, such as a hard situation at work, a budget, or a difficult conversation, and talk it through together.',
    goals: [0, 2],
  },
  {
    title: 'Meet up at a conference',
    description:
      'If you are both going to a conference, meet in person: go to a session together and introduce each other to people you know.',
    goals: [1, 4],
  },
  {
    title: 'Shadow a program or a meeting',
    description:
      'The mentee joins (often by video) a program, a committee or a board meeting the mentor takes part in, and you talk about it afterwards.',
    goals: [4, 5, 6],
  },
  {
    title: 'Review an application together',
    description: 'Before it goes in, go over a grant proposal, an award nomination or a committee volunteer form together.',
    goals: [0, 4, 6],
  },
  {
    title: 'Introductions to people in your network',
    description: 'The mentor introduces the mentee to two or three colleagues who share an interest or could help with a goal.',
    goals: [1, 6],
  },
  {
    title: 'Map out the next career step',
    description: 'Sketch where the mentee wants to be in a year or five, and the skills, courses and roles that lead there.',
    goals: [0, 6],
  },
  {
    title: 'Swap skills',
    description:
      'Turn the tables: the mentee teaches the mentor something they know well, from a new tool to a fresh way of reaching people.',
    goals: [2, 3],
  },
];

/**
 * Seeds the catalogue when it is empty (a new program, or one set up before activities existed).
 * A default goal is found by its default title, or else by its place in the list, so a program
 * whose staff reworded the goals still gets sensible links.
 */
export async function seedDefaultActivities(db: Executor, at: string): Promise<void> {
  if ((await countActivities(db)) > 0) return;
  const goals = await listGoals(db);
  const goalIdAt = (index: number): number | undefined => {
    const title = DEFAULT_PROGRAM_GOALS[index]?.title;
    return (goals.find((g) => g.title === title) ?? goals[index])?.id;
  };
  for (const [i, a] of DEFAULT_ACTIVITIES.entries()) {
    const programGoalIds = [...new Set(a.goals.map(goalIdAt).filter((id): id is number => id !== undefined))];
    await insertActivity(db, { title: a.title, description: a.description, programGoalIds, position: i + 1, at });
  }
}
