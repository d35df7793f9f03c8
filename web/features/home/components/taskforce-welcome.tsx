import { Card } from '../../../components/ui/card.tsx';

export function TaskforceWelcome() {
  return (
    <Card title="Advisory task force">
      <p>
        When the end-of-program survey closes, the combined results will be here for you to explore, and you’ll write the annual report
        alongside them. Answers are always shown in aggregate, never tied to a name.
      </p>
      <p className="muted">There’s nothing to review yet.</p>
    </Card>
  );
}
