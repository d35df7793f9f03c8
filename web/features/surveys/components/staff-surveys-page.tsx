import { Link } from 'react-router';
import { SURVEY_KIND_LABELS, SURVEY_STATE_LABELS } from '../../../../src/shared/surveys.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { usePeriods } from '../../../lib/reads/periods.ts';
import { useSurveys } from '../api/get-surveys.ts';
import type { SurveyListItem } from '../api/get-surveys.ts';
import { NewSurveyForm } from './new-survey-form.tsx';
import { rateWords, STATE_TONES } from './survey-words.ts';

interface PeriodGroup {
  periodId: number;
  periodName: string;
  surveys: SurveyListItem[];
}

/** The surveys by period, in the order of the periods list (newest first), latest survey first. */
export function byPeriod(surveys: readonly SurveyListItem[], periodOrder: readonly number[]): PeriodGroup[] {
  const groups = new Map<number, PeriodGroup>();
  for (const s of surveys) {
    const group = groups.get(s.periodId) ?? { periodId: s.periodId, periodName: s.periodName, surveys: [] };
    group.surveys.push(s);
    groups.set(s.periodId, group);
  }
  const rank = (id: number) => {
    const i = periodOrder.indexOf(id);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...groups.values()]
    .sort((a, b) => rank(a.periodId) - rank(b.periodId))
    .map((g) => ({ ...g, surveys: [...g.surveys].sort((a, b) => b.opensOn.localeCompare(a.opensOn)) }));
}

function SurveysTable({ group }: { group: PeriodGroup }) {
  return (
    <TableWrap label={`Surveys of ${group.periodName}`}>
      <table className="table--cards">
        <caption className="visually-hidden">Surveys of {group.periodName}</caption>
        <thead>
          <tr>
            <th scope="col">Survey</th>
            <th scope="col">Where it stands</th>
            <th scope="col">Dates</th>
            <th scope="col">Answers</th>
          </tr>
        </thead>
        <tbody>
          {group.surveys.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                <Link to={`/surveys/${s.id}`}>{s.title}</Link>
                <br />
                <span className="muted small">{SURVEY_KIND_LABELS[s.kind]}</span>
              </th>
              <td data-label="Where it stands">
                <Badge tone={STATE_TONES[s.state]}>{SURVEY_STATE_LABELS[s.state]}</Badge>
              </td>
              <td data-label="Dates">
                {formatDate(s.opensOn)} to {formatDate(s.closesOn)}
              </td>
              <td data-label="Answers">
                {s.state === 'draft' || s.state === 'scheduled' || s.invited === null ? (
                  <span className="muted">Not sent yet</span>
                ) : (
                  <>
                    {rateWords(s.responded ?? 0, s.invited)}{' '}
                    {s.state === 'closed' ? (
                      <Link to={`/surveys/${s.id}/results`}>
                        Results<span className="visually-hidden"> of {s.title}</span>
                      </Link>
                    ) : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Staff's list of every survey, by period, with where each stands and how many have answered. */
export function StaffSurveysPage() {
  const surveys = useSurveys();
  const periods = usePeriods();
  const groups = surveys.data
    ? byPeriod(
        surveys.data,
        (periods.data ?? []).map((p) => p.id),
      )
    : [];
  return (
    <Page
      title="Surveys"
      intro={
        <p>
          Ask mentors and mentees how their year went. Build a survey from the standard questions, preview it as each of them, and publish
          it: everyone asked gets an e-mail when it opens. Answers are read together, never one by one, unless you make a survey named.
        </p>
      }
    >
      {periods.data ? <NewSurveyForm periods={periods.data} /> : null}
      {periods.isError ? <LoadError error={periods.error} what="the periods" onRetry={() => void periods.refetch()} /> : null}
      {surveys.isPending ? <Loading label="Loading the surveys…" /> : null}
      {surveys.isError ? <LoadError error={surveys.error} what="the surveys" onRetry={() => void surveys.refetch()} /> : null}
      {surveys.data && groups.length === 0 ? (
        <Card title="No surveys yet">
          <p className="muted">Start one above. It stays a draft, seen only by staff, until you publish it.</p>
        </Card>
      ) : null}
      {groups.map((g) => (
        <Card key={g.periodId} title={g.periodName}>
          <SurveysTable group={g} />
        </Card>
      ))}
    </Page>
  );
}
