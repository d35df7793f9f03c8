import { STEPS } from './application-steps.ts';

/** Where someone is in the application: "Step 2 of 4" and the steps by name, the current one marked. */
export function StepProgress({ current }: { current: number }) {
  return (
    <nav aria-label="Application steps" className="form">
      <p className="muted small">
        Step {current + 1} of {STEPS.length}
      </p>
      <ol className="form-steps">
        {STEPS.map((s, i) => (
          <li
            key={s.id}
            className={i < current ? 'form-steps__item form-steps__item--done' : 'form-steps__item'}
            aria-current={i === current ? 'step' : undefined}
          >
            {s.title}
            {i < current ? <span className="visually-hidden"> (done)</span> : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}
