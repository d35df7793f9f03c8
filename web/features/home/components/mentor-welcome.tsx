import { Card } from '../../../components/ui/card.tsx';
import { ProgramContacts } from '../../../components/program-contacts.tsx';
import { cadence, goalCount } from './program-facts.ts';
import type { ProgramFacts } from './program-facts.ts';

export function MentorWelcome({ facts }: { facts: ProgramFacts | undefined }) {
  const often = facts ? cadence(facts.contactsPerMonth) : null;
  return (
    <Card title="Your mentoring, as a mentor">
      <p>
        Thank you for sharing your experience. When matches are announced, your mentee will appear here with their contact details and how
        they prefer to keep in touch.
      </p>
      <h3>What to expect</h3>
      <ul>
        <li>
          You’ll help your mentee shape {facts ? goalCount(facts) : 'a few goals'} for the year. Their goal sheet is on your match’s page,
          for you both to work on{facts ? `, due ${facts.goalSheetDeadlineDays} days after the match` : ''}.
        </li>
        {often ? <li>A light rhythm works best: {often} is a good aim, and a short call counts.</li> : null}
        <li>Your match’s page suggests activities for the goals you share; guides for mentors are under Resources.</li>
      </ul>
      {facts ? <ProgramContacts facts={facts} /> : null}
    </Card>
  );
}
