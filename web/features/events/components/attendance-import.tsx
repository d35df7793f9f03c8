import { ATTENDANCE_IMPORT_FIELDS } from '../../../../src/shared/api/events.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { useCsvImport } from '../../../lib/use-csv-import.ts';
import { useImportAttendance } from '../api/import-attendance.ts';
import type { AttendanceImportResult } from '../api/import-attendance.ts';
import { plural } from './event-words.ts';

type ImportField = (typeof ATTENDANCE_IMPORT_FIELDS)[number];
type Mapping = Partial<Record<ImportField, string>>;
const FIELD_LABELS: Record<ImportField, string> = { email: 'Column with the e-mail address', name: 'Column with the name' };

function RowsTable({ result }: { result: AttendanceImportResult }) {
  return (
    <TableWrap label="Rows in the report">
      <table>
        <caption className="visually-hidden">Rows in the attendance report</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Name</th>
            <th scope="col">E-mail address</th>
            <th scope="col">Matched</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r) => (
            <tr key={r.line}>
              <th scope="row">{r.line}</th>
              <td>{r.name}</td>
              <td>{r.email}</td>
              <td>
                {r.userId !== null ? (
                  <Badge tone="success">{r.matchedBy === 'name' ? 'By name' : 'By e-mail'}</Badge>
                ) : (
                  <span>{r.problem ?? 'Not matched'}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/**
 * The web-conference tool's attendance report: check it first (each row matched to someone
 * invited, or why not), choose other columns if need be, then mark those found as having come.
 */
export function AttendanceImport({ eventId }: { eventId: number }) {
  const run = useImportAttendance();
  const { fileBase64, fileError, mapping, setMapping, result, lastMode, pick, check, send, mappingToSend } = useCsvImport<
    'import',
    Mapping,
    AttendanceImportResult
  >({
    missingFile: 'Choose the attendance report to check.',
    submit: (body, onSuccess) => run.mutate({ eventId, body }, { onSuccess }),
    reset: () => run.reset(),
  });

  const headingOptions = [{ value: '', label: 'Not in this file' }, ...(result?.headings ?? []).map((h) => ({ value: h, label: h }))];

  return (
    <Card title="Attendance from a report">
      <p>
        Most web-conference tools can save a list of who joined as a CSV file. Check it here first: nothing is marked until you choose to.
      </p>
      <form className="form" onSubmit={(e) => void check(e)} noValidate aria-label="Check an attendance report">
        <Field label="Attendance report (CSV)" required error={fileError}>
          {(wiring) => <input {...wiring} type="file" accept=".csv,text/csv" onChange={(e) => pick(e.target.files?.[0] ?? null)} />}
        </Field>
        <div className="form-actions">
          <Button type="submit" variant="secondary" busy={run.isPending && lastMode === 'preview'}>
            Check the report
          </Button>
        </div>
      </form>
      {run.isError ? (
        <Alert tone="error" title="We couldn’t use that file.">
          <p>{errorMessage(run.error)}</p>
        </Alert>
      ) : null}
      {result && fileBase64 ? (
        <>
          {result.imported ? (
            <Alert tone="success" title={`Attendance marked for ${plural(result.counts.marked, 'person', 'people')}.`}>
              {result.counts.unmatched > 0 ? (
                <p>
                  {plural(result.counts.unmatched, 'row was', 'rows were')} not matched to anyone invited; tick them by hand if they came.
                </p>
              ) : null}
            </Alert>
          ) : (
            <Alert tone={result.counts.unmatched > 0 ? 'warning' : 'info'} title="Nothing is marked yet.">
              <p>
                {plural(result.counts.total, 'row', 'rows')}: {result.counts.matched} matched to people invited, {result.counts.unmatched}{' '}
                not matched.
              </p>
            </Alert>
          )}
          {!result.imported ? (
            <form
              className="form"
              aria-label="Columns of the report"
              onSubmit={(e) => {
                e.preventDefault();
                send('preview', fileBase64, mappingToSend());
              }}
            >
              <div className="form-row">
                {ATTENDANCE_IMPORT_FIELDS.map((field) => (
                  <SelectField
                    key={field}
                    label={FIELD_LABELS[field]}
                    value={mapping[field] ?? ''}
                    options={headingOptions}
                    onChange={(value) => setMapping((m) => ({ ...m, [field]: value }))}
                  />
                ))}
              </div>
              <div className="form-actions">
                <Button type="submit" variant="secondary" busy={run.isPending && lastMode === 'preview'}>
                  Check again with these columns
                </Button>
                <Button
                  busy={run.isPending && lastMode === 'import'}
                  disabled={result.counts.matched === 0}
                  onClick={() => send('import', fileBase64, mappingToSend())}
                >
                  Mark {plural(result.counts.matched, 'person', 'people')} as having come
                </Button>
              </div>
            </form>
          ) : null}
          <RowsTable result={result} />
        </>
      ) : null}
    </Card>
  );
}
