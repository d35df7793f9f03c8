import { lazy, Suspense } from 'react';
import type { Survey } from '../../../../src/shared/api/surveys.ts';
import { Card } from '../../../components/ui/card.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { useSurveyProgress } from '../api/get-survey-progress.ts';
import type { SurveyProgress } from '../api/get-survey-progress.ts';
import { NotYetList } from './not-yet-list.tsx';
import { percent, plural, ROLE_WORDS } from './survey-words.ts';

const ResponseChart = lazy(() => import('./response-chart.tsx'));

function ByRole({ progress }: { progress: SurveyProgress }) {
  return (
    <TableWrap label="Answers by role">
      <table>
        <caption className="visually-hidden">Answers by role</caption>
        <thead>
          <tr>
            <th scope="col">Who</th>
            <th scope="col">Asked</th>
            <th scope="col">Answered</th>
            <th scope="col">Rate</th>
          </tr>
        </thead>
        <tbody>
          {progress.byRole.map((r) => (
            <tr key={r.role}>
              <th scope="row">{ROLE_WORDS[r.role].many.replace(/^./, (c) => c.toUpperCase())}</th>
              <td>{r.invited}</td>
              <td>{r.responded}</td>
              <td>{percent(r.responded, r.invited)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function OverTime({ progress }: { progress: SurveyProgress }) {
  const days = progress.overTime;
  if (days.length === 0) return null;
  return (
    <figure className="health-figure">
      <figcaption className="health-figure__caption">The share of people asked who had answered, at the end of each day.</figcaption>
      <Suspense fallback={<Loading label="Drawing the chart…" />}>
        <ResponseChart overTime={days} />
      </Suspense>
      <details className="health-numbers">
        <summary>
          Show the numbers<span className="visually-hidden"> for answers over time</span>
        </summary>
        <TableWrap label="Answers over time, as numbers">
          <table>
            <caption className="visually-hidden">Answers by the end of each day</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Answered so far</th>
                <th scope="col">Rate</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.date}>
                  <th scope="row">{formatDate(d.date)}</th>
                  <td>{d.responded}</td>
                  <td>{Math.round(d.rate * 100)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
    </figure>
  );
}

/** How many have answered so far: overall and by role, day by day, and who hasn't answered yet. */
export function ProgressPanel({ survey }: { survey: Survey }) {
  const progress = useSurveyProgress(survey.id);
  return (
    <Card title="Answers so far">
      {progress.isPending ? <Loading label="Counting the answers…" /> : null}
      {progress.isError ? <LoadError error={progress.error} what="the answers so far" onRetry={() => void progress.refetch()} /> : null}
      {progress.data ? (
        <>
          <p className="survey-rate">
            <strong>
              {progress.data.responded} of {plural(progress.data.invited, 'person asked has', 'people asked have')} answered (
              {percent(progress.data.responded, progress.data.invited)}).
            </strong>
          </p>
          {survey.state === 'open' ? (
            <p className="muted">
              The answers themselves are added up once the survey closes on {formatDate(survey.closesOn)}: totals that moved as people
              answered could give away what one person said.
            </p>
          ) : null}
          <ByRole progress={progress.data} />
          <OverTime progress={progress.data} />
          <NotYetList survey={survey} />
        </>
      ) : null}
    </Card>
  );
}
