import type { ApplicationRole, ApplicationStatus } from '../../shared/application-vocabulary.ts';
import type { ApplicationAnswers } from '../../shared/api/applications.ts';
import type { CarryForwardAs } from '../../shared/match-management.ts';

/**
 * An application as services see it (the store maps rows to this). `answers.confidential` is
 * here in full: routes decide who may see it.
 */
export interface ApplicationRecord {
  id: number;
  periodId: number;
  periodName: string;
  userId: number;
  applicantName: string;
  applicantEmail: string;
  role: ApplicationRole;
  status: ApplicationStatus;
  answers: ApplicationAnswers;
  decisionReason: string | null;
  carryForward: boolean;
  carriedFromId: number | null;
  /** The status a carried-over copy starts with: 'accepted' when staff placed the person in the next pool. */
  carryForwardAs: CarryForwardAs;
  createdAt: string;
  updatedAt: string;
}
