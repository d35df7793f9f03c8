import { Card } from '../../../components/ui/card.tsx';
import { ProgramContacts } from '../../../components/program-contacts.tsx';
import { cadence, goalCount } from './program-facts.ts';
import type { ProgramFacts } from './program-facts.ts';

export function MenteeWelcome({ facts }: { facts: ProgramFacts | undefined }) {
  const often = facts ? cadence(facts.contactsPerMonth) : null;
  return (
    <Card title="Your mentoring, as a mentee">
      <p>
        This page is where your mentoring year comes together. When your match is announced, you’ll find your mentor here: their name, how
        to reach them and the ways they like to talk.
      </p>
      <h3>What to expect</h3>
      <ul>
        <li>
          Your match gets a page of its own, with your goal sheet. Together with your mentor you’ll agree on{' '}
          {facts ? goalCount(facts) : 'a few goals'} and send the sheet to the program office
          {facts ? ` within ${facts.goalSheetDeadlineDays} days of being matched` : ' soon after you’re matched'}.
        </li>
        {often ? <li>Most pairs check in {often}, by whatever means suits you both.</li> : null}
        {facts && facts.guaranteeWindowDays > 0 ? (
          <li>
            If the match doesn’t feel right, you can ask for a new mentor during the first {facts.guaranteeWindowDays} days. Only the
            program office sees your reason.
          </li>
        ) : null}
        <li>
          Guides and videos are under Resources, and the FAQ answers common questions. The program office announces forums and trainings as
          the year goes on.
        </li>
      </ul>
      {facts ? <ProgramContacts facts={facts} /> : null}
    </Card>
  );
}
