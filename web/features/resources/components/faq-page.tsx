import { ConfirmAction } from '../../../components/ui/confirm-action.tsx';
import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { OrderedListEditor } from '../../../components/ui/ordered-list-editor.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
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

  return (
    <>
      <OrderedListEditor
        items={entries}
        idPrefix="faq"
        itemLabel={(entry) => `question: ${entry.question}`}
        reorder={reorder}
        movedMessage={(_entry, target) => `Question moved to number ${target + 1} of ${entries.length}.`}
        announce={onAnnounce}
        itemClassName="item-row__main faq-entry"
        renderItem={(entry) => (
          <>
            <h2>{entry.question}</h2>
            <AnswerText text={entry.answer} />
          </>
        )}
        renderEditor={(entry, done) => <EditEntry entry={entry} onDone={done} />}
        renderActions={(entry) => <DeleteEntry entry={entry} onDeleted={() => onAnnounce('Question deleted.')} />}
      />
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
