import { buttonClass } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { useMyLetters } from '../api/get-my-letters.ts';
import { serviceInWords } from './letter-words.ts';

/** A mentor's letters of recognition: one for each program year they saw through. */
export function MyLettersPage() {
  const letters = useMyLetters();
  return (
    <Page
      title="Letters of recognition"
      intro={
        <p>
          When a program year ends, every mentor who saw it through gets a letter thanking them for their service, signed by the program.
          Keep it, print it, or share it with your employer.
        </p>
      }
    >
      {letters.isPending ? <Loading label="Loading your letters…" /> : null}
      {letters.isError ? <LoadError error={letters.error} what="your letters" onRetry={() => void letters.refetch()} /> : null}
      {letters.data ? (
        <Card title="Your letters">
          {letters.data.length === 0 ? (
            <p className="muted">
              No letter yet. Once a program year in which you mentored has ended, your letter will be here to download.
            </p>
          ) : (
            <ul className="plain-list item-list">
              {letters.data.map((l) => (
                <li key={l.periodId}>
                  <h3>{l.periodName}</h3>
                  <p className="muted">
                    Ended {formatDate(l.programEndsOn)} · {serviceInWords(l.months, l.partners)}
                  </p>
                  <a className={buttonClass('secondary', true)} href={l.downloadUrl} download>
                    Download letter (PDF)<span className="visually-hidden">: {l.periodName}</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
    </Page>
  );
}
