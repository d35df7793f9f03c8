import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { UPLOAD_KINDS } from '../../../../src/shared/api/resources.ts';
import type { ResourceKind } from '../../../../src/shared/api/resources.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { UploadProgress } from '../../../components/ui/upload-progress.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { isUploadCancelled } from '../../../lib/upload-with-progress.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { useUploadProgress } from '../../../lib/use-upload-progress.ts';
import { validate } from '../../../lib/validate.ts';
import { uploadFieldsInputSchema, useUploadResource } from '../api/upload-resource.ts';
import { formatBytes } from './format-bytes.ts';
import { ResourceFields } from './resource-fields.tsx';
import type { ResourceDetails } from './resource-fields.tsx';

const BLANK: ResourceDetails = { title: '', kind: 'video', audience: 'everyone', topic: '', description: '' };
// What the server keeps as its own type; anything else is stored, but only as a download.
const ACCEPT =
  'video/mp4,video/webm,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,image/png,image/jpeg,image/gif,image/webp,text/plain';

const titleFromFileName = (name: string) =>
  name
    .replace(/\.[^.]+$/, '')
    .replace(/[_-]+/g, ' ')
    .trim();

/** Staff upload a video or a document, with a progress bar while it goes up. */
export function UploadForm({ topics, maxUploadBytes }: { topics: readonly string[]; maxUploadBytes: number }) {
  const upload = useUploadResource();
  const { ref, errors, setErrors, showErrors, showServerErrors } = useCheckedForm();
  const fileInput = useRef<HTMLInputElement>(null);
  const { progress, percent, start, finish, abort } = useUploadProgress();
  const [file, setFile] = useState<File | null>(null);
  const [details, setDetails] = useState(BLANK);
  const [done, setDone] = useState('');

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setDone('');
    if (!chosen) return;
    // A good guess saves typing: the kind from the file's type, a title from its name.
    const kind: ResourceKind = chosen.type.startsWith('video/') ? 'video' : 'document';
    setDetails((d) => ({ ...d, kind, title: d.title || titleFromFileName(chosen.name) }));
    setErrors((e) => ({
      ...e,
      file:
        chosen.size > maxUploadBytes
          ? `This file is ${formatBytes(chosen.size)}; the most the program allows is ${formatBytes(maxUploadBytes)}.`
          : '',
    }));
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setDone('');
    const checked = validate(uploadFieldsInputSchema, details);
    const fileProblem = !file
      ? 'Choose a file to upload.'
      : file.size === 0
        ? 'This file is empty.'
        : file.size > maxUploadBytes
          ? `This file is larger than the ${formatBytes(maxUploadBytes)} the program allows.`
          : '';
    if (!checked.ok || fileProblem || !file) {
      showErrors({ ...(checked.ok ? {} : checked.errors), ...(fileProblem ? { file: fileProblem } : {}) });
      return;
    }
    setErrors({});
    upload.mutate(
      { fields: checked.data, file, ...start(file.size) },
      {
        onSuccess: (resource) => {
          setDone(`“${resource.title}” is uploaded and listed under ${resource.topic}.`);
          setFile(null);
          setDetails({ ...BLANK, topic: details.topic, audience: details.audience });
          if (fileInput.current) fileInput.current.value = '';
        },
        onError: showServerErrors,
        onSettled: finish,
      },
    );
  };

  const cancelled = isUploadCancelled(upload.error);

  return (
    <form ref={ref} className="form" onSubmit={submit} noValidate aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload a file</h2>
      <p className="muted">Videos (MP4 or WebM), PDFs, office documents, pictures or text, up to {formatBytes(maxUploadBytes)}.</p>
      {upload.isError && !cancelled ? <Alert tone="error">{errorMessage(upload.error)}</Alert> : null}
      {cancelled ? <Alert tone="info">The upload was cancelled. Nothing was kept.</Alert> : null}
      {done ? <Alert tone="success">{done}</Alert> : null}
      <Field label="File" required error={errors.file || undefined} hint={file ? `${file.name}, ${formatBytes(file.size)}` : undefined}>
        {(wiring) => (
          <input
            {...wiring}
            ref={fileInput}
            type="file"
            accept={ACCEPT}
            disabled={upload.isPending}
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <ResourceFields value={details} onChange={setDetails} errors={errors} kinds={UPLOAD_KINDS} topics={topics} />
      {progress ? (
        <UploadProgress id="upload-progress-bar" fileName={file?.name} percent={percent}>
          <p className="muted small">
            {percent}%: {formatBytes(progress.sent)} of {formatBytes(progress.total)}
          </p>
        </UploadProgress>
      ) : null}
      <FormActions submitLabel="Upload file" busy={upload.isPending}>
        {upload.isPending ? (
          <Button variant="secondary" onClick={abort}>
            Cancel upload
          </Button>
        ) : null}
      </FormActions>
    </form>
  );
}
