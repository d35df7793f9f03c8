import { useState } from 'react';
import type { FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { WebAddressField } from '../../../components/ui/web-address-field.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { createLinkInputSchema, useCreateLink } from '../api/create-link.ts';
import { LINK_KINDS, ResourceFields } from './resource-fields.tsx';
import type { ResourceDetails } from './resource-fields.tsx';

const BLANK: ResourceDetails = { title: '', kind: 'link', audience: 'everyone', topic: '', description: '' };

/** Staff add a link to a page, or to a video or document kept elsewhere. */
export function LinkForm({ topics }: { topics: readonly string[] }) {
  const create = useCreateLink();
  const { ref, errors, check, showServerErrors } = useCheckedForm();
  const [details, setDetails] = useState(BLANK);
  const [url, setUrl] = useState('');
  const [added, setAdded] = useState('');

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setAdded('');
    const input = check(createLinkInputSchema, { ...details, url });
    if (!input) return;
    create.mutate(input, {
      onSuccess: (resource) => {
        setAdded(`“${resource.title}” is added under ${resource.topic}.`);
        setDetails({ ...BLANK, topic: details.topic, audience: details.audience });
        setUrl('');
      },
      onError: showServerErrors,
    });
  };

  return (
    <form ref={ref} className="form" onSubmit={submit} noValidate aria-labelledby="add-link-heading">
      <h2 id="add-link-heading">Add a link</h2>
      {create.isError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
      {added ? <Alert tone="success">{added}</Alert> : null}
      <WebAddressField label="Web address" required value={url} onChange={setUrl} error={errors.url} />
      <ResourceFields value={details} onChange={setDetails} errors={errors} kinds={LINK_KINDS} topics={topics} />
      <FormActions submitLabel="Add link" busy={create.isPending} />
    </form>
  );
}
