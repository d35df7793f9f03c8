import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { EventMedia, EventView } from '../../../../src/shared/api/events.ts';
import type { EventMediaKind } from '../../../../src/shared/events.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { ConfirmAction } from '../../../components/ui/confirm-action.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { UploadProgress } from '../../../components/ui/upload-progress.tsx';
import { WebAddressField } from '../../../components/ui/web-address-field.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { isUploadCancelled } from '../../../lib/upload-with-progress.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { useUploadProgress } from '../../../lib/use-upload-progress.ts';
import { useRemoveMedia } from '../api/remove-media.ts';
import { mediaLinkBodySchema, useSetMediaLink } from '../api/set-media-link.ts';
import { useSetSharing } from '../api/set-sharing.ts';
import { useUploadMedia } from '../api/upload-media.ts';
import { RecordingView, SlidesView } from './event-media.tsx';

const WORDS: Record<EventMediaKind, { title: string; noun: string; accept: string; fileHint: string }> = {
  recording: {
    title: 'Recording',
    noun: 'recording',
    accept: 'video/mp4,video/webm,video/*,audio/*',
    fileHint: 'An MP4 or WebM video plays right in the page.',
  },
  slides: {
    title: 'Slides',
    noun: 'slides',
    accept: 'application/pdf,.ppt,.pptx,.odp,.key',
    fileHint: 'A PDF opens in the browser; other files download.',
  },
};

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${(bytes / (1024 * 1024 * 1024)).toFixed(2)} GB`;
}

function LinkForm({ eventId, kind }: { eventId: number; kind: EventMediaKind }) {
  const setLink = useSetMediaLink();
  const { ref, errors, check, showServerErrors } = useCheckedForm();
  const [url, setUrl] = useState('');
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const body = check(mediaLinkBodySchema, { url });
    if (!body) return;
    setLink.mutate({ eventId, kind, url: body.url }, { onSuccess: () => setUrl(''), onError: showServerErrors });
  };
  return (
    <form ref={ref} className="form" onSubmit={submit} noValidate aria-label={`Link to the ${WORDS[kind].noun}`}>
      {setLink.isError ? <Alert tone="error">{errorMessage(setLink.error)}</Alert> : null}
      <WebAddressField
        label={`Web address of the ${WORDS[kind].noun}`}
        use="For a video site or a shared drive."
        required
        value={url}
        onChange={setUrl}
        error={errors.url}
      />
      <FormActions submitLabel={`Save the link`} small busy={setLink.isPending} />
    </form>
  );
}

function UploadForm({ eventId, kind }: { eventId: number; kind: EventMediaKind }) {
  const upload = useUploadMedia();
  const fileInput = useRef<HTMLInputElement>(null);
  const { progress, percent, start, finish, abort } = useUploadProgress();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const words = WORDS[kind];
  const progressId = `${kind}-upload-progress`;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!file || file.size === 0) {
      setFileError(file ? 'This file is empty.' : 'Choose a file to upload.');
      fileInput.current?.focus();
      return;
    }
    setFileError(undefined);
    upload.mutate(
      { eventId, kind, file, ...start(file.size) },
      {
        onSuccess: () => {
          setFile(null);
          if (fileInput.current) fileInput.current.value = '';
        },
        onSettled: finish,
      },
    );
  };

  const cancelled = isUploadCancelled(upload.error);

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={`Upload the ${words.noun}`}>
      {upload.isError && !cancelled ? <Alert tone="error">{errorMessage(upload.error)}</Alert> : null}
      {cancelled ? <Alert tone="info">The upload was cancelled. Nothing was kept.</Alert> : null}
      <Field
        label={`${words.title} file`}
        required
        error={fileError}
        hint={file ? `${file.name}, ${formatBytes(file.size)}. ${words.fileHint}` : words.fileHint}
      >
        {(wiring) => (
          <input
            {...wiring}
            ref={fileInput}
            type="file"
            accept={words.accept}
            disabled={upload.isPending}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFileError(undefined);
            }}
          />
        )}
      </Field>
      {progress ? <UploadProgress id={progressId} fileName={file?.name} percent={percent} /> : null}
      <FormActions submitLabel={`Upload the ${words.noun}`} small busy={upload.isPending}>
        {upload.isPending ? (
          <Button variant="secondary" small onClick={abort}>
            Cancel upload
          </Button>
        ) : null}
      </FormActions>
    </form>
  );
}

/** One of the two attachments: what is there now, and a link or a file in its place. */
function MediaEditor({ event, kind, media }: { event: EventView; kind: EventMediaKind; media: EventMedia | null }) {
  const remove = useRemoveMedia();
  const [how, setHow] = useState<'upload' | 'link'>(kind === 'recording' ? 'upload' : 'link');
  const words = WORDS[kind];
  return (
    <section className="stack" aria-labelledby={`${kind}-heading`}>
      <h3 id={`${kind}-heading`}>{words.title}</h3>
      {media ? (
        <>
          {kind === 'recording' ? <RecordingView media={media} title={event.title} /> : <SlidesView media={media} title={event.title} />}
          <ConfirmAction
            label={`Remove the ${words.noun}`}
            labelDetail={`of ${event.title}`}
            question={
              media.url === null ? `Remove the ${words.noun}? The uploaded file is deleted.` : `Remove the link to the ${words.noun}?`
            }
            groupLabel={`Confirm removing the ${words.noun}`}
            confirmLabel="Yes, remove it"
            busy={remove.isPending}
            error={remove.isError ? remove.error : null}
            onConfirm={() => remove.mutate({ eventId: event.id, kind })}
          />
        </>
      ) : (
        <p className="muted">No {words.noun} yet.</p>
      )}
      <RadioGroup<'upload' | 'link'>
        legend={media ? `Replace the ${words.noun} with` : `Add the ${words.noun} as`}
        options={[
          { value: 'upload', label: 'A file from this computer' },
          { value: 'link', label: 'A link' },
        ]}
        value={how}
        onChange={setHow}
      />
      {how === 'upload' ? <UploadForm eventId={event.id} kind={kind} /> : <LinkForm eventId={event.id} kind={kind} />}
    </section>
  );
}

function Sharing({ event }: { event: EventView }) {
  const sharing = useSetSharing();
  return (
    <>
      <Checkbox
        label="Open to later cohorts"
        checked={sharing.isPending ? sharing.variables.openToLaterCohorts : event.openToLaterCohorts}
        disabled={sharing.isPending}
        hint="People of later periods can find the recording and slides in the archive too. Otherwise only the people invited see them."
        onChange={(openToLaterCohorts) => sharing.mutate({ eventId: event.id, openToLaterCohorts })}
      />
      {sharing.isError ? <Alert tone="error">{errorMessage(sharing.error)}</Alert> : null}
    </>
  );
}

/** Staff attach the recording and slides after the event, and choose who may find them later. */
export function MediaPanel({ event }: { event: EventView }) {
  return (
    <Card title="Recording and slides">
      <p className="muted">They appear on the event’s page and in the archive for the people invited.</p>
      <Sharing event={event} />
      <MediaEditor event={event} kind="recording" media={event.recording} />
      <MediaEditor event={event} kind="slides" media={event.slides} />
    </Card>
  );
}
