import { useId, useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { Loading } from '../../../components/ui/query-status.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import type { RunResult } from '../api/get-run.ts';
import { usePairPreview } from '../api/get-pair-preview.ts';
import { useReassign } from '../api/reassign.ts';
import { formatScore } from './criteria.ts';
import { ReasonsList } from './reasons-list.tsx';

interface ReassignControlProps {
  runId: number;
  menteeApplicationId: number;
  menteeName: string;
  currentMentorId: number | null;
  mentors: RunResult['mentors'];
  onDone: (message: string | null) => void;
}

const NONE = 'none';

/** Choose another mentor for one mentee, see how the pair would score, then confirm. */
export function ReassignControl({ runId, menteeApplicationId, menteeName, currentMentorId, mentors, onDone }: ReassignControlProps) {
  const headingId = useId();
  const [choice, setChoice] = useState('');
  const mentorId = choice === '' || choice === NONE ? null : Number(choice);
  const preview = usePairPreview(runId, menteeApplicationId, mentorId);
  const reassign = useReassign();
  const warnings = preview.data?.warnings ?? [];
  const serverWarnings = isApiError(reassign.error) && reassign.error.code === 'WARNINGS_NOT_ACCEPTED' ? reassign.error.details : [];

  const options = [
    { value: '', label: 'Choose a mentor' },
    ...mentors
      .filter((m) => m.mentorApplicationId !== currentMentorId)
      .map((m) => ({
        value: String(m.mentorApplicationId),
        label: `${m.name} (${m.assigned} of ${m.capacity} ${m.capacity === 1 ? 'place' : 'places'} taken)`,
      })),
    ...(currentMentorId !== null ? [{ value: NONE, label: 'No mentor: take them out of this proposal' }] : []),
  ];

  const confirm = () => {
    const chosen = mentors.find((m) => m.mentorApplicationId === mentorId);
    reassign.mutate(
      {
        runId,
        body: { menteeApplicationId, mentorApplicationId: mentorId, acceptWarnings: warnings.length > 0 || serverWarnings.length > 0 },
      },
      {
        onSuccess: () =>
          onDone(
            mentorId === null
              ? `${menteeName} is out of this proposal.`
              : `${menteeName} is now paired with ${chosen?.name ?? 'the new mentor'}.`,
          ),
      },
    );
  };

  return (
    <section className="reassign" aria-labelledby={headingId}>
      <h3 id={headingId}>Reassign {menteeName}</h3>
      <SelectField label={`New mentor for ${menteeName}`} value={choice} options={options} onChange={setChoice} autoFocus />
      {mentorId !== null ? (
        <div aria-live="polite">
          {preview.isPending ? <Loading label="Working out how this pair would score…" /> : null}
          {preview.isError ? <Alert tone="error">{errorMessage(preview.error)}</Alert> : null}
          {preview.data ? (
            <div className="preview">
              <p>
                <strong>Score: {formatScore(preview.data.score)}</strong> {preview.data.explanation}
              </p>
              <ReasonsList reasons={preview.data.reasons} />
              {warnings.length > 0 ? (
                <Alert tone="warning" title="Before you go ahead" announce={false}>
                  <ul>
                    {warnings.map((w) => (
                      <li key={w.code}>{w.message}</li>
                    ))}
                  </ul>
                </Alert>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
      {reassign.isError ? (
        <Alert tone="error" title="We couldn’t reassign this mentee.">
          <p>{errorMessage(reassign.error)}</p>
          {serverWarnings.length > 0 ? (
            <ul>
              {serverWarnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <div className="form-actions">
        <Button
          small
          variant={warnings.length > 0 ? 'danger' : 'primary'}
          disabled={choice === '' || (mentorId !== null && !preview.data)}
          busy={reassign.isPending}
          onClick={confirm}
        >
          {warnings.length > 0 || serverWarnings.length > 0
            ? 'Reassign anyway'
            : mentorId === null && choice === NONE
              ? 'Take out of proposal'
              : 'Reassign'}
        </Button>
        <Button small variant="secondary" onClick={() => onDone(null)}>
          Cancel
        </Button>
      </div>
    </section>
  );
}
