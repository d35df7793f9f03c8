import type { Executor } from '../../db/executor.ts';
import { DEFAULT_SETTINGS } from '../programs/default-settings.ts';
import { findSettings } from '../programs/program.service.ts';
import { countFaq, insertFaq } from './faq.store.ts';

/** The settings the default answers quote, so a program set up with other numbers reads true. */
export interface FaqFacts {
  goalSheetDeadlineDays: number;
  goalsPerSheetMin: number;
  goalsPerSheetMax: number;
  guaranteeWindowDays: number;
  contactsPerMonth: number;
  goalSheetSubmitter: 'mentee' | 'either';
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const words = (n: number) => NUMBER_WORDS[n] ?? String(n);
const timesAMonth = (n: number) => (n === 1 ? 'once a month' : n === 2 ? 'twice a month' : `${words(n)} times a month`);
const goalRange = (min: number, max: number) =>
  `${min === max ? words(min) : `${words(min)} to ${words(max)}`} goal${max === 1 ? '' : 's'}`;

/**
 * The FAQ a new program starts with, in Tandem's own words, covering what the model program's
 * "Working with a match" page covers. Staff edit, reorder and delete entries afterwards.
 */
export function defaultFaq(f: FaqFacts): { question: string; answer: string }[] {
  const sender =
    f.goalSheetSubmitter === 'mentee' ? 'The mentee sends it to the program office' : 'Either of you can send it to the program office';
  const often =
    f.contactsPerMonth > 0
      ? `We suggest being in touch at least ${timesAMonth(f.contactsPerMonth)}, even if some of those conversations are short.`
      : 'There is no set number of conversations: find a rhythm that suits you both.';
  const window =
    f.guaranteeWindowDays > 0
      ? `During the first ${f.guaranteeWindowDays} days after your match is made, either of you can ask for a new partner from your match page. Only the program office sees your reason. The office does its best to find someone else; when nobody suitable is free, you are invited to apply again in the next period. After those ${f.guaranteeWindowDays} days, write to the program office: they can still help you find a way forward.`
      : 'Write to the program office. They will listen, and help you decide together what to do next.';
  return [
    {
      question: 'How are mentors and mentees matched?',
      answer:
        'After applications close, the matching committee pairs each mentee with the mentor who fits best. Shared program goals, interests and expertise, type of workplace, ways of keeping in touch, time zone and language all count, along with any preferences you shared in confidence.\n\nThere are usually more mentees than mentors, so not everyone is matched in every period. If you are not matched, you can ask to be carried over to the next one.',
    },
    {
      question: 'We have just been matched. What should we do first?',
      answer:
        'Say hello. Write to your partner in the first few days, using the contact details on your home page, and set up a first conversation. Use it to get to know each other, talk about what you each hope to get from the year, and agree how and how often you will keep in touch. Then start your goal sheet together.',
    },
    {
      question: 'What is the goal sheet, and when is it due?',
      answer: `The goal sheet is the plan for your year: ${goalRange(f.goalsPerSheetMin, f.goalsPerSheetMax)} you set together, each tied to one or more of the program's goals, with the activities you have in mind, how you will know it worked, and a target date.\n\nIt is due ${f.goalSheetDeadlineDays} days after your match is made. You fill it in together on your match's page. ${sender} by that day, and they will let you know they have received it.`,
    },
    {
      question: 'How often should we be in touch?',
      answer: `${often} How you talk is up to you: phone, e-mail, video call or online chat all work.\n\nLogging a contact on your match's page takes a few clicks and helps the program office notice when a match could use a hand. It is optional, and your notes are read only by the two of you and the program office.`,
    },
    {
      question: 'What kinds of things do pairs do together?',
      answer:
        'Whatever moves your goals forward. The program keeps a list of suggested activities, such as a résumé or CV review, a mock interview with written feedback, a shared reading list, talking through a difficult situation at work, or meeting up at a conference. You will find them on your match page. Keep it friendly and informal: this is a relationship, not paperwork.',
    },
    {
      question: 'Do we have to meet in person?',
      answer:
        'No. The program runs online, and most pairs never need to meet face to face. If you live near each other you are welcome to meet in person, and a conference you both attend is a good chance to do so; the program office may set up meet-ups there.',
    },
    {
      question: 'How much time does it take?',
      answer: `A match lasts one program year. Most of the time goes into your conversations (with ${f.contactsPerMonth > 0 ? timesAMonth(f.contactsPerMonth) : 'a regular rhythm'}, often two or three hours a month in all), a little more at the start while you set your goals, and any forums or trainings you choose to join.`,
    },
    {
      question: 'What if the match is not working?',
      answer: `It happens, and it is nobody's fault. ${window}`,
    },
    {
      question: 'What training and support is there?',
      answer:
        'Through the year the program holds online forums and trainings, such as an hour-long forum where pairs trade ideas about setting goals and keeping in touch. They are recorded, so you can watch later if you cannot join live. Videos and guides for mentors and mentees are on the Resources page.',
    },
    {
      question: 'How is the program evaluated?',
      answer:
        'Near the end of each program year, mentors and mentees answer a short survey about what worked and what did not. Answers are confidential: an advisory task force sees them only in aggregate, never who said what, and writes a yearly report to improve the program.',
    },
    {
      question: 'Who do I contact with questions?',
      answer:
        'The program office. Questions about your goal sheet go to its goal-sheet contact, and questions about forums and trainings to its training contact. Once you are signed in, you will find both on your home page and on the page of your match.',
    },
  ];
}

/** Seeds the FAQ when it is empty (a new program, or one set up before the FAQ existed). */
export async function seedDefaultFaq(db: Executor, at: string): Promise<void> {
  if ((await countFaq(db)) > 0) return;
  const settings = await findSettings(db);
  const entries = defaultFaq(settings ?? DEFAULT_SETTINGS);
  for (const [i, e] of entries.entries()) await insertFaq(db, { ...e, position: i + 1, at });
}
