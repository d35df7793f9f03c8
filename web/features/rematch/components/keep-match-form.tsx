import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { resolveRematchBodySchema } from '../../../../src/shared/api/rematch.ts';
import { REMATCH_TEXT_MAX } from '../../../../src/shared/match-management.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { useResolveRematchRequest } from '../api/change-match.ts';
import type { RematchQueueItem } from '../api/get-rematch-queue.ts';
import type { Outcome } from './outcome.ts';

interface KeepMatchFormProps {
  item: RematchQueueItem;
  onDone: (outcome: Outcome) => void;
  onCancel: () => void;
}

/** "Keep the match": the request is declined with a note that goes to the person who asked. */
export function KeepMatchForm({ item, onDone, onCancel }: KeepMatchFormProps) {
  const headingId = useId();
  const resolve = useResolveRematchRequest();
  const { ref, errors, check, showServerErrors } = useCheckedForm();
  const [note, setNote] = useState('');
  const { requester, partner } = item;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    resolve.reset();
    const body = check(resolveRematchBodySchema, { action: 'keep', note });
    if (!body) return;
    resolve.mutate(
      { requestId: item.id, body },
      {
        onSuccess: () =>
          onDone({
            tone: 'success',
            title: `Kept the match between ${requester.name} and ${partner.name}.`,
            lines: [`${requester.name} has been sent your note by e-mail.`],
            newMatches: [],
          }),
        onError: (error) => {
          if (isApiError(error) && error.code === 'REQUEST_NOT_OPEN') {
            onDone({ tone: 'warning', title: `Nothing was changed for ${requester.name}.`, lines: [error.message], newMatches: [] });
          } else showServerErrors(error);
        },
      },
    );
  };

  return (
    <form ref={ref} className="form preview" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>
        Keep the match between {requester.name} and {partner.name}
      </h3>
      <TextareaField
        label={`Note to ${requester.name}`}
        hint={`Sent to ${requester.name} by e-mail, and shown on their match page. ${partner.name} is not told about the request.`}
        required
        value={note}
        onChange={setNote}
        error={errors.note}
        maxLength={REMATCH_TEXT_MAX}
        rows={4}
      />
      {resolve.isError ? (
        <Alert tone="error" title="The match was not kept.">
          <p>{errorMessage(resolve.error)}</p>
        </Alert>
      ) : null}
      <FormActions submitLabel="Keep the match and send the note" busy={resolve.isPending} onCancel={onCancel} />
    </form>
  );
}
