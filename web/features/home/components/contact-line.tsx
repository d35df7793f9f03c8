import type { ProgramFacts } from './program-facts.ts';

type Contact = ProgramFacts['goalSheetContact'];

export function ContactLine({ intro, contact }: { intro: string; contact: Contact }) {
  if (!contact) return null;
  return (
    <p>
      {intro} <a href={`mailto:${contact.email}`}>{contact.name}</a> ({contact.email}).
    </p>
  );
}
