import type { ReactNode } from 'react';
import { changeSummary } from './next-step-choice.ts';
import type { StepChoice, StepPerson } from './next-step-choice.ts';

interface ChangeSummaryProps {
  first: StepPerson;
  firstChoice: StepChoice;
  second: StepPerson;
  secondChoice: StepChoice;
  /** A closing line, e.g. who gets an e-mail. */
  children?: ReactNode;
}

/** "What will happen", in sentences, above the button that does it. Announced as the choices change. */
export function ChangeSummary({ first, firstChoice, second, secondChoice, children }: ChangeSummaryProps) {
  return (
    <div className="confirm-box" aria-live="polite">
      <p>
        <strong>What will happen</strong>
      </p>
      <ul>
        {changeSummary(first, firstChoice, second, secondChoice).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {children}
    </div>
  );
}
