import type { ReactNode } from 'react';
import { Card } from '../../../components/ui/card.tsx';

/** The committee's home section; `children` lists the periods to review, when there are any. */
export function CommitteeWelcome({ children }: { children?: ReactNode }) {
  return (
    <Card title="Matching committee">
      <p>
        Review the applications for a program period, then let Tandem suggest pairs, each with a plain-language reason. Keep the pairs you
        like, rule out the ones you don’t, and approve the final matches.
      </p>
      {children ?? (
        <p className="muted">Nothing needs your attention yet. We’ll let you know by e-mail when it’s time to start matching.</p>
      )}
    </Card>
  );
}
