import type { QuestionResult, QuestionSummary } from '../api/get-survey-results.ts';
import { QUESTION_KIND_LABELS } from '../../../../src/shared/surveys.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { CountBars } from './count-bars.tsx';
import { plural } from './survey-words.ts';

const AUDIENCE_NOTES = { both: '', mentor: 'Asked of mentors only', mentee: 'Asked of mentees only' } as const;
const BREAKDOWN_WORDS = { role: 'By role' } as const;

const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toLocaleString(undefined, { maximumFractionDigits: 1 });

function Averages({ summary, scale }: { summary: QuestionSummary; scale: boolean }) {
  if (summary.mean === null && summary.median === null) return null;
  const outOf = scale ? ' out of 5' : '';
  return (
    <p>
      {summary.mean !== null ? (
        <>
          Average <strong>{oneDecimal(summary.mean)}</strong>
          {outOf}
        </>
      ) : null}
      {summary.mean !== null && summary.median !== null ? ' · ' : null}
      {summary.median !== null ? (
        <>
          middle answer (median) <strong>{oneDecimal(summary.median)}</strong>
        </>
      ) : null}
    </p>
  );
}

function Texts({ texts, total }: { texts: string[]; total: number | null }) {
  if (texts.length === 0) return <p className="muted">Nobody wrote anything here.</p>;
  return (
    <>
      {total !== null && total > texts.length ? (
        <p className="muted small">
          {texts.length} of {total.toLocaleString('en-US')} written answers, picked at random: open the page again for another{' '}
          {texts.length}.
        </p>
      ) : null}
      <ul className="survey-texts">
        {texts.map((t, i) => (
          <li key={i}>{t}</li>
        ))}
      </ul>
    </>
  );
}

function Summary({ result, summary }: { result: QuestionResult; summary: QuestionSummary }) {
  return (
    <>
      <p className="muted small">{plural(summary.answered, 'person answered', 'people answered')}.</p>
      {summary.counts ? <CountBars counts={summary.counts} answered={summary.answered} caption={`Answers to: ${result.text}`} /> : null}
      <Averages summary={summary} scale={result.kind === 'likert'} />
      {summary.texts ? <Texts texts={summary.texts} total={summary.textsTotal} /> : null}
      {(result.kind === 'short-text' || result.kind === 'long-text') && summary.texts === null ? (
        <p className="muted">The written answers are hidden: too few people wrote one to keep them anonymous.</p>
      ) : null}
    </>
  );
}

type Groups = Extract<QuestionResult['breakdowns'][number]['groups'], unknown[]>;

/** The groups side by side: how many answered, each option's count, the average and median. */
function GroupsTable({ result, groups }: { result: QuestionResult; groups: Groups }) {
  const labels = groups[0]?.summary.counts?.map((c) => c.label) ?? [];
  const numeric = groups.some((g) => g.summary.mean !== null || g.summary.median !== null);
  const caption = `${BREAKDOWN_WORDS.role}: ${result.text}`;
  return (
    <>
      <TableWrap label={caption}>
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Answer</th>
              {groups.map((g) => (
                <th scope="col" key={g.value}>
                  {g.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">People who answered</th>
              {groups.map((g) => (
                <td key={g.value}>{g.summary.answered}</td>
              ))}
            </tr>
            {labels.map((label, i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {groups.map((g) => (
                  <td key={g.value}>{g.summary.counts?.[i]?.count ?? '–'}</td>
                ))}
              </tr>
            ))}
            {numeric ? (
              <>
                <tr>
                  <th scope="row">Average</th>
                  {groups.map((g) => (
                    <td key={g.value}>{g.summary.mean === null ? '–' : oneDecimal(g.summary.mean)}</td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">Middle answer (median)</th>
                  {groups.map((g) => (
                    <td key={g.value}>{g.summary.median === null ? '–' : oneDecimal(g.summary.median)}</td>
                  ))}
                </tr>
              </>
            ) : null}
          </tbody>
        </table>
      </TableWrap>
      {groups.map((g) =>
        g.summary.texts && g.summary.texts.length > 0 ? (
          <details key={g.value} className="health-numbers">
            <summary>
              What {g.label.toLowerCase()} wrote ({g.summary.textsTotal ?? g.summary.texts.length})
              <span className="visually-hidden"> for: {result.text}</span>
            </summary>
            <Texts texts={g.summary.texts} total={g.summary.textsTotal} />
          </details>
        ) : null,
      )}
    </>
  );
}

/** One question's results: overall, then by role, with any hidden group said plainly and why. */
export function QuestionResultCard({ result, level }: { result: QuestionResult; level: 2 | 3 }) {
  const Sub = level === 2 ? 'h3' : 'h4';
  const note = [QUESTION_KIND_LABELS[result.kind], AUDIENCE_NOTES[result.audience]].filter(Boolean).join(' · ');
  return (
    <Card title={result.text} level={level} className="survey-result">
      <p className="muted small">{note}</p>
      {result.overall.suppressed ? (
        <Alert tone="info" announce={false} title="Hidden to keep answers anonymous.">
          <p>{result.overall.reason}</p>
        </Alert>
      ) : (
        <Summary result={result} summary={result.overall} />
      )}
      {result.breakdowns.map((b) => (
        <div key={b.by} className="survey-result__breakdown">
          <Sub>{BREAKDOWN_WORDS[b.by]}</Sub>
          {'suppressed' in b.groups ? (
            <p className="muted">Not shown by role, to keep answers anonymous: {b.groups.reason}</p>
          ) : (
            <GroupsTable result={result} groups={b.groups} />
          )}
        </div>
      ))}
    </Card>
  );
}
