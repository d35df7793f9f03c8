import type { Survey, SurveyListItem } from '../../shared/api/surveys.ts';
import type { MySurveyStatus } from '../../shared/surveys.ts';
import type { SurveyInvitation } from './survey-invitations.store.ts';
import { surveyState } from './survey.rules.ts';
import type { SurveyRecord } from './surveys.store.ts';

/** How surveys are shown: records to the API's shapes. */

export function summaryOf(s: SurveyRecord, timeZone: string, now: Date) {
  return {
    id: s.id,
    periodId: s.periodId,
    periodName: s.periodName,
    kind: s.kind,
    title: s.title,
    intro: s.intro,
    audience: s.audience,
    named: s.named,
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    state: surveyState(s, timeZone, now),
    closedEarlyAt: s.closedEarlyAt,
  };
}

export function myStatusOf(invitation: Pick<SurveyInvitation, 'respondedOn' | 'draftSavedAt'>): MySurveyStatus {
  if (invitation.respondedOn !== null) return 'submitted';
  return invitation.draftSavedAt !== null ? 'draft' : 'not-started';
}

export function listItemOf(
  s: SurveyRecord,
  timeZone: string,
  now: Date,
  o: { counts?: { invited: number; responded: number }; invitation?: SurveyInvitation },
): SurveyListItem {
  return {
    ...summaryOf(s, timeZone, now),
    invited: o.counts ? o.counts.invited : null,
    responded: o.counts ? o.counts.responded : null,
    myStatus: o.invitation ? myStatusOf(o.invitation) : null,
  };
}

export function surveyViewOf(s: SurveyRecord, timeZone: string, now: Date, counts: { invited: number; responded: number }): Survey {
  return {
    ...summaryOf(s, timeZone, now),
    questions: s.questions,
    questionsFrozen: s.responseCount > 0,
    invited: counts.invited,
    responded: counts.responded,
    window: s.window,
    wordingChanges: s.wordingChanges,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}
