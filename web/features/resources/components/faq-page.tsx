import { focusWhen, listItemAt, moveItem } from '../../../lib/reorder.ts';
import { ConfirmAction } from '../../../components/ui/confirm-action.tsx';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { useCreateFaqEntry } from '../api/create-faq-entry.ts';
import { useDeleteFaqEntry } from '../api/delete-faq-entry.ts';
import { useFaq } from '../api/get-faq.ts';
import type { FaqEntry } from '../api/get-faq.ts';
import { useIsStaff } from '../../../lib/reads/me.ts';
import { useReorderFaq } from '../api/reorder-faq.ts';
import { useUpdateFaqEntry } from '../api/update-faq-entry.ts';
import { AnswerText } from './answer-text.tsx';
import { FaqEntryForm } from './faq-entry-form.tsx';

function EditEntry({ entry, onDone }: { entry: FaqEntry; onDone: () => void }) {
  const update = useUpdateFaqEntry();
  return (
    <FaqEntryForm
      label={`Edit question: ${entry.question}`}
      initial={{ question: entry.question, answer: entry.answer }}
      submitLabel="Save question"
      busy={update.isPending}
      error={update.error}
      onSubmit={(changes) => update.mutate({ id: entry.id, changes }, { onSuccess: onDone })}
      onCancel={onDone}
    />
  );
}

function DeleteEntry({ entry, onDeleted }: { entry: FaqEntry; onDeleted: () => void }) {
  const remove = useDeleteFaqEntry();
  return (
    <ConfirmAction
      label="Delete"
      labelDetail={`question: ${entry.question}`}
      question="Delete this question and its answer?"
      groupLabel="Confirm deleting the question"
      confirmLabel="Yes, delete it"
      busy={remove.isPending}
      error={remove.isError ? remove.error : null}
      onConfirm={() => remove.mutate(entry.id, { onSuccess: onDeleted })}
    />
  );
}

/** Staff's view of the FAQ: every entry with move, edit and delete, and a form to add one. */
function FaqEditor({ entries, onAnnounce }: { entries: FaqEntry[]; onAnnounce: (text: string) => void }) {
  const reorder = useReorderFaq();
  const create = useCreateFaqEntry();
  const [editing, setEditing] = useState<number | null>(null);

  const move = (index: number, by: -1 | 1) => {
    const entry = entries[index];
    const moved = moveItem(
      entries.map((e) => e.id),
      index,
      by,
    );
    if (!entry || !moved) return;
    reorder.mutate(moved.ids, {
      onSuccess: () => {
        onAnnounce(`Question moved to number ${moved.target + 1} of ${entries.length}.`);
        const button = `faq-${entry.id}-${moved.focus}`;
        focusWhen(button, listItemAt(button, moved.target));
      },
    });
  };

  return (
    <>
      {reorder.isError ? <Alert tone="error">{errorMessage(reorder.error)}</Alert> : null}
      <ol className="plain-list item-list">
        {entries.map((entry, index) => (
          <li key={entry.id}>
            {editing === entry.id ? (
              <EditEntry
                entry={entry}
                onDone={() => {
                  setEditing(null);
                  focusWhen(`faq-${entry.id}-edit`);
                }}
              />
            ) : (
              <div className="item-row">
                <div className="item-row__main faq-entry">
                  <h2>{entry.question}</h2>
                  <AnswerText text={entry.answer} />
                </div>
                <div className="item-row__actions">
                  <Button
                    id={`faq-${entry.id}-up`}
                    variant="secondary"
                    small
                    disabled={index === 0 || reorder.isPending}
                    onClick={() => move(index, -1)}
                  >
                    Move up<span className="visually-hidden"> question: {entry.question}</span>
                  </Button>
                  <Button
                    id={`faq-${entry.id}-down`}
                    variant="secondary"
                    small
                    disabled={index === entries.length - 1 || reorder.isPending}
                    onClick={() => move(index, 1)}
                  >
                    Move down<span className="visually-hidden"> question: {entry.question}</span>
                  </Button>
                  <Button id={`faq-${entry.id}-edit`} variant="secondary" small onClick={() => setEditing(entry.id)}>
                    Edit<span className="visually-hidden"> question: {entry.question}</span>
                  </Button>
                  <DeleteEntry entry={entry} onDeleted={() => onAnnounce('Question deleted.')} />
                </div>
              </div>
            )}
          </li>
        ))}
      </ol>
      <Card>
        <FaqEntryForm
          labelledBy="add-question-heading"
          heading={<h2 id="add-question-heading">Add a question</h2>}
          submitLabel="Add question"
          clearWhenSaved
          busy={create.isPending}
          error={create.error}
          onSubmit={(input, saved) =>
            create.mutate(input, {
              onSuccess: () => {
                onAnnounce('Question added at the end.');
                saved();
              },
            })
          }
        />
      </Card>
    </>
  );
}

/** The program's FAQ, open to everyone (applicants too). Staff switch to an edit mode. */
export function FaqPage() {
  const faq = useFaq();
  const staff = useIsStaff();
  const [editMode, setEditMode] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  return (
    <Page
      title="Frequently asked questions"
      intro={<p>How the program works, from being matched to the end of the year.</p>}
      actions={
        staff ? (
          <Button variant="secondary" aria-pressed={editMode} onClick={() => setEditMode(!editMode)}>
            {editMode ? 'Done editing' : 'Edit the FAQ'}
          </Button>
        ) : null
      }
    >
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {faq.isPending ? <Loading label="Loading the questions…" /> : null}
      {faq.isError ? <LoadError error={faq.error} what="the questions" onRetry={() => void faq.refetch()} /> : null}
      {faq.data && staff && editMode ? <FaqEditor entries={faq.data} onAnnounce={setAnnouncement} /> : null}
      {faq.data && !(staff && editMode) ? (
        faq.data.length === 0 ? (
          <p className="muted">There are no questions here yet.</p>
        ) : (
          <div className="faq">
            {faq.data.map((entry) => (
              <section key={entry.id} className="faq-entry" aria-labelledby={`faq-${entry.id}`}>
                <h2 id={`faq-${entry.id}`}>{entry.question}</h2>
                <AnswerText text={entry.answer} />
              </section>
            ))}
          </div>
        )
      ) : null}
    </Page>
  );
}
