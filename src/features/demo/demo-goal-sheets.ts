import type { GoalSheetContent, SheetGoal } from '../../shared/api/goal-sheets.ts';
import type { Channel } from '../../shared/channels.ts';
import { pick, pickSome } from '../../shared/seeded-random.ts';
import { addDays } from '../../time/zoned.ts';

/**
 * Goal sheets the demo's pairs wrote: goals a children's librarian and their mentor would set,
 * each tied to one of the program goals the mentee chose. `goal` is a position in the program's
 * goal list (0 = the first default goal, "Grow early-career confidence").
 */
const GOALS: { goal: number; title: string; activities: string; successMeasure: string }[] = [
  {
    goal: 0,
    title: 'Lead storytime for a big group on my own',
    activities:
      'Watch two of my mentor’s storytimes by video, plan a 30-minute session together with songs, a flannel board and two picture books, then run it at my branch and talk it over afterwards.',
    successMeasure: 'I lead a storytime for 40 or more children without notes, and can say what I would change next time.',
  },
  {
    goal: 0,
    title: 'Plan and cost my first summer reading kickoff',
    activities:
      'Go through last year’s budget line by line with my mentor, draft a plan for the kickoff party, and price the performer, the prizes and the supplies.',
    successMeasure: 'A one-page budget my supervisor approves before the end of April.',
  },
  {
    goal: 1,
    title: 'Meet youth services colleagues beyond my own library',
    activities: 'My mentor introduces me to three colleagues who run programs I admire, and we meet up at the state library conference.',
    successMeasure: 'Three people I can write to for advice, and one visit to another library’s children’s room.',
  },
  {
    goal: 2,
    title: 'Swap ideas for sensory storytime',
    activities:
      'Keep one shared document of songs, movement breaks and books that work for children with sensory needs; each of us tries two new ideas.',
    successMeasure: 'Ten tested ideas in the document, and two tried at each of our libraries.',
  },
  {
    goal: 2,
    title: 'Trade readers’ advisory tips for reluctant readers',
    activities: 'Each month we each bring three graphic novels or early chapter books and the kind of reader they suit.',
    successMeasure: 'A list of 30 titles I use with families at the desk.',
  },
  {
    goal: 3,
    title: 'Bring a new STEM program to the branch',
    activities: 'My mentee shows me the coding-with-robots program they run; I adapt it for our after-school crowd and we compare notes.',
    successMeasure: 'One pilot session with at least 12 children, and notes on what to keep.',
  },
  {
    goal: 4,
    title: 'Volunteer for a division committee',
    activities: 'Read the committee descriptions together, talk to a current committee member, and fill in the volunteer form.',
    successMeasure: 'My volunteer form is in before the spring deadline.',
  },
  {
    goal: 5,
    title: 'Map my skills to the core competencies',
    activities:
      'Go through the competencies for children’s librarians one area at a time and choose two to grow this year, with a course or a project for each.',
    successMeasure: 'A written plan with two areas and the steps for each, reviewed with my mentor in six months.',
  },
  {
    goal: 5,
    title: 'Build early literacy into baby and toddler programs',
    activities: 'Learn the five early literacy practices (talk, sing, read, write, play) and plan one tip for parents at every session.',
    successMeasure: 'Parents hear one early literacy tip at every session for three months; I keep track on my planning sheet.',
  },
  {
    goal: 6,
    title: 'Start a school outreach partnership',
    activities:
      'Plan monthly class visits with two elementary schools; talk each meeting with the principals through with my mentor beforehand.',
    successMeasure: 'Two schools sign up for monthly visits by the end of the spring term.',
  },
  {
    goal: 6,
    title: 'Propose a session for the regional conference',
    activities: 'Turn our outreach work into a 45-minute session proposal and practise the talk with my mentor.',
    successMeasure: 'The proposal is in on time, and I have feedback on it either way.',
  },
];

const CADENCES = [
  'A video call every other Tuesday evening, and e-mail in between.',
  'A phone call on the first and third Monday of the month.',
  'Short chat messages each week and a longer video call once a month.',
  'E-mail whenever something comes up, and a call twice a month.',
];

export const RETURN_COMMENTS = [
  'Thank you both, this is a good start. The second goal needs a way to tell when it is done: please add how you will measure it and a target date, then send it again.',
  'Lovely ideas. Could you tie the outreach goal to one of the program goals, and pick a target date before the summer reading kickoff? Then send it back to us.',
  'Please split the first goal in two: practising storytime and planning the budget are different goals with different dates.',
];

export const ACKNOWLEDGE_COMMENTS = [
  'A clear, realistic plan. We look forward to hearing how the class visits go.',
  'Thank you! The shared document of program ideas is a great idea; other pairs may want to borrow it.',
  null,
  null,
];

export interface SheetInput {
  /** Program goal ids in the program's order: index 0 is the first goal. */
  goalIdsInOrder: readonly number[];
  /** The program goals the mentee chose. */
  menteeGoalIds: readonly number[];
  channels: readonly Channel[];
  matchedOn: string;
  /** A draft still has gaps: a missing measure or date, no cadence yet. */
  complete: boolean;
}

/** A sheet's content: 1–3 goals from the mentee's chosen program goals, and a communication plan. */
export function demoSheetContent(random: () => number, input: SheetInput): GoalSheetContent {
  const chosen = new Set(input.menteeGoalIds);
  const fitting = GOALS.filter((g) => chosen.has(input.goalIdsInOrder[g.goal] ?? -1));
  const pool = fitting.length > 0 ? fitting : GOALS.filter((g) => g.goal === 0);
  const count = Math.min(pool.length, 1 + Math.floor(random() * 3));
  const goals: SheetGoal[] = pickSome(random, pool, count).map((g) => ({
    title: g.title,
    programGoalIds: [input.goalIdsInOrder[g.goal] ?? input.goalIdsInOrder[0] ?? 1],
    activities: g.activities,
    successMeasure: g.successMeasure,
    targetDate: addDays(input.matchedOn, 60 + 30 * Math.floor(random() * 8)),
  }));
  if (!input.complete) {
    const last = goals[goals.length - 1];
    if (last) goals[goals.length - 1] = { ...last, successMeasure: '', targetDate: null };
  }
  return {
    goals,
    communication: { channels: [...input.channels], cadence: input.complete || random() < 0.5 ? pick(random, CADENCES) : '' },
  };
}

/**
 * The demo mentee's own draft, written with her mentor: one goal ready, one still missing how
 * they will measure it and when, so signing in as either of them there is something to finish.
 */
export function demoPairDraft(goalIdsInOrder: readonly number[], channels: readonly Channel[], matchedOn: string): GoalSheetContent {
  const from = (title: string) => GOALS.find((g) => g.title === title) ?? (GOALS[0] as (typeof GOALS)[number]);
  const storytime = from('Lead storytime for a big group on my own');
  const committee = from('Volunteer for a division committee');
  return {
    goals: [
      { ...storytime, programGoalIds: [goalIdsInOrder[storytime.goal] ?? 1], targetDate: addDays(matchedOn, 120) },
      { ...committee, programGoalIds: [goalIdsInOrder[committee.goal] ?? 1], successMeasure: '', targetDate: null },
    ].map(({ goal: _goal, ...g }) => g),
    communication: { channels: [...channels], cadence: CADENCES[0] ?? '' },
  };
}
