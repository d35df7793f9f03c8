import type { ReactNode } from 'react';
import { WORKPLACE_TYPE_LABELS } from '../../../../src/shared/application-vocabulary.ts';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import type { Suggestion } from '../api/get-my-suggestions.ts';
import { FIT_WORDS, placesLeftInWords, yearsInWords } from './choice-words.ts';

const ROWS: { label: string; value: (s: Suggestion) => ReactNode }[] = [
  { label: 'Fit', value: (s) => FIT_WORDS[s.fit].badge + (s.inHighDemand ? '; in high demand' : '') },
  { label: 'Places', value: (s) => placesLeftInWords(s.placesLeft) },
  { label: 'Role', value: (s) => s.card.jobTitle },
  { label: 'Workplace', value: (s) => WORKPLACE_TYPE_LABELS[s.card.workplaceType] },
  { label: 'Experience', value: (s) => yearsInWords(s.card.yearsExperience) },
  { label: 'Expertise', value: (s) => s.card.expertise.join(', ') || '—' },
  { label: 'Languages', value: (s) => s.card.languages.join(', ') || '—' },
  { label: 'Where', value: (s) => `${s.card.region} · ${s.card.timeZone.replaceAll('_', ' ')}` },
  { label: 'Why you may fit', value: (s) => (s.reasons.length > 0 ? s.reasons.join('; ') : '—') },
];

/** The suggestions side by side, one column each, for weighing them up; opened on demand. */
export function CompareTable({ suggestions }: { suggestions: readonly Suggestion[] }) {
  if (suggestions.length < 2) return null;
  return (
    <details className="compare">
      <summary>Compare your suggestions side by side</summary>
      <TableWrap label="Your suggestions compared">
        <table className="compare__table">
          <caption className="visually-hidden">Your suggested mentors, best fit first</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">About</span>
              </th>
              {suggestions.map((s) => (
                <th scope="col" key={s.mentorId}>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {suggestions.map((s) => (
                  <td key={s.mentorId}>{row.value(s)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </details>
  );
}
