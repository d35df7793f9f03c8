import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Report } from '../../../../src/shared/api/reports.ts';
import { REPORT_VISIBILITIES, REPORT_VISIBILITY_LABELS } from '../../../../src/shared/reports.ts';
import type { ReportVisibilityName } from '../../../../src/shared/reports.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { useUpdateReport } from '../api/update-report.ts';

/** The report's title and who may read it once it is published. */
export function ReportSettings({ report }: { report: Report }) {
  const [title, setTitle] = useState(report.title);
  const [visibility, setVisibility] = useState<ReportVisibilityName>(report.visibility);
  const update = useUpdateReport(report.id);
  const fieldErrors = isApiError(update.error) ? update.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ title, visibility });
  };
  return (
    <Card title="Title and readers">
      <form className="form" onSubmit={submit} aria-label="Title and readers">
        <TextField label="Report title" value={title} onChange={setTitle} required maxLength={200} error={fieldErrors.title} />
        <SelectField
          label="Who may read it once published"
          hint="Staff and the task force can always read it. Mentors and mentees see it on their home page; “anyone” means the web page needs no sign-in."
          value={visibility}
          options={REPORT_VISIBILITIES.map((v) => ({ value: v, label: REPORT_VISIBILITY_LABELS[v] }))}
          onChange={(v) => setVisibility(v as ReportVisibilityName)}
          error={fieldErrors.visibility}
        />
        {update.isError && Object.keys(fieldErrors).length === 0 ? <Alert tone="error">{errorMessage(update.error)}</Alert> : null}
        {update.isSuccess ? <Alert tone="success">Saved.</Alert> : null}
        <FormActions submitLabel="Save title and readers" busy={update.isPending} />
      </form>
    </Card>
  );
}
