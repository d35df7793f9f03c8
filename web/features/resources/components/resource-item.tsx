import { ConfirmAction } from '../../../components/ui/confirm-action.tsx';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { AUDIENCE_LABELS, RESOURCE_KIND_LABELS, UPLOAD_KINDS } from '../../../../src/shared/api/resources.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { useDeleteResource } from '../api/delete-resource.ts';
import type { Resource } from '../api/get-resources.ts';
import { updateResourceInputSchema, useUpdateResource } from '../api/update-resource.ts';
import { formatBytes } from './format-bytes.ts';
import { LINK_KINDS, ResourceFields } from './resource-fields.tsx';
import type { ResourceDetails } from './resource-fields.tsx';

const PLAYABLE = new Set(['video/mp4', 'video/webm']);
const OPENS_IN_BROWSER = (type: string) => type.startsWith('video/') || type.startsWith('image/') || type === 'application/pdf';

function EditResource({ resource, topics, onDone }: { resource: Resource; topics: readonly string[]; onDone: () => void }) {
  const update = useUpdateResource();
  const { ref, errors, check, showServerErrors } = useCheckedForm();
  const [details, setDetails] = useState<ResourceDetails>({
    title: resource.title,
    kind: resource.kind,
    audience: resource.audience,
    topic: resource.topic,
    description: resource.description,
  });
  const [url, setUrl] = useState(resource.url ?? '');

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const changes = check(updateResourceInputSchema, resource.url === null ? details : { ...details, url });
    if (!changes) return;
    update.mutate({ id: resource.id, changes }, { onSuccess: onDone, onError: showServerErrors });
  };

  return (
    <form ref={ref} className="form" onSubmit={submit} noValidate aria-label={`Edit resource: ${resource.title}`}>
      {update.isError ? <Alert tone="error">{errorMessage(update.error)}</Alert> : null}
      {resource.url !== null ? (
        <TextField label="Web address" type="url" required value={url} onChange={setUrl} error={errors.url} maxLength={2000} />
      ) : null}
      <ResourceFields
        value={details}
        onChange={setDetails}
        errors={errors}
        kinds={resource.file ? UPLOAD_KINDS : LINK_KINDS}
        topics={topics}
      />
      <FormActions submitLabel="Save resource" small busy={update.isPending} onCancel={onDone} />
    </form>
  );
}

function DeleteResource({ resource }: { resource: Resource }) {
  const remove = useDeleteResource();
  return (
    <ConfirmAction
      label="Delete"
      labelDetail={`resource: ${resource.title}`}
      question={`Delete “${resource.title}”${resource.file ? ' and its file' : ''}? Nobody will see it any more.`}
      groupLabel={`Confirm deleting ${resource.title}`}
      confirmLabel="Yes, delete it"
      busy={remove.isPending}
      error={remove.isError ? remove.error : null}
      onConfirm={() => remove.mutate(resource.id)}
    />
  );
}

/** How to get at a resource: play it, open it, download it or follow the link. */
function ResourceBody({ resource }: { resource: Resource }) {
  const file = resource.file;
  if (file && PLAYABLE.has(file.type)) {
    return (
      <>
        {/* The player is labelled by the resource's title; preload only the first frames and length. */}
        <video className="resource-video" controls preload="metadata" src={file.href} aria-label={resource.title}>
          <a href={file.href}>Download the video</a>
        </video>
        <p className="small">
          <a href={file.href} download={file.name}>
            Download the video<span className="visually-hidden">: {resource.title}</span>
          </a>{' '}
          <span className="muted">({formatBytes(file.size)})</span>
        </p>
      </>
    );
  }
  if (file) {
    return (
      <p>
        <a href={file.href}>
          {OPENS_IN_BROWSER(file.type) ? 'Open' : 'Download'} “{file.name}”
        </a>{' '}
        <span className="muted small">({formatBytes(file.size)})</span>
      </p>
    );
  }
  if (resource.url) {
    let host = resource.url;
    try {
      host = new URL(resource.url).hostname;
    } catch {
      // Shown as it was given.
    }
    return (
      <p>
        <a href={resource.url}>
          Go to {host}
          <span className="visually-hidden">: {resource.title}</span>
        </a>
      </p>
    );
  }
  return null;
}

/** One resource, with staff's edit and delete. */
export function ResourceItem({ resource, staff, topics }: { resource: Resource; staff: boolean; topics: readonly string[] }) {
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <EditResource
        resource={resource}
        topics={topics}
        onDone={() => {
          setEditing(false);
          requestAnimationFrame(() => document.getElementById(`resource-${resource.id}-edit`)?.focus());
        }}
      />
    );
  }
  return (
    <article className="resource" aria-labelledby={`resource-${resource.id}`}>
      <h3 id={`resource-${resource.id}`} className="item-title">
        {resource.title}
      </h3>
      <p className="badges">
        <Badge tone="info">{RESOURCE_KIND_LABELS[resource.kind]}</Badge>
        {staff ? <Badge>For {AUDIENCE_LABELS[resource.audience].toLowerCase()}</Badge> : null}
      </p>
      {resource.description ? <p>{resource.description}</p> : null}
      <ResourceBody resource={resource} />
      {staff ? (
        <div className="item-row__actions">
          <Button id={`resource-${resource.id}-edit`} variant="secondary" small onClick={() => setEditing(true)}>
            Edit<span className="visually-hidden"> resource: {resource.title}</span>
          </Button>
          <DeleteResource resource={resource} />
        </div>
      ) : null}
    </article>
  );
}
