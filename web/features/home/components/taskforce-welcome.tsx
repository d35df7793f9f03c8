import { Link } from 'react-router';
import { Card } from '../../../components/ui/card.tsx';

export function TaskforceWelcome() {
  return (
    <Card title="Advisory task force">
      <p>
        Each year you look back on the program with its own numbers and what mentors and mentees said in their surveys, and write the annual
        report together. Everything you see is in aggregate: no names, and no group small enough to point to one person.
      </p>
      <ul>
        <li>
          <Link to="/workspace">The year in numbers</Link>: applications, matches, goal sheets, re-matches, contacts and events, period by
          period.
        </li>
        <li>
          <Link to="/survey-results">Survey results</Link>: each closed survey, question by question, and the same question across years.
        </li>
        <li>
          <Link to="/reports">The annual report</Link>: write it in sections, add charts from the figures, and publish it as a PDF and a web
          page.
        </li>
      </ul>
    </Card>
  );
}
