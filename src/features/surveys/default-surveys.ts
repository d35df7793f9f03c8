import type { Question } from '../../shared/api/surveys.ts';
import { CHANNELS, CHANNEL_LABELS } from '../../shared/channels.ts';

/**
 * The surveys a new period starts with (PRODUCT.md §10): the end-of-year wrap-up and a short
 * mid-point check-in, in Tandem's own words. Staff edit them before they open. Question ids are
 * stable so results can be compared from one year to the next.
 */

export interface SurveyTemplate {
  title: string;
  intro: string;
  questions: Question[];
}

/** The five labels of a 1–5 scale, point 1 first. */
const SATISFACTION = ['Very dissatisfied', 'Dissatisfied', 'Neither satisfied nor dissatisfied', 'Satisfied', 'Very satisfied'];
const USEFULNESS = ['Not at all useful', 'Slightly useful', 'Moderately useful', 'Very useful', 'Extremely useful'];
const AGREEMENT = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];
const LIKELIHOOD = ['Very unlikely', 'Unlikely', 'Not sure', 'Likely', 'Very likely'];
const YES_MAYBE_NO = ['Yes', 'Maybe', 'No'];

type QuestionCore = Pick<Question, 'id' | 'section' | 'kind' | 'text'> & Partial<Question>;

/** A required question for everyone, with no help text, options or bounds unless given. */
function question(fields: QuestionCore): Question {
  return { help: '', required: true, audience: 'both', options: [], min: null, max: null, ...fields };
}

export function wrapUpSurvey(periodName: string): SurveyTemplate {
  const overall = 'Your year overall';
  const goalsAndContact = 'Goals and keeping in touch';
  const support = 'Support from the program';
  const match = 'Your match';
  const mentors = 'For mentors';
  const mentees = 'For mentees';
  const ahead = 'Looking ahead';

  return {
    title: `${periodName}: wrap-up survey`,
    intro:
      `Thank you for being part of the mentoring program in ${periodName}. ` +
      'This survey asks how the year went for you and what we could do better, and takes about ten minutes. ' +
      'Your answers are confidential: the people who review them see only combined results, and written comments appear without names.',
    questions: [
      question({
        id: 'overall',
        section: overall,
        kind: 'likert',
        text: 'All things considered, how satisfied are you with your year in the program?',
        options: SATISFACTION,
      }),
      question({
        id: 'went-well',
        section: overall,
        kind: 'long-text',
        text: 'What worked well for you this year?',
        help: 'For example an activity, a conversation or a habit that made a difference.',
        required: false,
      }),
      question({
        id: 'went-badly',
        section: overall,
        kind: 'long-text',
        text: 'What did not work so well?',
        help: 'Anything that got in the way, whether it was about the program, the timing or something else.',
        required: false,
      }),
      question({
        id: 'goals-met',
        section: goalsAndContact,
        kind: 'single',
        text: 'How many of the goals on your goal sheet did you reach?',
        help: 'Think of the goals you and your partner wrote down at the start, including any you changed along the way.',
        options: ['All of them', 'Most of them', 'Some of them', 'None of them', 'We did not set goals'],
      }),
      question({
        id: 'contact-frequency',
        section: goalsAndContact,
        kind: 'single',
        text: 'On average, how often were you and your partner in touch?',
        help: 'Count any exchange that went beyond a quick hello: a call, a meeting, a real conversation by message.',
        options: ['About once a week or more', 'About every two weeks', 'About once a month', 'Less than once a month', 'Rarely or never'],
      }),
      question({
        id: 'contact-channels',
        section: goalsAndContact,
        kind: 'multiple',
        text: 'How did you keep in touch?',
        help: 'Tick every way you used.',
        options: CHANNELS.map((c) => CHANNEL_LABELS[c]),
      }),
      question({
        id: 'forums-trainings',
        section: support,
        kind: 'likert',
        text: 'How useful were the program’s online forums and trainings to you?',
        help: 'Include recordings you watched later. Leave this blank if you did not take part in any of them.',
        required: false,
        options: USEFULNESS,
      }),
      question({
        id: 'resources',
        section: support,
        kind: 'likert',
        text: 'How useful were the program’s resources, such as the videos, documents and suggested activities?',
        help: 'Leave this blank if you did not use them.',
        required: false,
        options: USEFULNESS,
      }),
      question({
        id: 'goal-sheet',
        section: support,
        kind: 'likert',
        text: 'How useful was the goal sheet in giving your year a direction?',
        help: 'Leave this blank if you did not fill one in.',
        required: false,
        options: USEFULNESS,
      }),
      question({
        id: 'match-fit',
        section: match,
        kind: 'likert',
        text: 'My partner and I were a good fit for each other.',
        options: AGREEMENT,
      }),
      question({
        id: 'mentor-hours',
        section: mentors,
        kind: 'number',
        text: 'About how many hours a month did you spend on mentoring?',
        help: 'Include conversations, messages and any preparation. A rough average is fine.',
        audience: 'mentor',
        min: 0,
        max: 100,
      }),
      question({
        id: 'mentor-again',
        section: mentors,
        kind: 'single',
        text: 'Would you like to mentor again next year?',
        audience: 'mentor',
        options: YES_MAYBE_NO,
      }),
      question({
        id: 'mentee-confidence',
        section: mentees,
        kind: 'likert',
        text: 'I feel more confident in my work than I did when the program started.',
        audience: 'mentee',
        options: AGREEMENT,
      }),
      question({
        id: 'mentee-again',
        section: mentees,
        kind: 'single',
        text: 'Would you take part in the program again as a mentee?',
        audience: 'mentee',
        options: YES_MAYBE_NO,
      }),
      question({
        id: 'mentee-to-mentor',
        section: mentees,
        kind: 'single',
        text: 'Would you consider becoming a mentor yourself one day?',
        audience: 'mentee',
        options: ['Yes', 'Maybe, in a few years', 'No', 'Not sure yet'],
      }),
      question({
        id: 'recommend',
        section: ahead,
        kind: 'likert',
        text: 'How likely are you to recommend the program to a colleague?',
        options: LIKELIHOOD,
      }),
      question({
        id: 'suggestions',
        section: ahead,
        kind: 'long-text',
        text: 'What would you change to make the program better next year?',
        required: false,
      }),
    ],
  };
}

export function midPointCheckIn(periodName: string): SurveyTemplate {
  const section = 'How it is going';
  const office = 'Anything we can do';

  return {
    title: `${periodName}: mid-point check-in`,
    intro:
      `Now that ${periodName} is well under way, we would like to hear how things are going with your match. ` +
      'These few questions take about three minutes. ' +
      'Your answers are confidential and are only ever reported as combined results.',
    questions: [
      question({
        id: 'how-going',
        section,
        kind: 'likert',
        text: 'How is your mentoring relationship going so far?',
        options: ['Very badly', 'Not so well', 'Neither well nor badly', 'Well', 'Very well'],
      }),
      question({
        id: 'contact-as-planned',
        section,
        kind: 'single',
        text: 'Are you and your partner in touch as often as you planned?',
        help: 'Compare with the plan you made together, for example on your goal sheet.',
        options: [
          'Yes, about as often',
          'More often than planned',
          'Less often than planned',
          'We have hardly been in touch',
          'We did not make a plan',
        ],
      }),
      question({
        id: 'goal-progress',
        section,
        kind: 'likert',
        text: 'How much progress have you made on your goals?',
        options: ['None yet', 'A little', 'Some', 'A good deal', 'Goals already met'],
      }),
      question({
        id: 'tell-the-office',
        section: office,
        kind: 'long-text',
        text: 'Is there anything the program office should know about, or could help with?',
        help: 'Answers are read without names. If you would like someone to contact you, write to the program office directly.',
        required: false,
      }),
    ],
  };
}
