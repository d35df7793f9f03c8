import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { BulkSkipReason } from '../../../../src/shared/api/applications.ts';
import { APPLICATION_STATUS_LABELS } from '../../../../src/shared/application-vocabulary.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { useBulkDecide, useBulkDecisionPreview } from '../api/bulk-decide.ts';
import type { BulkDecision, BulkDecisionResult } from '../api/bulk-decide.ts';
import type { ApplicationFilters } from '../api/get-period-applications.ts';

const CHOICES: readonly { value: BulkDecision; label: string; done: string; verb: string }[] = [
  { value: 'accepted', label: 'Accept', done: 'accepted', verb: 'accept' },
  { value: 'waitlisted', label: 'Put on the waiting list', done: 'put on the waiting list', verb: 'waitlist' },
  { value: 'declined', label: 'Decline', done: 'declined', verb: 'decline' },
];
const choice = (d: BulkDecision) => CHOICES.find((c) => c.value === d) ?? CHOICES[0];

const SKIP_TEXT: Record<BulkSkipReason, (d: BulkDecision) => string> = {
  already: (d) => `Already ${choice(d)?.done}`,
  final: () => 'Can’t be decided on any more: withdrawn, declined or used in matching',
  eligibility: () => 'An eligibility answer needs a look first: open each one and decide it on its own',
};

const applications = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'application' : 'applications'}`;

/** The first names of a group, and how many more there are. */
function Names({ people, count }: { people: BulkDecisionResult['changed']['first']; count: number }) {
  return (
    <>
      <ul>
        {people.map((p) => (
          <li key={p.applicationId}>
            {p.name}{' '}
            <span className="muted">
              ({p.role === 'mentor' ? 'mentor' : 'mentee'}, now {APPLICATION_STATUS_LABELS[p.status].toLowerCase()})
            </span>
          </li>
        ))}
      </ul>
      {count > people.length ? <p className="muted">and {(count - people.length).toLocaleString('en-US')} more.</p> : null}
    </>
  );
}

/**
 * "Decide for all shown": one decision for every application the filters select (not only the
 * rows loaded so far). The reviewer chooses, sees a preview — who changes, who is left as they
 * are and why — and only then confirms. Each person whose application changes is e-mailed.
 */
export function BulkDecisionDialog({ periodId, filters, total }: { periodId: number; filters: ApplicationFilters; total: number }) {
  const [open, setOpen] = useState(false);
  const [decision, setDecision] = useState<BulkDecision | ''>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ decision?: string; reason?: string }>({});
  const preview = useBulkDecisionPreview();
  const apply = useBulkDecide();
  const reasonRef = useRef<HTMLDivElement>(null);

  const reset = () => {
    setDecision('');
    setReason('');
    setErrors({});
    preview.reset();
    apply.reset();
  };
  const close = () => {
    setOpen(false);
    reset();
  };

  const onPreview = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    apply.reset();
    if (decision === '') {
      setErrors({ decision: 'Choose what to do with these applications.' });
      return;
    }
    if (decision === 'declined' && reason.trim() === '') {
      setErrors({ reason: 'Say why, in a sentence the applicants will read.' });
      requestAnimationFrame(() => reasonRef.current?.querySelector('textarea')?.focus());
      return;
    }
    setErrors({});
    preview.mutate(
      { periodId, filters, decision, reason },
      {
        onError: (error) => {
          if (isApiError(error)) setErrors({ reason: error.details.find((d) => d.path === 'reason')?.message });
        },
      },
    );
  };

  const shown = preview.data;
  const done = apply.data;
  const words = decision === '' ? undefined : choice(decision);

  return (
    <>
      <Button variant="secondary" small disabled={total === 0} onClick={() => setOpen(true)}>
        Decide for all shown
      </Button>
      <Dialog open={open} title="Decide for all shown" onClose={close}>
        {done && words ? (
          <>
            <Alert tone="success" title={`${applications(done.changed.count)} ${words.done}.`}>
              <p>We’ve e-mailed each person whose application changed.</p>
            </Alert>
            <div className="form-actions">
              <Button onClick={close}>Done</Button>
            </div>
          </>
        ) : shown && words ? (
          <section aria-labelledby="bulk-preview-title">
            <h3 id="bulk-preview-title">Preview: nothing has changed yet</h3>
            {shown.changed.count > 0 ? (
              <>
                <p>
                  <strong>
                    {applications(shown.changed.count)} will be {words.done}
                  </strong>{' '}
                  of the {applications(shown.selected)} that match the filters. Each person gets an e-mail
                  {reason.trim() ? ' with your reason' : ''}.
                </p>
                <Names people={shown.changed.first} count={shown.changed.count} />
              </>
            ) : (
              <p>
                <strong>Nobody would change.</strong> None of the {applications(shown.selected)} that match the filters can be {words.done}.
              </p>
            )}
            {shown.skipped.length > 0 ? (
              <>
                <h3>Left as they are</h3>
                {shown.skipped.map((s) => (
                  <div key={s.reason}>
                    <p>
                      {SKIP_TEXT[s.reason](shown.decision)}: {applications(s.count)}
                    </p>
                    <Names people={s.first} count={s.count} />
                  </div>
                ))}
              </>
            ) : null}
            {apply.isError ? (
              <Alert tone="error" title="Nothing was changed.">
                {errorMessage(apply.error)}
              </Alert>
            ) : null}
            <div className="form-actions">
              {shown.changed.count > 0 ? (
                <Button
                  variant={decision === 'declined' ? 'danger' : 'primary'}
                  busy={apply.isPending}
                  onClick={() => decision !== '' && apply.mutate({ periodId, filters, decision, reason })}
                >
                  {`Yes, ${words.verb} ${applications(shown.changed.count)}`}
                </Button>
              ) : null}
              <Button variant="secondary" onClick={() => preview.reset()}>
                Change the decision
              </Button>
            </div>
          </section>
        ) : (
          <form className="form" onSubmit={onPreview} noValidate aria-label="Choose a decision">
            <p>
              This applies to all {applications(total)} that match the filters now, not only the ones on the screen. You’ll see who changes
              before anything happens.
            </p>
            <RadioGroup
              legend="Decision"
              options={CHOICES.map((c) => ({ value: c.value, label: c.label }))}
              value={decision}
              onChange={(d) => {
                setDecision(d);
                setErrors({});
              }}
              error={errors.decision}
              required
              stacked
            />
            <div ref={reasonRef}>
              <TextareaField
                label="Reason"
                rows={3}
                maxLength={1000}
                value={reason}
                onChange={setReason}
                error={errors.reason}
                hint="Needed to decline, optional otherwise. Each applicant reads it in the e-mail we send them."
              />
            </div>
            {preview.isError && !errors.reason ? <Alert tone="error">{errorMessage(preview.error)}</Alert> : null}
            <div className="form-actions">
              <Button type="submit" busy={preview.isPending}>
                Preview
              </Button>
              <Button variant="secondary" onClick={close}>
                Cancel
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
