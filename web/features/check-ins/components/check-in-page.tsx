import { useParams, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { Loading } from '../../../components/ui/query-status.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { formatInstant } from '../../../lib/format-date.ts';
import { useAnswerCheckIn } from '../api/answer-check-in.ts';
import type { CheckInAnswer } from '../api/answer-check-in.ts';
import { useCheckIn } from '../api/get-check-in.ts';
import type { CheckInView } from '../api/get-check-in.ts';

const ANSWER_WORDS: Record<CheckInAnswer, { button: string; recorded: string }> = {
  all_good: { button: 'All is going well', recorded: 'all is going well' },
  talk: { button: 'I’d like to talk to the program office', recorded: 'you’d like to talk to the program office' },
};

const THANKS: Record<CheckInAnswer, string> = {
  all_good: 'Good to hear. Thank you for letting us know, and enjoy the rest of your year together.',
  talk: 'The program office will be in touch soon. Only they see your answer; your partner does not.',
};

const asAnswer = (value: string | null): CheckInAnswer | null => (value === 'all_good' || value === 'talk' ? value : null);

function Unusable({ error }: { error: unknown }) {
  const unknown = isApiError(error) && error.status === 404;
  return (
    <Page title={unknown ? 'We don’t recognise this link' : 'We couldn’t open this check-in'}>
      <p>
        {unknown
          ? 'Check that you opened the whole link from the e-mail. If you’d like to talk, write to the program office.'
          : errorMessage(error)}
      </p>
    </Page>
  );
}

function Answered({ answer, already }: { answer: CheckInAnswer; already: boolean }) {
  return (
    <Page title="Thank you">
      <Alert
        tone="success"
        title={already ? `You had already answered: ${ANSWER_WORDS[answer].recorded}.` : `We noted that ${ANSWER_WORDS[answer].recorded}.`}
      >
        <p>{already ? 'Your first answer stands. If something has changed, write to the program office.' : THANKS[answer]}</p>
      </Alert>
    </Page>
  );
}

/**
 * The check-in answer page. Opening it (as a mail scanner does) changes nothing: the answer is
 * sent only when the person presses a button, as a POST carrying the link's token. The answer
 * the e-mail link named is offered first, so it is one press.
 */
function Ask({
  token,
  view,
  suggested,
  answer,
}: {
  token: string;
  view: CheckInView;
  suggested: CheckInAnswer | null;
  answer: ReturnType<typeof useAnswerCheckIn>;
}) {
  const order: CheckInAnswer[] = suggested === 'talk' ? ['talk', 'all_good'] : ['all_good', 'talk'];
  return (
    <Page
      title="How is your match going?"
      intro={<p>{view.programName} would like to know. One press is enough; only the program office sees your answer.</p>}
    >
      <Card>
        <div className="form-actions">
          {order.map((a, i) => (
            <Button
              key={a}
              variant={i === 0 && suggested !== null ? 'primary' : 'secondary'}
              busy={answer.isPending && answer.variables.answer === a}
              disabled={answer.isPending}
              onClick={() => answer.mutate({ token, answer: a })}
            >
              {ANSWER_WORDS[a].button}
            </Button>
          ))}
        </div>
        {answer.isError ? <Alert tone="error">{errorMessage(answer.error)}</Alert> : null}
        <p className="muted small">This link works until {formatInstant(view.expiresAt)}.</p>
      </Card>
    </Page>
  );
}

export function CheckInPage() {
  const token = useParams().token ?? '';
  const [params] = useSearchParams();
  const view = useCheckIn(token);
  const answer = useAnswerCheckIn();
  if (answer.data) return <Answered answer={answer.data.answer} already={answer.data.alreadyAnswered} />;
  if (view.isError) return <Unusable error={view.error} />;
  if (!view.data) {
    return (
      <Page title="Check-in">
        <Loading label="Opening your check-in…" />
      </Page>
    );
  }
  if (view.data.status === 'answered' && view.data.answer) return <Answered answer={view.data.answer} already />;
  if (view.data.status === 'expired') {
    return (
      <Page title="This check-in has expired">
        <p>Check-in links work for two weeks. If you’d like to talk, write to the program office: they’ll be glad to hear from you.</p>
      </Page>
    );
  }
  return <Ask token={token} view={view.data} suggested={asAnswer(params.get('answer'))} answer={answer} />;
}
