import { useEffect } from 'react';
import type { Role } from '../../../../src/shared/roles.ts';
import { useChoiceNav } from './use-choice-nav.ts';
import type { ChoiceNav } from './use-choice-nav.ts';

/**
 * Reports which participant-choice pages the menu offers, for a layout that loads this on demand:
 * the answer waits for the periods and the mentee's suggestions anyway, so their code need not
 * be part of the first page (issue #16). Renders nothing.
 */
export default function ChoiceNavProbe({ roles, onChange }: { roles: readonly Role[]; onChange: (choice: ChoiceNav) => void }) {
  const { findMentor, requests, card } = useChoiceNav(roles);
  useEffect(() => onChange({ findMentor, requests, card }), [onChange, findMentor, requests, card]);
  return null;
}
