import { Link, useParams } from 'react-router';
import type { AnswerValue } from '../../../../src/shared/api/surveys.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useNamedAnswers } from '../api/get-named-answers.ts';
import { ROLE_WORDS } from './survey-words.ts';

const shown = (v: AnswerValue | undefined) => (v === undefined ? '–' : Array.isArray(v) ? v.join('; ') : String(v));

/** A named survey's answers, person by person (staff only; people were told before they answered). */
export function NamedAnswersPage() {
  const id = Number(useParams().id);
  const answers = useNamedAnswers(Number.isInteger(id) && id > 0 ? id : 0);
  const back = (
    <p className="breadcrumb">
      <Link to={`/surveys/${id}`}>← The survey</Link>
    </p>
  );
  if (answers.isError && isApiError(answers.error) && answers.error.status === 409) {
    return (
      <Page title="Each person’s answers" before={back}>
        <p>This survey is anonymous, so answers can only be read together, on the results page.</p>
      </Page>
    );
  }
  return (
    <Page
      title="Each person’s answers"
      before={back}
      intro={<p>This survey was named: everyone was told before answering that staff would see their answers with their name.</p>}
    >
      {answers.isPending ? <Loading label="Loading the answers…" /> : null}
      {answers.isError ? <LoadError error={answers.error} what="the answers" onRetry={() => void answers.refetch()} /> : null}
      {answers.data && answers.data.people.length === 0 ? <Alert tone="info">Nobody has sent their answers yet.</Alert> : null}
      {answers.data && answers.data.people.length > 0 ? (
        <TableWrap label="Each person’s answers">
          <table>
            <caption className="visually-hidden">Each person’s answers</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                {answers.data.questions.map((q) => (
                  <th scope="col" key={q.id}>
                    {q.text}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {answers.data.people.map((p) => (
                <tr key={`${p.userId}-${p.role}`}>
                  <th scope="row">
                    {p.name}
                    <br />
                    <span className="muted small">{ROLE_WORDS[p.role].one}</span>
                  </th>
                  {answers.data.questions.map((q) => (
                    <td key={q.id}>{shown(p.answers[q.id])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </Page>
  );
}
