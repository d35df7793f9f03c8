import { Link, useParams } from 'react-router';
import { surveyResultsExportUrl } from '../../../../src/shared/exports.ts';
import { SURVEY_STATE_LABELS } from '../../../../src/shared/surveys.ts';
import { DownloadCsv } from '../../../components/download-csv.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useIsStaff } from '../../../lib/reads/me.ts';
import { useSurveyResults } from '../api/get-survey-results.ts';
import type { QuestionResult, SurveyResults } from '../api/get-survey-results.ts';
import { QuestionResultCard } from './question-result.tsx';
import { percent, STATE_TONES } from './survey-words.ts';

interface ResultSection {
  title: string;
  questions: QuestionResult[];
}

function sectionsOf(questions: readonly QuestionResult[]): ResultSection[] {
  const sections: ResultSection[] = [];
  for (const q of questions) {
    const last = sections.at(-1);
    if (last && last.title === q.section) last.questions.push(q);
    else sections.push({ title: q.section, questions: [q] });
  }
  return sections;
}

function Body({ results, staff }: { results: SurveyResults; staff: boolean }) {
  return (
    <>
      <Alert tone="info" announce={false} title="How answers are kept anonymous">
        <p>
          Results are shown only for groups of {results.minGroupSize} or more people. When fewer than {results.minGroupSize} people in a
          group answered a question — or when a group’s answers could be worked out from the others — that group is hidden, and the reason
          is given in its place. Written answers are shown without names, in no particular order.
        </p>
      </Alert>
      <p>
        <DownloadCsv url={(bom) => surveyResultsExportUrl(results.surveyId, bom)} label="Download the results as CSV" />{' '}
        {staff ? (
          <Link to={`/surveys/${results.surveyId}`} className="small">
            Back to the survey’s settings and progress
          </Link>
        ) : null}
      </p>
      {results.questions.length === 0 ? <p className="muted">This survey has no questions.</p> : null}
      {sectionsOf(results.questions).map((section, i) =>
        section.title ? (
          <section key={`${i}-${section.title}`} aria-labelledby={`results-section-${i}`} className="survey-results__section">
            <h2 id={`results-section-${i}`}>{section.title}</h2>
            {section.questions.map((q) => (
              <QuestionResultCard key={q.questionId} result={q} level={3} />
            ))}
          </section>
        ) : (
          section.questions.map((q) => <QuestionResultCard key={q.questionId} result={q} level={2} />)
        ),
      )}
    </>
  );
}

/** A survey's results in aggregate, for staff and the task force: charts with their numbers, never a person's answers. */
export function ResultsPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const results = useSurveyResults(valid ? id : 0);
  const staff = useIsStaff();
  const back = (
    <p className="breadcrumb">
      {staff ? <Link to={`/surveys/${id}`}>← The survey</Link> : <Link to="/survey-results">← Survey results</Link>}
    </p>
  );
  if (!valid || (results.isError && isApiError(results.error) && results.error.status === 404)) {
    return (
      <Page title="Results not found" before={back}>
        <p>We couldn’t find results for this survey. It may not have been published yet.</p>
      </Page>
    );
  }
  if (results.isError && isApiError(results.error) && results.error.status === 409) {
    return (
      <Page title="Results aren’t ready yet" before={back}>
        <Alert tone="info" announce={false} title="The survey is still open.">
          <p>{results.error.message}</p>
        </Alert>
      </Page>
    );
  }
  if (results.isError) {
    return (
      <Page title="Survey results" before={back}>
        <LoadError error={results.error} what="the results" onRetry={() => void results.refetch()} />
      </Page>
    );
  }
  if (!results.data) {
    return (
      <Page title="Survey results" before={back}>
        <Loading label="Adding up the answers…" />
      </Page>
    );
  }
  const r = results.data;
  return (
    <Page
      title={`Results: ${r.title}`}
      before={back}
      intro={
        <>
          <p className="badges">
            <Badge tone={STATE_TONES[r.state]}>{SURVEY_STATE_LABELS[r.state]}</Badge>
          </p>
          <p>
            {r.periodName} · {r.respondents} of {r.invited} people asked answered ({percent(r.respondents, r.invited)}).
          </p>
        </>
      }
    >
      <Body results={r} staff={staff} />
    </Page>
  );
}
