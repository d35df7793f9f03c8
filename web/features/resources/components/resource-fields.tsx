import { useId } from 'react';
import { AUDIENCES, RESOURCE_KIND_LABELS } from '../../../../src/shared/api/resources.ts';
import type { Audience, ResourceKind } from '../../../../src/shared/api/resources.ts';
import { TextField } from '../../../components/ui/field.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import type { FieldErrors } from '../../../lib/validate.ts';

export interface ResourceDetails {
  title: string;
  kind: ResourceKind;
  audience: Audience;
  topic: string;
  description: string;
}

/** A link is most often just that; it may also point at a video or a document kept elsewhere. */
export const LINK_KINDS: readonly ResourceKind[] = ['link', 'video', 'document'];

const AUDIENCE_OPTIONS: Record<Audience, string> = { everyone: 'Everyone', mentors: 'Mentors only', mentees: 'Mentees only' };

/** The details every resource has, for the link, upload and edit forms alike. */
export function ResourceFields({
  value,
  onChange,
  errors,
  kinds,
  topics,
}: {
  value: ResourceDetails;
  onChange: (next: ResourceDetails) => void;
  errors: FieldErrors;
  kinds: readonly ResourceKind[];
  topics: readonly string[];
}) {
  const topicList = useId();
  const set =
    <K extends keyof ResourceDetails>(key: K) =>
    (v: ResourceDetails[K]) =>
      onChange({ ...value, [key]: v });
  return (
    <>
      <TextField label="Title" required value={value.title} onChange={set('title')} error={errors.title} maxLength={200} />
      <RadioGroup
        legend="Kind"
        required
        options={kinds.map((k) => ({ value: k, label: RESOURCE_KIND_LABELS[k] }))}
        value={value.kind}
        onChange={set('kind')}
        error={errors.kind}
      />
      <SelectField
        label="Audience"
        required
        value={value.audience}
        options={AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_OPTIONS[a] }))}
        onChange={(v) => set('audience')(v as Audience)}
        error={errors.audience}
        hint="Mentors and mentees each see what is for everyone and what is for them."
      />
      <TextField
        label="Topic"
        required
        value={value.topic}
        onChange={set('topic')}
        error={errors.topic}
        maxLength={100}
        list={topicList}
        hint="Resources are grouped by topic, such as “Getting started”."
      />
      <datalist id={topicList}>
        {topics.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <TextareaField
        label="Description"
        rows={2}
        value={value.description}
        onChange={set('description')}
        error={errors.description}
        maxLength={2000}
        hint="Optional. What it covers, and who will find it useful."
      />
    </>
  );
}
