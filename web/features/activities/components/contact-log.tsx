import { ConfirmAction } from '../../../components/ui/confirm-action.tsx';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { CHANNEL_LABELS } from '../../../../src/shared/channels.ts';
import type { Channel } from '../../../../src/shared/channels.ts';
import { logContactBodySchema } from '../../../../src/shared/api/activities.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { formatDate } from '../../../lib/format-date.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { focusFirstInvalid } from '../../../lib/validate.ts';
import { useDeleteContact } from '../api/delete-contact.ts';
import { useActivities } from '../api/get-activities.ts';
import { useContactLog } from '../api/get-contact-log.ts';
import type { Contact, ContactLog as Log } from '../api/get-contact-log.ts';
import { useLogContact } from '../api/log-contact.ts';
import { contactSummaryLine } from './contact-summary.ts';

export { SuggestedActivities } from './suggested-activities.tsx';

const SHOWN_AT_FIRST = 5;
const channelLabel = (channel: string) => CHANNEL_LABELS[channel as Channel] ?? channel;

function LogContactForm({
  matchId,
  log,
  Heading,
  onChange,
}: {
  matchId: number;
  log: Log;
  Heading: 'h3' | 'h4';
  onChange: (() => void) | undefined;
}) {
  const save = useLogContact();
  const activities = useActivities();
  const { ref, errors, setErrors, check } = useCheckedForm();
  const latest = log.contacts[0]?.channel;
  const [occurredOn, setOccurredOn] = useState(log.summary.today);
  // The channel they used last time is the likely one again: one click fewer.
  const [channel, setChannel] = useState<Channel | ''>(log.channels.find((c) => c === latest) ?? log.channels[0] ?? '');
  const [activityId, setActivityId] = useState('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState('');

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaved('');
    const contact = check(logContactBodySchema, {
      occurredOn,
      channel,
      activityId: activityId === '' ? null : Number(activityId),
      note,
    });
    if (!contact) return;
    save.mutate(
      { matchId, contact },
      {
        onSuccess: (next) => {
          setSaved(`Contact on ${formatDate(contact.occurredOn ?? next.summary.today)} logged.`);
          setNote('');
          setActivityId('');
          setOccurredOn(next.summary.today);
          onChange?.();
        },
        onError: (error) => {
          if (isApiError(error)) setErrors(error.fieldErrors());
          focusFirstInvalid(ref.current);
        },
      },
    );
  };

  const activityOptions = [{ value: '', label: 'None' }, ...(activities.data ?? []).map((a) => ({ value: String(a.id), label: a.title }))];

  return (
    <form ref={ref} className="form contact-form" onSubmit={submit} noValidate aria-labelledby={`log-contact-${matchId}`}>
      <Heading id={`log-contact-${matchId}`}>Log a contact</Heading>
      {/* Problems with one field show beside it; anything else (the match has ended, the network) here. */}
      {save.isError && !(isApiError(save.error) && save.error.details.length > 0) ? (
        <Alert tone="error">{errorMessage(save.error)}</Alert>
      ) : null}
      <TextField
        label="Date"
        type="date"
        required
        value={occurredOn}
        onChange={setOccurredOn}
        min={log.summary.matchedOn}
        max={log.summary.today}
        error={errors.occurredOn}
        className="contact-form__date"
      />
      <RadioGroup
        legend="How you talked"
        required
        options={log.channels.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
        value={channel}
        onChange={setChannel}
        error={errors.channel}
      />
      <SelectField
        label="Activity (optional)"
        value={activityId}
        options={activityOptions}
        onChange={setActivityId}
        error={errors.activityId}
      />
      <TextareaField
        label="Private note (optional)"
        rows={3}
        maxLength={2000}
        value={note}
        onChange={setNote}
        error={errors.note}
        hint="Only the two of you and the program office can read this."
      />
      <FormActions submitLabel="Log contact" busy={save.isPending} />
      <p role="status" className="contact-form__saved">
        {saved}
      </p>
    </form>
  );
}

function DeleteContact({ contact, onChange }: { contact: Contact; onChange: (() => void) | undefined }) {
  const remove = useDeleteContact();
  const what = `the contact on ${formatDate(contact.occurredOn)}`;
  return (
    <ConfirmAction
      variant="secondary"
      label="Delete"
      labelDetail={what}
      question={`Delete ${what}? Your partner won’t see it any more either.`}
      groupLabel={`Confirm deleting ${what}`}
      confirmLabel="Yes, delete it"
      busy={remove.isPending}
      error={remove.isError ? remove.error : null}
      onConfirm={() => remove.mutate(contact.id, { onSuccess: () => onChange?.() })}
    />
  );
}

function ContactItem({ contact, onChange }: { contact: Contact; onChange: (() => void) | undefined }) {
  return (
    <li className="item-row contact-item">
      <div className="item-row__main">
        <p className="contact-item__what">
          <strong>{formatDate(contact.occurredOn)}</strong> · {channelLabel(contact.channel)}
          {contact.activityTitle ? ` · ${contact.activityTitle}` : ''}
        </p>
        {contact.note ? <p className="contact-item__note">{contact.note}</p> : null}
        <p className="muted small">Logged by {contact.loggedBy?.name ?? 'someone who has left'}</p>
      </div>
      {contact.canDelete ? (
        <div className="item-row__actions">
          <DeleteContact contact={contact} onChange={onChange} />
        </div>
      ) : null}
    </li>
  );
}

/**
 * The pair's contact log for the match page: a short form (for the mentor and the mentee while
 * the match is active) and the recent contacts, with how often they have been in touch.
 * Staff see the log without the form. `onChange` runs after a contact is logged or deleted, so
 * the page around it can refresh what depends on the log.
 */
export function ContactLog({ matchId, level = 2, onChange }: { matchId: number; level?: 2 | 3; onChange?: () => void }) {
  const log = useContactLog(matchId);
  const [showAll, setShowAll] = useState(false);
  const Sub = level === 2 ? 'h3' : 'h4';

  return (
    <Card title="Contact log" level={level} className="contact-log">
      {log.isPending ? <Loading label="Loading your contact log…" /> : null}
      {log.isError ? <LoadError error={log.error} what="the contact log" onRetry={() => void log.refetch()} /> : null}
      {log.data ? (
        <>
          <p className="contact-log__summary">{contactSummaryLine(log.data.summary)}</p>
          {log.data.canLog ? (
            <>
              <p className="muted">
                Logging is optional and takes a few clicks. It helps the program office notice when a match could use a hand.
              </p>
              <LogContactForm key={log.data.summary.today} matchId={matchId} log={log.data} Heading={Sub} onChange={onChange} />
            </>
          ) : (
            <p className="muted">The mentor and the mentee log their contacts here.</p>
          )}
          <Sub>Recent contacts</Sub>
          {log.data.contacts.length === 0 ? <p className="muted">Nothing logged yet.</p> : null}
          <ul className="plain-list item-list">
            {(showAll ? log.data.contacts : log.data.contacts.slice(0, SHOWN_AT_FIRST)).map((c) => (
              <ContactItem key={c.id} contact={c} onChange={onChange} />
            ))}
          </ul>
          {log.data.contacts.length > SHOWN_AT_FIRST ? (
            <Button variant="secondary" small aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
              {showAll ? 'Show recent contacts only' : `Show all ${log.data.contacts.length} contacts`}
            </Button>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
