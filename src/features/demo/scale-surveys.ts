import { randomUUID } from 'node:crypto';
import type { RespondentRole, SurveyKind } from '../../shared/surveys.ts';
import { DAY_MS } from '../../time/clock.ts';
import { toInstant } from '../../time/instant.ts';
import { addDays, daysBetween, instantAt } from '../../time/zoned.ts';
import { midPointCheckIn, wrapUpSurvey } from '../surveys/default-surveys.ts';
import { demoAnswers } from '../surveys/demo-surveys.ts';
import { questionsFor } from '../surveys/survey.rules.ts';
import type { Row } from './bulk-insert.ts';
import type { PlannedMatch } from './scale-matches.ts';

/**
 * A period's survey as the surveys feature keeps it (decision 0012): the survey row, one
 * invitation per person in the period's matches (the identity side: who was asked, the date they
 * answered), and the answers apart under random keys, in an order that says nothing about who
 * answered when. A finished year's wrap-up survey is closed with most people answered; the
 * active year's mid-point check-in is open, with a third answered so far.
 */

export function surveyRows(
  matches: readonly PlannedMatch[],
  o: {
    id: number;
    periodId: number;
    periodName: string;
    kind: SurveyKind;
    opensOn: string;
    closesOn: string;
    today: string;
    timeZone: string;
    responseShare: number;
    random: () => number;
    staffId: number;
  },
): { survey: Row<'surveys'>; invitations: Row<'survey_invitations'>[]; responses: Row<'survey_responses'>[] } {
  const { random } = o;
  const template = o.kind === 'wrap-up' ? wrapUpSurvey(o.periodName) : midPointCheckIn(o.periodName);
  // Pairs that ended early were no longer in the period's active matches when the survey opened.
  const roles = new Map<number, RespondentRole>();
  for (const m of matches) {
    if (m.endedEarly) continue;
    roles.set(m.mentor.userId, 'mentor');
    if (roles.get(m.mentee.userId) !== 'mentor') roles.set(m.mentee.userId, 'mentee');
  }
  const opened = instantAt(o.opensOn, '09:00', o.timeZone);
  const published = toInstant(new Date(opened.getTime() - 7 * DAY_MS));
  const closed = o.closesOn < o.today;
  const answeringDays = Math.max(1, daysBetween(o.opensOn, closed ? o.closesOn : o.today));
  const questions = { mentor: questionsFor(template.questions, 'mentor'), mentee: questionsFor(template.questions, 'mentee') };
  const invitations: Row<'survey_invitations'>[] = [];
  const responses: Row<'survey_responses'>[] = [];
  for (const [userId, role] of [...roles.entries()].sort((a, b) => a[0] - b[0])) {
    const answered = random() < o.responseShare;
    invitations.push({
      survey_id: o.id,
      user_id: userId,
      role,
      invited_at: toInstant(opened),
      mailed_at: toInstant(new Date(opened.getTime() + 60_000)),
      last_reminder: answered ? null : closed ? 'last' : 'week',
      reminders_sent: answered ? 0 : closed ? 2 : 1,
      responded_on: answered ? addDays(o.opensOn, Math.floor(random() ** 1.4 * answeringDays)) : null,
    });
    if (answered)
      responses.push({ id: randomUUID(), survey_id: o.id, role, answers: JSON.stringify(demoAnswers(questions[role], random)) });
  }
  // The answers side in a shuffled order: not even the order rows were written in follows the invitations.
  for (let i = responses.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [responses[i], responses[j]] = [responses[j]!, responses[i]!];
  }
  const survey: Row<'surveys'> = {
    id: o.id,
    period_id: o.periodId,
    kind: o.kind,
    title: template.title,
    intro: template.intro,
    audience: 'both',
    named: 0,
    opens_on: o.opensOn,
    closes_on: o.closesOn,
    questions: JSON.stringify(template.questions),
    wording_changes: '[]',
    published_at: published,
    closed_early_at: null,
    answer_version: responses.length,
    response_count: responses.length,
    created_by: o.staffId,
    created_at: published,
    updated_at: published,
  };
  return { survey, invitations, responses };
}
