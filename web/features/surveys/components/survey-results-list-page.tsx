import { Link } from 'react-router';
import { SURVEY_KIND_LABELS, SURVEY_STATE_LABELS } from '../../../../src/shared/surveys.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { useSurveyResultsList } from '../api/get-survey-results-list.ts';
import { rateWords, STATE_TONES } from './survey-words.ts';

/** The task force's way in: every published survey whose results they may read, newest first. */
export function SurveyResultsListPage() {
  const list = useSurveyResultsList();
  const surveys = [...(list.data ?? [])].sort((a, b) => b.closesOn.localeCompare(a.closesOn));
  return (
    <Page
      title="Survey results"
      intro={
        <p>
          What mentors and mentees told the program, added up. You see answers only in groups large enough that nobody can be picked out,
          and written answers without names. A survey’s results appear once it has closed.
        </p>
      }
    >
      {list.isPending ? <Loading label="Loading the surveys…" /> : null}
      {list.isError ? <LoadError error={list.error} what="the surveys" onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <Card>
          {surveys.length === 0 ? (
            <p className="muted">
              No survey has been sent yet. Surveys appear here once they are published, with their results once they close.
            </p>
          ) : (
            <TableWrap label="Surveys with results">
              <table className="table--cards">
                <caption className="visually-hidden">Surveys with results</caption>
                <thead>
                  <tr>
                    <th scope="col">Survey</th>
                    <th scope="col">Period</th>
                    <th scope="col">Dates</th>
                    <th scope="col">Answers</th>
                  </tr>
                </thead>
                <tbody>
                  {surveys.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        {s.state === 'closed' ? <Link to={`/surveys/${s.id}/results`}>{s.title}</Link> : s.title}
                        <br />
                        <span className="muted small">{SURVEY_KIND_LABELS[s.kind]}</span>{' '}
                        <Badge tone={STATE_TONES[s.state]}>{SURVEY_STATE_LABELS[s.state]}</Badge>
                        {s.state === 'closed' ? null : (
                          <>
                            <br />
                            <span className="muted small">Results once it closes on {formatDate(s.closesOn)}</span>
                          </>
                        )}
                      </th>
                      <td data-label="Period">{s.periodName}</td>
                      <td data-label="Dates">
                        {formatDate(s.opensOn)} to {formatDate(s.closesOn)}
                      </td>
                      <td data-label="Answers">
                        {s.invited !== null && s.responded !== null ? rateWords(s.responded, s.invited) : <span className="muted">–</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </Card>
      ) : null}
    </Page>
  );
}
