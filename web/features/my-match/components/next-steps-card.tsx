import { Link } from 'react-router';
import type { NextStep } from './next-steps.ts';
import { openFoldFor } from './fold.tsx';

/**
 * The top of a participant's match page: the next thing to do, large, then anything else waiting.
 * A calm line when nothing is.
 */
export function NextStepsCard({ steps, partnerName }: { steps: readonly NextStep[]; partnerName: string }) {
  const [first, ...rest] = steps;
  return (
    <section className="card next-steps" aria-labelledby="next-steps-title">
      <h2 id="next-steps-title" className="next-steps__label">
        {first ? 'Next for you' : 'You’re all caught up'}
      </h2>
      {first ? (
        <>
          <p className="next-steps__first">{first.text}</p>
          {first.detail ? <p className="muted">{first.detail}</p> : null}
          <p>
            <StepLink step={first} primary />
          </p>
          {rest.length > 0 ? (
            <>
              <h3 className="next-steps__then">After that</h3>
              <ul className="plain-list next-steps__rest">
                {rest.map((s) => (
                  <li key={s.href + s.text}>
                    {s.text}. <StepLink step={s} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : (
        <p>Nothing is waiting on you. Keep in touch with {partnerName} in whatever way suits you both, and log your contacts as you go.</p>
      )}
    </section>
  );
}

function StepLink({ step, primary = false }: { step: NextStep; primary?: boolean }) {
  const className = primary ? 'button' : undefined;
  if (step.href.startsWith('#'))
    return (
      <a href={step.href} className={className} onClick={() => openFoldFor(step.href)}>
        {step.action}
      </a>
    );
  return (
    <Link to={step.href} className={className}>
      {step.action}
    </Link>
  );
}
