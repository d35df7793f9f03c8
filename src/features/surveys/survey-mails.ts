import type { MailDraft } from '../notifications/mail.service.ts';
import { dateTimeFormat } from '../../time/date-time-format.ts';

/** The e-mails of surveys, in the product's own words. */

export interface SurveyMailInput {
  programName: string;
  to: { address: string; name: string };
  survey: { title: string; intro: string; named: boolean; closesOn: string };
  /** Where they answer, in the app. */
  formUrl: string;
  /** The threshold results use, for the promise the invitation makes. */
  minGroupSize: number;
}

function closingInWords(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return dateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** What happens to their answers, said plainly; a named survey says so up front. */
export function privacyInWords(named: boolean, minGroupSize: number): string {
  return named
    ? 'This survey is NAMED: the program office will see your answers with your name on them.'
    : `Your answers are kept apart from your name. Results are only ever shown for groups of at least ${minGroupSize} people, and comments without names.`;
}

export function surveyInvitationMail(p: SurveyMailInput): MailDraft {
  return {
    to: p.to,
    kind: 'survey-invitation',
    subject: `${p.programName}: ${p.survey.title}`,
    text: [
      `Hello ${p.to.name},`,
      '',
      ...(p.survey.intro.trim() !== '' ? [p.survey.intro.trim(), ''] : []),
      `Please answer by ${closingInWords(p.survey.closesOn)}. You can save as you go and finish later.`,
      '',
      privacyInWords(p.survey.named, p.minGroupSize),
      '',
      `Answer here: ${p.formUrl}`,
      '',
      `— ${p.programName}`,
    ].join('\n'),
  };
}

export function surveyReminderMail(p: SurveyMailInput & { startedAlready: boolean }): MailDraft {
  return {
    to: p.to,
    kind: 'survey-reminder',
    subject: `Reminder: ${p.survey.title} closes ${closingInWords(p.survey.closesOn)}`,
    text: [
      `Hello ${p.to.name},`,
      '',
      p.startedAlready
        ? `You have started "${p.survey.title}" — your answers so far are saved. It closes on ${closingInWords(p.survey.closesOn)}; a few minutes will finish it.`
        : `"${p.survey.title}" closes on ${closingInWords(p.survey.closesOn)} and we have not heard from you yet. Your view matters to how the program runs next year.`,
      '',
      privacyInWords(p.survey.named, p.minGroupSize),
      '',
      `Answer here: ${p.formUrl}`,
      '',
      `If you have already answered, thank you — you will not hear about this survey again.`,
      '',
      `— ${p.programName}`,
    ].join('\n'),
  };
}
