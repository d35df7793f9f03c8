import { Fragment } from 'react';
import { Link } from 'react-router';
import { Card } from '../../../components/ui/card.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import type { PeriodInReview } from './applications-in-review.ts';

function Day({ on }: { on: string }) {
  return <time dateTime={on}>{formatDate(on)}</time>;
}

/**
 * For someone whose application is still being reviewed: an applicant is not yet a mentor or
 * mentee, so this says what happens next and when, instead of the participant's welcome.
 */
export function ApplicantWelcome({ periods }: { periods: readonly PeriodInReview[] }) {
  const several = periods.length > 1 || periods.some((p) => p.roles.length > 1);
  return (
    <Card title={several ? 'Your applications are under review' : 'Your application is under review'}>
      <p>
        Thank you for applying. The program office reviews applications after they close and lets you know by e-mail whether you’re
        accepted. Once you are, this page shows what to expect, and after matches are announced, who your partner is and how to reach them.
      </p>
      {periods.map((p) =>
        p.dates ? (
          <Fragment key={p.periodId}>
            <h3>Dates for {p.periodName}</h3>
            <dl className="dl applicant-dates">
              <dt>Applications close</dt>
              <dd>
                <Day on={p.dates.applicationsCloseOn} />
              </dd>
              <dt>Matches announced</dt>
              <dd>
                <Day on={p.dates.matchesAnnouncedOn} />
              </dd>
              <dt>Program ends</dt>
              <dd>
                <Day on={p.dates.programEndsOn} />
              </dd>
            </dl>
          </Fragment>
        ) : null,
      )}
      <p>
        Until applications close you can still change your answers or withdraw, under “Your applications”. Questions in the meantime? The{' '}
        <Link to="/faq">FAQ</Link> answers the common ones.
      </p>
    </Card>
  );
}
