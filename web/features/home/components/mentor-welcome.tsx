import { Card } from '../../../components/ui/card.tsx';
import { ContactLine } from './contact-line.tsx';
import { cadence, goalCount } from './program-facts.ts';
import type { ProgramFacts } from './program-facts.ts';

export function MentorWelcome({ facts }: { facts: ProgramFacts | undefined }) {
  const often = facts ? cadence(facts.contactsPerMonth) : null;
  return (
    <Card title="Your mentoring, as a mentor">
      <p>
        Thank you for sharing your experience. When matches are announced, your mentee will appear here with their contact details,
        what they hope to gain and how they prefer to keep in touch.
      </p>
      <h3>What to expect</h3>
      <ul>
        <li>
          You’ll help your mentee shape {facts ? goalCount(facts) : 'a few goals'} for the year. Their goal sheet will be here for you
          both to work on{facts ? `, due ${facts.goalSheetDeadlineDays} days after the match` : ''}.
        </li>
        {often ? <li>A light rhythm works best: {often} is a good aim, and a short call counts.</li> : null}
        <li>Suggested activities, trainings and mentor resources will be collected here as the program year goes on.</li>
      </ul>
      {facts ? <ContactLine intro="Questions about trainings or forums? Write to" contact={facts.trainingContact} /> : null}
    </Card>
  );
}
