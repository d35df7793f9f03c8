import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { formatDate } from '../../../lib/format-date.ts';
import { useSettings } from '../../../lib/reads/settings.ts';
import { useSurveyForm } from '../api/get-survey-form.ts';
import type { SurveyForm } from '../api/get-survey-form.ts';
import { surveyKeys } from '../api/survey-keys.ts';
import { useSubmitResponse } from '../api/submit-response.ts';
import { answeredCount, answerProblems, problemsFromDetails, toAnswers, toLocal } from './answer-values.ts';
import type { LocalAnswers, LocalValue } from './answer-values.ts';
import { SaveStatusLine } from './save-status-line.tsx';
import { SurveyFormIntro } from './survey-form-intro.tsx';
import { SurveyQuestions } from './survey-questions.tsx';
import { plural } from './survey-words.ts';
import { useAutosave } from './use-autosave.ts';

const back = (
  <p className="breadcrumb">
    <Link to="/">← Home</Link>
  </p>
);

/** Moves the focus to the page's heading: the page changed in place, as after a navigation. */
function useFocusHeading(when: boolean) {
  useEffect(() => {
    if (when) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [when]);
}

function Thanks({ form, justSent }: { form: SurveyForm; justSent: boolean }) {
  useFocusHeading(justSent);
  return (
    <Page title="Thank you" documentTitle={`Survey sent: ${form.title}`} before={back}>
      <Alert tone="success" announce={justSent} title={`Your answers to “${form.title}” are in.`}>
        <p>
          {form.submittedOn ? `Thank you, sent on ${formatDate(form.submittedOn)}. ` : 'Thank you. '}
          What you told us helps the program office make the next year better for everyone.
        </p>
      </Alert>
      <p>
        <Link to="/">Back to your home page</Link>
      </p>
    </Page>
  );
}

function NotOpen({ form }: { form: SurveyForm }) {
  return (
    <Page title={form.title} documentTitle={`Survey: ${form.title}`} before={back}>
      {form.state === 'closed' ? (
        <Alert tone="info" announce={false} title="This survey has closed.">
          <p>
            It closed on {formatDate(form.closesOn)}, so answers can no longer be sent. Thank you all the same. If you meant to answer,
            write to the program office.
          </p>
        </Alert>
      ) : (
        <Alert tone="info" announce={false} title="This survey isn’t open yet.">
          <p>It opens on {formatDate(form.opensOn)}. We’ll send you an e-mail with a link when it does.</p>
        </Alert>
      )}
    </Page>
  );
}

/** The list of problems above the form, each a link that takes the focus to its question. */
function ProblemSummary({ form, problems, attempt }: { form: SurveyForm; problems: Record<string, string>; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const ids = form.questions.map((q) => q.id).filter((id) => id in problems);
  // Each try to send that finds problems brings the focus here (fixing one doesn't move it).
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  if (ids.length === 0) return null;
  const focusQuestion = (id: string) => {
    const container = document.getElementById(`question-${id}`);
    container?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  };
  return (
    <div ref={ref} tabIndex={-1} className="survey-problems">
      <Alert
        tone="error"
        title={ids.length === 1 ? 'One answer needs a look before sending.' : `${ids.length} answers need a look before sending.`}
      >
        <ul>
          {ids.map((id) => (
            <li key={id}>
              <a
                href={`#question-${id}`}
                onClick={(e) => {
                  e.preventDefault();
                  focusQuestion(id);
                }}
              >
                {form.questions.find((q) => q.id === id)?.text}
              </a>
              : {problems[id]}
            </li>
          ))}
        </ul>
      </Alert>
    </div>
  );
}

/** The form itself, while the survey is open and the person hasn't sent their answers. */
function AnswerForm({ form, minGroupSize, onSent }: { form: SurveyForm; minGroupSize: number | undefined; onSent: () => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<LocalAnswers>(() => toLocal(form.questions, form.answers));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [savingForLater, setSavingForLater] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [savedForLater, setSavedForLater] = useState(false);
  const autosave = useAutosave(form.id, form.draftSavedAt);
  const submit = useSubmitResponse();
  const confirmRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const change = (id: string, value: LocalValue) => {
    const next = { ...values, [id]: value };
    setValues(next);
    setSavedForLater(false);
    setConfirming(false);
    submit.reset();
    if (id in problems) {
      const { [id]: _fixed, ...rest } = problems;
      setProblems(rest);
    }
    autosave.changed(toAnswers(form.questions, next));
  };

  const review = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSavedForLater(false);
    const found = answerProblems(form.questions, values);
    setProblems(found);
    if (Object.keys(found).length === 0) setConfirming(true);
    else setAttempt((n) => n + 1);
  };

  const send = async () => {
    const answers = toAnswers(form.questions, values);
    await autosave.stop();
    submit.mutate(
      { surveyId: form.id, answers },
      {
        onSuccess: onSent,
        onError: (error) => {
          setConfirming(false);
          if (!isApiError(error)) return;
          if (error.status === 422) {
            setProblems(problemsFromDetails(error.details));
            setAttempt((n) => n + 1);
          }
          // Already answered elsewhere, or closed meanwhile: the page shows where things stand.
          if (error.status === 409) void queryClient.invalidateQueries({ queryKey: surveyKeys.form(form.id) });
        },
      },
    );
  };

  const saveForLater = async () => {
    setConfirming(false);
    setSavingForLater(true);
    const ok = await autosave.saveNow(toAnswers(form.questions, values));
    setSavingForLater(false);
    setSavedForLater(ok);
  };

  const answered = answeredCount(form.questions, values);
  const required = form.questions.filter((q) => q.required).length;

  return (
    <Page
      title={form.title}
      documentTitle={`Survey: ${form.title}`}
      before={back}
      intro={<SurveyFormIntro intro={form.intro} closesOn={form.closesOn} named={form.named} minGroupSize={minGroupSize} />}
    >
      <Card>
        <form className="form survey-form" noValidate onSubmit={review} aria-label="Your answers">
          <p className="muted small">
            {plural(form.questions.length, 'question', 'questions')}
            {required > 0 ? `; the ones marked “required” need an answer before you send` : ''}. Answered so far: {answered}.
          </p>
          <ProblemSummary form={form} problems={problems} attempt={attempt} />
          <SurveyQuestions questions={form.questions} values={values} onChange={change} errors={problems} />
          {submit.isError && !(isApiError(submit.error) && submit.error.status === 422) ? (
            <Alert tone="error" title="Your answers weren’t sent.">
              <p>{errorMessage(submit.error)}</p>
            </Alert>
          ) : null}
          {savedForLater ? (
            <Alert tone="success" title="Your answers are saved.">
              <p>
                You can close this page and come back any time until {formatDate(form.closesOn)}: your answers will be waiting here.{' '}
                <Link to="/">Back to your home page</Link>
              </p>
            </Alert>
          ) : null}
          {confirming ? (
            <div ref={confirmRef} tabIndex={-1} className="confirm-box" role="group" aria-labelledby="survey-confirm-question">
              <p id="survey-confirm-question">
                <strong>Ready to send your answers?</strong> You answered {answered} of {form.questions.length}. Once sent, they can’t be
                changed.
              </p>
              <div className="form-actions">
                <Button busy={submit.isPending} onClick={() => void send()}>
                  Yes, send my answers
                </Button>
                <Button variant="secondary" onClick={() => setConfirming(false)}>
                  Not yet, keep editing
                </Button>
              </div>
            </div>
          ) : (
            <div className="form-actions">
              <Button type="submit">Send my answers</Button>
              <Button variant="secondary" busy={savingForLater} onClick={() => void saveForLater()}>
                Save and finish later
              </Button>
            </div>
          )}
          <SaveStatusLine state={autosave.state} />
        </form>
      </Card>
    </Page>
  );
}

/** /surveys/:id for the person asked to answer: the form, or where they stand once it's sent or closed. */
export function AnswerPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const form = useSurveyForm(valid ? id : 0);
  const settings = useSettings();
  const [justSent, setJustSent] = useState(false);

  if (!valid || (form.isError && isApiError(form.error) && form.error.status === 404)) {
    return (
      <Page title="Survey not found" before={back}>
        <p>We couldn’t find this survey. The link may be out of date, or the survey may be meant for other people in the program.</p>
      </Page>
    );
  }
  if (form.isError) {
    return (
      <Page title="Survey" before={back}>
        <LoadError error={form.error} what="the survey" onRetry={() => void form.refetch()} />
      </Page>
    );
  }
  if (!form.data) {
    return (
      <Page title="Survey" before={back}>
        <Loading label="Loading the survey…" />
      </Page>
    );
  }
  const data = form.data;
  if (data.status === 'submitted') return <Thanks form={data} justSent={justSent} />;
  if (data.state !== 'open') return <NotOpen form={data} />;
  return <AnswerForm key={data.id} form={data} minGroupSize={settings.data?.surveyMinGroupSize} onSent={() => setJustSent(true)} />;
}
