import { Card } from '../../../components/ui/card.tsx';

export function CommitteeWelcome() {
  return (
    <Card title="Matching committee">
      <p>
        Once applications close for a program period, you’ll review them here. Tandem will suggest pairs, each with a plain-language
        reason, and you’ll be able to keep the pairs you like, rule out the ones you don’t, and approve the final matches.
      </p>
      <p className="muted">Nothing needs your attention yet. We’ll let you know by e-mail when it’s time to start matching.</p>
    </Card>
  );
}
