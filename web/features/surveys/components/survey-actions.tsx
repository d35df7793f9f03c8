import { Link, useNavigate } from 'react-router';
import type { Survey } from '../../../../src/shared/api/surveys.ts';
import { ConfirmAction } from '../../../components/ui/confirm-action.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { useCloseSurvey } from '../api/close-survey.ts';
import { useDeleteSurvey } from '../api/delete-survey.ts';
import { usePublishSurvey } from '../api/publish-survey.ts';
import { audienceWords } from './survey-words.ts';

/**
 * Staff's buttons for one survey: preview it as each role, publish a draft (not while changes are
 * unsaved), close an open one early, delete a draft, and read the results once it is out.
 */
export function SurveyActions({ survey, dirty }: { survey: Survey; dirty: boolean }) {
  const publish = usePublishSurvey();
  const close = useCloseSurvey();
  const remove = useDeleteSurvey();
  const navigate = useNavigate();
  const draft = survey.state === 'draft';
  const asks = (role: 'mentor' | 'mentee') => survey.audience === 'both' || survey.audience === `${role}s`;

  return (
    <div className="item-row__actions survey-actions">
      {asks('mentor') ? (
        <Link to={`/surveys/${survey.id}/preview/mentor`} className="button button--secondary button--small">
          Preview as a mentor
        </Link>
      ) : null}
      {asks('mentee') ? (
        <Link to={`/surveys/${survey.id}/preview/mentee`} className="button button--secondary button--small">
          Preview as a mentee
        </Link>
      ) : null}
      {/* Results are served only once it has closed: moving totals could give one person away. */}
      {survey.state === 'closed' ? (
        <Link to={`/surveys/${survey.id}/results`} className="button button--secondary button--small">
          Results
        </Link>
      ) : null}
      {survey.named && !draft ? (
        <Link to={`/surveys/${survey.id}/answers`} className="button button--secondary button--small">
          Each person’s answers
        </Link>
      ) : null}
      {draft && !dirty ? (
        <ConfirmAction
          variant="secondary"
          label="Publish"
          labelDetail={`the survey: ${survey.title}`}
          question={`Publish it? It opens on ${formatDate(survey.opensOn)}; that day we’ll e-mail ${audienceWords(survey.audience, survey.periodName)} a link to answer.`}
          groupLabel="Confirm publishing the survey"
          confirmLabel="Yes, publish"
          busy={publish.isPending}
          error={publish.isError ? publish.error : null}
          onConfirm={() => publish.mutate(survey.id)}
        />
      ) : null}
      {survey.state === 'open' ? (
        <ConfirmAction
          label="Close now"
          labelDetail={`(${survey.title})`}
          question="Close it now? Nobody can answer after this, and answers people started but didn’t send won’t count."
          groupLabel="Confirm closing the survey"
          confirmLabel="Yes, close it"
          busy={close.isPending}
          error={close.isError ? close.error : null}
          onConfirm={() => close.mutate(survey.id)}
        />
      ) : null}
      {draft ? (
        <ConfirmAction
          label="Delete draft"
          labelDetail={`(${survey.title})`}
          question="Delete this draft? Nobody has been asked yet, so nobody is told."
          groupLabel="Confirm deleting the draft"
          confirmLabel="Yes, delete it"
          busy={remove.isPending}
          error={remove.isError ? remove.error : null}
          onConfirm={() => remove.mutate(survey.id, { onSuccess: () => void navigate('/surveys') })}
        />
      ) : null}
    </div>
  );
}
