import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { MENTOR_OFFER_MAX, PHOTO_ALT_MAX, PHOTO_MAX_BYTES } from '../../../../src/shared/matching-modes.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { CharacterCountStatus, charactersLeft } from '../../../components/ui/character-count.tsx';
import { ConfirmAction } from '../../../components/ui/confirm-action.tsx';
import { Field, TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { UploadProgress } from '../../../components/ui/upload-progress.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { focusWhen } from '../../../lib/reorder.ts';
import { focusFirstInvalid } from '../../../lib/validate.ts';
import { isUploadCancelled } from '../../../lib/upload-with-progress.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { useUploadProgress } from '../../../lib/use-upload-progress.ts';
import { useMyMentorCard } from '../api/get-my-mentor-card.ts';
import type { MentorCard } from '../api/get-my-suggestions.ts';
import { useRemoveMentorPhoto } from '../api/remove-mentor-photo.ts';
import { updateMentorCardInputSchema, useUpdateMyMentorCard } from '../api/update-my-mentor-card.ts';
import { useUploadMentorPhoto } from '../api/upload-mentor-photo.ts';
import { MentorCardView, MentorPhoto } from './mentor-card-view.tsx';

const MEGABYTES = Math.round(PHOTO_MAX_BYTES / (1024 * 1024));

/** "What I offer", saved with the photo's description as the server keeps it. */
function OfferForm({ card, offer, onChange }: { card: MentorCard; offer: string; onChange: (offer: string) => void }) {
  const update = useUpdateMyMentorCard();
  const { ref, errors, check, showServerErrors } = useCheckedForm();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    update.reset();
    const body = check(updateMentorCardInputSchema, { offer, photoAlt: card.photoUrl ? card.photoAlt : '' });
    if (!body) return;
    update.mutate(body, { onError: showServerErrors });
  };
  return (
    <form ref={ref} className="form" onSubmit={submit} noValidate aria-label="What I offer">
      {update.isError ? (
        <Alert tone="error" title="We couldn’t save your card.">
          <p>{errorMessage(update.error)}</p>
        </Alert>
      ) : null}
      {update.isSuccess ? <Alert tone="success">Your card has been saved.</Alert> : null}
      <TextareaField
        label="What I offer"
        rows={5}
        maxLength={MENTOR_OFFER_MAX}
        value={offer}
        onChange={onChange}
        error={errors.offer}
        hint={`A few sentences in your own words: what you can help with, and how you like to work. ${charactersLeft(offer, MENTOR_OFFER_MAX)}.`}
      />
      <CharacterCountStatus value={offer} max={MENTOR_OFFER_MAX} />
      <FormActions submitLabel="Save what I offer" busy={update.isPending} />
    </form>
  );
}

/**
 * The card's photo: a new one (with words for people who cannot see it), or new words for the one
 * there now; and a way to take it off.
 */
function PhotoForm({ card, offer }: { card: MentorCard; offer: string }) {
  const upload = useUploadMentorPhoto();
  const update = useUpdateMyMentorCard();
  const remove = useRemoveMentorPhoto();
  const formRef = useRef<HTMLFormElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const { progress, percent, start, finish, abort } = useUploadProgress();
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState(card.photoUrl ? card.photoAlt : '');
  const [errors, setErrors] = useState<{ file?: string; alt?: string }>({});
  const [done, setDone] = useState<string | null>(null);
  const hasPhoto = card.photoUrl !== null;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setDone(null);
    upload.reset();
    update.reset();
    const next: { file?: string; alt?: string } = {};
    if (!file && !hasPhoto) next.file = 'Choose a photo to upload.';
    else if (file && !file.type.startsWith('image/')) next.file = 'Choose an image: a JPEG, PNG or WebP photo.';
    else if (file && file.size > PHOTO_MAX_BYTES) next.file = `That photo is larger than ${MEGABYTES} MB. Choose a smaller one.`;
    const words = alt.trim();
    if (words === '') next.alt = 'Describe the photo in a few words, for people who cannot see it.';
    else if (words.length > PHOTO_ALT_MAX) next.alt = `Keep the description under ${PHOTO_ALT_MAX} characters.`;
    setErrors(next);
    if (next.file || next.alt) {
      focusFirstInvalid(formRef.current);
      return;
    }
    if (file) {
      upload.mutate(
        { file, alt: words, ...start(file.size) },
        {
          onSuccess: () => {
            setFile(null);
            if (fileInput.current) fileInput.current.value = '';
            setDone(hasPhoto ? 'Your new photo is on your card.' : 'Your photo is on your card.');
          },
          onSettled: finish,
        },
      );
    } else {
      update.mutate({ offer, photoAlt: words }, { onSuccess: () => setDone('The description of your photo has been saved.') });
    }
  };

  const failed = upload.error ?? update.error;
  const cancelled = isUploadCancelled(upload.error);
  return (
    <div className="stack">
      <div className="mentor-photo-now">
        <MentorPhoto card={card} />
        <p className="muted" id="photo-now" tabIndex={-1}>
          {hasPhoto ? 'Your photo as mentees see it.' : 'No photo yet: mentees see your initials.'}
        </p>
      </div>
      <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label={hasPhoto ? 'Replace the photo' : 'Add a photo'}>
        {failed && !cancelled ? (
          <Alert tone="error" title="We couldn’t save the photo.">
            <p>{errorMessage(failed)}</p>
          </Alert>
        ) : null}
        {cancelled ? <Alert tone="info">The upload was cancelled. Nothing was kept.</Alert> : null}
        {done ? <Alert tone="success">{done}</Alert> : null}
        <Field
          label={hasPhoto ? 'A new photo (optional)' : 'Photo'}
          required={!hasPhoto}
          error={errors.file}
          hint={`A JPEG, PNG or WebP image up to ${MEGABYTES} MB. It is cropped square and made smaller.${file ? ` Chosen: ${file.name}.` : ''}`}
        >
          {(wiring) => (
            <input
              {...wiring}
              ref={fileInput}
              type="file"
              accept="image/jpeg,image/png,image/webp,image/*"
              disabled={upload.isPending}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setErrors((x) => ({ ...x, file: undefined }));
              }}
            />
          )}
        </Field>
        <TextField
          label="Describe the photo"
          required
          maxLength={PHOTO_ALT_MAX}
          value={alt}
          onChange={setAlt}
          error={errors.alt}
          hint="For people who cannot see it, for example “Margaret smiling, in front of library shelves”."
        />
        {progress ? <UploadProgress id="photo-upload-progress" fileName={file?.name} percent={percent} /> : null}
        <FormActions
          submitLabel={file || !hasPhoto ? 'Upload the photo' : 'Save the description'}
          busy={upload.isPending || update.isPending}
        >
          {upload.isPending ? (
            <Button variant="secondary" onClick={abort}>
              Cancel upload
            </Button>
          ) : null}
        </FormActions>
      </form>
      {hasPhoto ? (
        <ConfirmAction
          label="Remove the photo"
          labelDetail="from my card"
          question="Remove your photo? Mentees will see your initials instead."
          groupLabel="Confirm removing the photo"
          confirmLabel="Yes, remove it"
          busy={remove.isPending}
          error={remove.isError ? remove.error : null}
          onConfirm={() =>
            remove.mutate(undefined, {
              onSuccess: () => {
                setAlt('');
                setDone('Your photo has been removed.');
                focusWhen('photo-now');
              },
            })
          }
        />
      ) : null}
    </div>
  );
}

/** A mentor's card: what mentees who choose see before asking. Edit what you offer and your photo; see the card as they do. */
export function MentorCardPage() {
  const mine = useMyMentorCard();
  const card = mine.data?.card ?? null;
  const [offer, setOffer] = useState<string | null>(null);
  const draft = offer ?? card?.offer ?? '';

  return (
    <Page
      title="Your mentor card"
      intro={
        <p>
          Mentees who choose their mentor see this card before they ask you. It shows your name, role, workplace, experience, expertise,
          languages and region from your application, never your e-mail address or phone number.
        </p>
      }
    >
      {mine.isPending ? <Loading label="Loading your card…" /> : null}
      {mine.isError ? <LoadError error={mine.error} what="your card" onRetry={() => void mine.refetch()} /> : null}
      {mine.data && !card ? (
        <Card>
          <p>Only mentors have a card. Once you apply as a mentor, your card is made from your application.</p>
          <p>
            <Link to="/apply">Apply to the program</Link>
          </p>
        </Card>
      ) : null}
      {card ? (
        <>
          <Card title="What you offer">
            <OfferForm card={card} offer={draft} onChange={setOffer} />
          </Card>
          <Card title="Your photo">
            <PhotoForm card={card} offer={card.offer} />
          </Card>
          <Card title="How mentees see your card">
            <p className="muted small">With what you offer as you have written it above, saved or not.</p>
            <MentorCardView card={{ ...card, offer: draft.trim() }} className="mentor-card--preview" />
          </Card>
        </>
      ) : null}
    </Page>
  );
}
