import { Alert } from '../../../components/ui/alert.tsx';
import { Card } from '../../../components/ui/card.tsx';
import type { MatchWorkspace } from '../api/get-match-workspace.ts';
import { cadenceWords } from './countdown-words.ts';

/** The suggested cadence, a nudge when the match has gone quiet, and the in-person hint. The log itself is the contact log's card. */
export function KeepingInTouch({ workspace: w }: { workspace: MatchWorkspace }) {
  const c = w.contact;
  const staff = w.myRole === 'staff';
  const cadence = cadenceWords(c.contactsPerMonth);
  const region = w.people[0]?.region ?? '';
  return (
    <Card title="Keeping in touch">
      <p>
        {cadence
          ? `The program suggests keeping in touch ${cadence}, by whatever means suits ${staff ? 'the pair' : 'you both'}.`
          : `Keep in touch as often, and in whatever way, suits ${staff ? 'the pair' : 'you both'}.`}
      </p>
      {c.quiet ? (
        <Alert tone="warning" announce={false} title={staff ? 'This match has gone quiet' : 'It’s been a while'}>
          <p>
            {staff
              ? `No contact has been logged for ${c.quietAfterWeeks} weeks or more. A friendly note to both may help.`
              : `No contact has been logged for ${c.quietAfterWeeks} weeks or more. A short message is enough to pick things up again, and logging it lets the program office know all is well.`}
          </p>
        </Alert>
      ) : null}
      {w.meetInPersonHint ? (
        <Alert tone="info" announce={false} title={staff ? 'They could meet in person' : 'You could meet in person'}>
          <p>
            {staff
              ? `Both live in ${region} and both said they would meet in person.`
              : `You both live in ${region} and both said you’d like to meet in person. It’s never required: most pairs talk by phone or video.`}{' '}
            Conference meet-ups are a good chance to meet; the program office announces them with the program’s events.
          </p>
        </Alert>
      ) : null}
    </Card>
  );
}
