import { useState } from 'react';
import { ChartDataView } from '../../../components/chart-data-view.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { useSurveyTrend } from '../api/get-survey-trend.ts';
import { useTrendQuestions } from '../api/get-trend-questions.ts';

/** One wrap-up survey question, year by year: each year's answers on their own, hidden where too few answered. */
export function AcrossYears() {
  const questions = useTrendQuestions();
  const [chosen, setChosen] = useState('');
  const list = questions.data?.questions ?? [];
  const questionId = list.some((q) => q.questionId === chosen) ? chosen : (list[0]?.questionId ?? '');
  const trend = useSurveyTrend(questionId);

  return (
    <section aria-labelledby="workspace-across-years" className="stack">
      <h2 id="workspace-across-years">A question across the years</h2>
      <p>The same question of the wrap-up survey, as each year’s participants answered it.</p>
      {questions.isPending ? <Loading label="Loading the questions…" /> : null}
      {questions.isError ? <LoadError error={questions.error} onRetry={() => void questions.refetch()} what="the questions" /> : null}
      {questions.isSuccess && list.length === 0 ? (
        <p className="muted">No wrap-up survey has closed yet, so there is nothing to compare.</p>
      ) : null}
      {list.length > 0 ? (
        <SelectField
          label="Question"
          value={questionId}
          options={list.map((q) => ({ value: q.questionId, label: `${q.text} (${q.surveys === 1 ? 'one year' : `${q.surveys} years`})` }))}
          onChange={setChosen}
        />
      ) : null}
      {questionId && trend.isPending ? <Loading label="Loading the answers…" /> : null}
      {trend.isError ? <LoadError error={trend.error} onRetry={() => void trend.refetch()} what="the answers" /> : null}
      {trend.data
        ? trend.data.periods.map((p) => (
            <section key={p.surveyId} className="card" aria-labelledby={`trend-${p.surveyId}`}>
              <h3 id={`trend-${p.surveyId}`}>
                {p.surveyTitle.includes(p.periodName) ? p.surveyTitle : `${p.periodName}: ${p.surveyTitle}`}
              </h3>
              <ChartDataView data={p.data} />
            </section>
          ))
        : null}
    </section>
  );
}
