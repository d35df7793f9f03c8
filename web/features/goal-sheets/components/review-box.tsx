import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { GoalSheetView } from '../../../../src/shared/api/goal-sheets.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { useAcknowledgeGoalSheet } from '../api/acknowledge-goal-sheet.ts';
import { goalSheetKeys } from '../api/goal-sheet-keys.ts';
import { useReturnGoalSheet } from '../api/return-goal-sheet.ts';
import { isStaleSheetError } from '../api/sheet-request.ts';

const RETURN_NEEDS_COMMENT = 'Tell the pair what to change: the comment is sent to them.';

/** Staff: acknowledge a sent sheet (final), or return it to the pair with a comment. */
export function ReviewBox({ view }: { view: GoalSheetView }) {
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();
  const acknowledge = useAcknowledgeGoalSheet();
  const giveBack = useReturnGoalSheet();
  const failure = acknowledge.error ?? giveBack.error;

  const onFailure = (err: unknown) => {
    // Someone else reviewed it, or the pair sent a new version: show the sheet as it is now.
    if (isStaleSheetError(err)) queryClient.setQueryData(goalSheetKeys.sheet(view.matchId), err.current);
  };
  const onAcknowledge = () => {
    giveBack.reset();
    acknowledge.mutate({ matchId: view.matchId, revision: view.revision, comment }, { onError: onFailure });
  };
  const onReturn = () => {
    acknowledge.reset();
    if (comment.trim() === '') {
      setError(RETURN_NEEDS_COMMENT);
      document.getElementById('review-comment')?.focus();
      return;
    }
    setError(undefined);
    giveBack.mutate({ matchId: view.matchId, revision: view.revision, comment }, { onError: onFailure });
  };

  return (
    <Card title="Review">
      <div className="form">
        <p>
          Read the sheet above. Acknowledge it if it’s ready (that’s final), or return it to the pair with a note saying what to change.
        </p>
        <TextareaField
          id="review-comment"
          label="Comment for the pair"
          rows={4}
          maxLength={2000}
          value={comment}
          onChange={(v) => {
            setComment(v);
            if (v.trim() !== '') setError(undefined);
          }}
          error={error}
          hint="Needed to return the sheet; optional when you acknowledge it. Both of the pair get it by e-mail."
        />
        {failure ? (
          <Alert tone="error" title="The review wasn’t saved">
            <p>{errorMessage(failure)}</p>
          </Alert>
        ) : null}
        <div className="form-actions">
          <Button busy={acknowledge.isPending} disabled={giveBack.isPending} onClick={onAcknowledge}>
            Acknowledge
          </Button>
          <Button variant="secondary" busy={giveBack.isPending} disabled={acknowledge.isPending} onClick={onReturn}>
            Return to the pair
          </Button>
        </div>
      </div>
    </Card>
  );
}
