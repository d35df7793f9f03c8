import { Card } from '../../../components/ui/card.tsx';
import { buttonClass } from '../../../components/ui/button.tsx';

/** On the account page: everything Tandem holds about the signed-in person, as one file. */
export function MyDataSection() {
  return (
    <Card title="Your data">
      <p>
        Download everything the program holds about you as one file (JSON): your account, applications and their answers, matches (your
        partner by name only), goal sheets, the contacts you logged, requests, events and the surveys you answered.
      </p>
      <p className="muted small">
        Answers to anonymous surveys are not in it: they are stored apart from who gave them, so nobody can tell which are yours.
      </p>
      <p>
        <a className={buttonClass('secondary')} href="/api/my/data" download>
          Download my data
        </a>
      </p>
    </Card>
  );
}
