import type { ActiveMatchSummary, Application } from '../../shared/api/applications.ts';
import type { EligibilityQuestion } from '../../shared/api/settings.ts';
import type { ApplicationRecord } from './application.types.ts';
import { canApplicantChange, eligibilityProblems } from './application.rules.ts';

/**
 * An application as the API sends it. `confidential` is added only when the caller may see it
 * (the applicant, staff, the committee); the response schema drops nothing by itself, so this is
 * the one place that decides. `activeMatches` is added when the caller looked them up (reviewers).
 */
export function applicationView(
  a: ApplicationRecord,
  o: {
    questions: readonly EligibilityQuestion[];
    windowOpen: boolean;
    showConfidential: boolean;
    activeMatches?: readonly ActiveMatchSummary[] | undefined;
  },
): Application {
  const { confidential, ...answers } = a.answers;
  return {
    id: a.id,
    periodId: a.periodId,
    periodName: a.periodName,
    role: a.role,
    status: a.status,
    applicant: { id: a.userId, name: a.applicantName, email: a.applicantEmail },
    answers,
    ...(o.showConfidential && { confidential }),
    eligibilityProblems: eligibilityProblems(o.questions, a.role, a.answers.eligibilityAnswers),
    decisionReason: a.decisionReason,
    carryForward: a.carryForward,
    carriedFromId: a.carriedFromId,
    ...(o.activeMatches && { activeMatches: [...o.activeMatches] }),
    editable: canApplicantChange(a.status, o.windowOpen),
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}
