import { programContactLines } from '../lib/program-contacts.ts';
import type { ProgramContactFacts } from '../lib/program-contacts.ts';

/** The goal-sheet and training contacts, one line each; nothing when neither is set. */
export function ProgramContacts({ facts }: { facts: ProgramContactFacts }) {
  const lines = programContactLines(facts);
  if (lines.length === 0) return null;
  return (
    <>
      {lines.map(({ intro, contact }) => (
        <p key={intro} className="program-contact">
          {intro} <a href={`mailto:${contact.email}`}>{contact.name}</a> ({contact.email}).
        </p>
      ))}
    </>
  );
}
