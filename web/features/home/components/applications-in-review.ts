import type { PeriodDates } from '../../../../src/shared/api/periods.ts';
import type { ApplicationRole, ApplicationStatus } from '../../../../src/shared/application-vocabulary.ts';

/** The dates an applicant waits on. */
export type ApplicantDates = Pick<PeriodDates, 'applicationsCloseOn' | 'matchesAnnouncedOn' | 'programEndsOn'>;

/** One period in which the person has an application still waiting for a decision. */
export interface PeriodInReview {
  periodId: number;
  periodName: string;
  roles: ApplicationRole[];
  /** Null while the periods load, or if they could not be loaded. */
  dates: ApplicantDates | null;
}

/**
 * The periods in which the person's applications are still submitted (not yet accepted, waitlisted
 * or declined), in the order the applications come, with each period's dates when known.
 */
export function periodsInReview(
  applications: readonly { periodId: number; periodName: string; role: ApplicationRole; status: ApplicationStatus }[],
  periods: readonly ({ id: number } & ApplicantDates)[] | undefined,
): PeriodInReview[] {
  const out: PeriodInReview[] = [];
  for (const a of applications) {
    if (a.status !== 'submitted') continue;
    const known = out.find((p) => p.periodId === a.periodId);
    if (known) {
      if (!known.roles.includes(a.role)) known.roles.push(a.role);
      continue;
    }
    const period = periods?.find((p) => p.id === a.periodId);
    out.push({
      periodId: a.periodId,
      periodName: a.periodName,
      roles: [a.role],
      dates: period
        ? {
            applicationsCloseOn: period.applicationsCloseOn,
            matchesAnnouncedOn: period.matchesAnnouncedOn,
            programEndsOn: period.programEndsOn,
          }
        : null,
    });
  }
  return out;
}
