import { useQuery } from '@tanstack/react-query';
import type { Role } from '../../../../src/shared/roles.ts';
import type { Period } from '../../../lib/reads/periods.ts';
import { periodsQueryOptions } from '../../../lib/reads/periods.ts';
import { useMySuggestions } from '../api/get-my-suggestions.ts';

/** Statuses in which people choose: mentees ask throughout the year, hybrid wishes count until the committee approves. */
function choosingNow(p: Period): boolean {
  if (p.matchingMode === 'participant_choice') return ['applications_open', 'matching', 'active'].includes(p.status);
  if (p.matchingMode === 'hybrid') return ['applications_open', 'matching'].includes(p.status);
  return false;
}

export interface ChoiceNav {
  /** A mentee: "Find a mentor". */
  findMentor: boolean;
  /** A mentor: "Requests" (only where mentees ask). */
  requests: boolean;
  /** A mentor: "My card" (wherever mentees see cards). */
  card: boolean;
}

/**
 * Which participant-choice pages the main menu offers: only while a period lets mentees choose,
 * so the menu of a program run by its committee stays as short as before; and "Find a mentor"
 * only to a mentee who is choosing now (not one who has a mentor already).
 */
export function useChoiceNav(roles: readonly Role[]): ChoiceNav {
  const mentee = roles.includes('mentee');
  const mentor = roles.includes('mentor');
  const periods = useQuery({ ...periodsQueryOptions(), enabled: mentee || mentor });
  const open = (periods.data ?? []).filter(choosingNow);
  const asking = open.some((p) => p.matchingMode === 'participant_choice');
  const suggestions = useMySuggestions(mentee && open.length > 0);
  return { findMentor: mentee && suggestions.data?.state === 'choosing', requests: mentor && asking, card: mentor && open.length > 0 };
}
