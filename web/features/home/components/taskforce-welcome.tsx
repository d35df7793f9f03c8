import { Link } from 'react-router';
import { Card } from '../../../components/ui/card.tsx';

export function TaskforceWelcome() {
  return (
    <Card title="Advisory task force">
      <p>
        When a survey of mentors and mentees opens, its combined results are yours to explore, and you’ll write the annual report alongside
        them. Answers are always shown in aggregate, never tied to a name.
      </p>
      <p>
        <Link to="/survey-results">Read the survey results</Link>
      </p>
    </Card>
  );
}
