import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { buttonClass } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { ConfirmAction } from '../../../components/ui/confirm-action.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { formatDate, formatInstant } from '../../../lib/format-date.ts';
import { usePeriodLetters } from '../api/get-period-letters.ts';
import type { PeriodLetters } from '../api/get-period-letters.ts';
import { useSendLetters } from '../api/send-letters.ts';
import type { SendLettersResult } from '../api/send-letters.ts';
import { serviceInWords } from './letter-words.ts';

const people = (n: number) => (n === 1 ? '1 mentor' : `${n} mentors`);

function resultInWords(r: SendLettersResult): string {
  const parts = [r.sent === 0 ? 'No new e-mail was needed.' : `E-mailed ${people(r.sent)} that their letter is ready.`];
  if (r.alreadySent > 0) parts.push(`${people(r.alreadySent)} had been told before and were not e-mailed again.`);
  if (r.skipped > 0) parts.push(`${people(r.skipped)} with a disabled account ${r.skipped === 1 ? 'was' : 'were'} skipped.`);
  return parts.join(' ');
}

function SendLetters({ data }: { data: PeriodLetters }) {
  const send = useSendLetters(data.period.id);
  const waiting = data.letters.filter((l) => l.mailedAt === null && !l.disabled).length;
  if (!data.signer) {
    return (
      <Alert tone="warning" announce={false}>
        Before you e-mail the letters, name who signs them in <Link to="/settings">Settings</Link> under “Recognition letters”.
      </Alert>
    );
  }
  return (
    <>
      <p>
        Signed by {data.signer.name}, {data.signer.title}.{' '}
        {waiting === 0
          ? 'Every mentor here has been told their letter is ready.'
          : `${people(waiting)} ${waiting === 1 ? 'has' : 'have'} not been told yet.`}
      </p>
      {waiting > 0 ? (
        <ConfirmAction
          variant="secondary"
          label="E-mail the mentors"
          labelDetail={`who have not been told about their letter (${waiting})`}
          question={`E-mail ${people(waiting)} that their letter is ready, with a link to download it? Each mentor is e-mailed only once.`}
          groupLabel="Confirm e-mailing the letters"
          confirmLabel="Yes, e-mail them"
          busy={send.isPending}
          error={send.isError ? send.error : null}
          onConfirm={() => send.mutate()}
        />
      ) : null}
      {send.isSuccess ? (
        <Alert tone="success" title="Done">
          <p>{resultInWords(send.data)}</p>
        </Alert>
      ) : null}
    </>
  );
}

function LettersList({ data }: { data: PeriodLetters }) {
  if (data.letters.length === 0) {
    return (
      <p className="muted">
        {data.period.over
          ? 'No mentor saw this program year through to its end, so there are no letters.'
          : `Letters are ready once the program year ends on ${formatDate(data.period.programEndsOn)}.`}
      </p>
    );
  }
  return (
    <>
      <p>
        <a className={buttonClass('primary', true)} href={data.allUrl} download>
          Download all {data.letters.length} letters (one PDF)
        </a>
      </p>
      <ul className="plain-list item-list">
        {data.letters.map((l) => (
          <li key={l.userId}>
            <h3>{l.name}</h3>
            <p className="muted">
              {serviceInWords(l.months, l.partners)}, from {formatDate(l.firstMatchedOn)}
            </p>
            <p>
              {l.disabled ? <Badge tone="warning">Account disabled</Badge> : null}{' '}
              {l.mailedAt ? <Badge tone="success">E-mailed {formatInstant(l.mailedAt)}</Badge> : <Badge>Not e-mailed yet</Badge>}
            </p>
            <a className={buttonClass('secondary', true)} href={l.downloadUrl} download>
              Download<span className="visually-hidden"> the letter for {l.name}</span>
            </a>
          </li>
        ))}
      </ul>
      {data.endedEarly > 0 ? (
        <p className="muted small">
          {people(data.endedEarly)} whose match ended before the program year did {data.endedEarly === 1 ? 'has' : 'have'} no letter.
        </p>
      ) : null}
    </>
  );
}

/** Staff: a period's letters of recognition — download them, and tell the mentors by e-mail. */
export function PeriodLettersPage() {
  const periodId = Number(useParams().id);
  const valid = Number.isInteger(periodId) && periodId > 0;
  const letters = usePeriodLetters(valid ? periodId : 0);
  const name = letters.data?.period.name;
  if (!valid || (letters.isError && isApiError(letters.error) && letters.error.status === 404)) {
    return (
      <Page title="Period not found" before={<Link to="/periods">Back to the periods</Link>}>
        <p>This period does not exist, or it was deleted.</p>
      </Page>
    );
  }
  return (
    <Page
      title={name ? `Letters of recognition: ${name}` : 'Letters of recognition'}
      before={<Link to={`/periods/${periodId}`}>Back to the period</Link>}
      intro={
        <p>
          Every mentor who saw the program year through to its end gets a letter thanking them for their service. Mentors download their own
          from their letters page; here you can download them all and let the mentors know by e-mail.
        </p>
      }
    >
      {letters.isPending ? <Loading label="Loading the letters…" /> : null}
      {letters.isError ? <LoadError error={letters.error} what="the letters" onRetry={() => void letters.refetch()} /> : null}
      {letters.data ? (
        <>
          <Card title="Mentors with a letter">
            <LettersList data={letters.data} />
          </Card>
          {letters.data.letters.length > 0 ? (
            <Card title="Tell the mentors">
              <SendLetters data={letters.data} />
            </Card>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
