import type { Deps } from '../../deps.ts';
import type { MyData } from '../../shared/api/personal-data.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { getPerson } from '../accounts/people.service.ts';
import { getContactLog } from '../activities/contacts.service.ts';
import { listMyApplications } from '../applications/applications.service.ts';
import { readAuditAboutPerson } from '../audit/audit.service.ts';
import { calendarFeedOf } from '../events/calendar-feed.service.ts';
import { listMyEventRecords } from '../events/events.service.ts';
import { getGoalSheet } from '../goal-sheets/goal-sheets.service.ts';
import { listMyMatches } from '../matches/matches.service.ts';
import { getMyMentorCard } from '../participant-choice/mentor-cards.service.ts';
import { listMyMentorRequests } from '../participant-choice/mentor-requests.service.ts';
import { getSettings } from '../programs/program.service.ts';
import { getMyRematchOverview } from '../rematch/rematch.service.ts';
import { listMySurveyRecords } from '../surveys/survey-answers.service.ts';

const NOTES = [
  'This file holds everything Tandem stores about you: your account, applications (with every answer), matches, goal sheets, the contacts you logged, your mentor card, mentor and re-match requests, event invitations and attendance, surveys, and the audit-log entries about your account.',
  'Of a partner, only their name is included: the rest of their details are theirs, not yours. Notes a partner logged on your shared contact log are theirs as well and are left out; your shared goal sheets are included whole.',
  'Anonymous survey answers are not included. They are stored apart from who gave them (no name, no time, a random key), so nobody — not even Tandem — can find which answers are yours. The file says which surveys you were asked to answer and the day you answered.',
  'Mail the program sent you is not included; it went to your inbox.',
];

/**
 * Everything Tandem holds about the caller, gathered through each feature's own reads (the same
 * ownership checks as the pages they come from), so this file can show nothing the person
 * could not already see.
 */
export async function myData(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor): Promise<{ fileName: string; data: MyData }> {
  const now = deps.clock.now();
  const settings = await getSettings(deps);
  const person = await getPerson(deps, actor, actor.userId);
  const feed = await calendarFeedOf(deps, actor);
  const matches = await listMyMatches(deps, actor);
  const goalSheets: MyData['goalSheets'] = [];
  const contacts: MyData['contacts'] = [];
  for (const m of matches) {
    const sheet = await getGoalSheet(deps, actor, m.id);
    goalSheets.push({
      matchId: m.id,
      periodName: sheet.periodName,
      status: sheet.status,
      content: sheet.content,
      dueOn: sheet.dueOn,
      submittedAt: sheet.submittedAt,
      reviewedAt: sheet.reviewedAt,
      reviewComment: sheet.reviewComment,
    });
    const log = await getContactLog(deps, actor, m.id);
    for (const c of log.contacts) {
      if (c.loggedBy?.id !== actor.userId) continue;
      contacts.push({
        matchId: m.id,
        occurredOn: c.occurredOn,
        channel: c.channel,
        activityTitle: c.activityTitle,
        note: c.note,
        createdAt: c.createdAt,
      });
    }
  }
  const card = await getMyMentorCard(deps, actor);
  const requests = await listMyMentorRequests(deps, actor);
  const rematch = await getMyRematchOverview(deps, actor);
  const data: MyData = {
    format: 'tandem-personal-data',
    version: 1,
    generatedAt: toInstant(now),
    programName: settings.programName,
    notes: NOTES,
    account: {
      id: person.id,
      name: person.name,
      email: person.email,
      roles: person.roles,
      disabled: person.disabled,
      createdAt: person.createdAt,
      calendarFeed: { active: feed.active, createdAt: feed.createdAt },
    },
    applications: await listMyApplications(deps, actor),
    matches: matches.map((m) => ({
      id: m.id,
      periodName: m.periodName,
      myRole: m.myRole,
      status: m.status,
      matchedAt: m.matchedAt,
      partnerName: m.partner.name,
      explanation: m.explanation,
    })),
    goalSheets,
    contacts,
    mentorCard: card.card && { offer: card.card.offer, photoAlt: card.card.photoAlt, hasPhoto: card.card.photoUrl !== null },
    mentorRequests: {
      sent: requests.sent.map((r) => ({
        id: r.id,
        periodName: r.periodName,
        mentorName: r.mentor.name,
        status: r.status,
        note: r.note,
        answerNote: r.answerNote,
        createdAt: r.createdAt,
        answeredAt: r.answeredAt,
      })),
      // What the mentee wrote is theirs: a mentor's file has who asked, when, and the mentor's own answer.
      received: requests.received.map((r) => ({
        id: r.id,
        periodName: r.periodName,
        menteeName: r.mentee.name,
        status: r.status,
        answerNote: r.answerNote,
        createdAt: r.createdAt,
        answeredAt: r.answeredAt,
      })),
    },
    rematchRequests: rematch.requests.map((r) => ({
      id: r.id,
      matchId: r.matchId,
      status: r.status,
      reason: r.reason,
      wishes: r.wishes,
      createdAt: r.createdAt,
      resolvedAt: r.resolvedAt,
    })),
    events: await listMyEventRecords(deps, actor),
    surveys: await listMySurveyRecords(deps, actor),
    auditLog: (await readAuditAboutPerson(deps, actor.userId)).map((e) => ({
      at: e.createdAt,
      action: e.action,
      byName: e.actorName,
      details: e.details,
    })),
  };
  return { fileName: `tandem-my-data-${toInstant(now).slice(0, 10)}.json`, data };
}
