import { useRef } from 'react';
import { Link, useParams } from 'react-router';
import { IMPORT_FIELDS } from '../../../../src/shared/api/applications.ts';
import type { ImportField } from '../../../../src/shared/api/applications.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { usePeriod } from '../../../lib/reads/periods.ts';
import { useCsvImport } from '../../../lib/use-csv-import.ts';
import { useImportApplications } from '../api/import-applications.ts';
import type { ImportResult } from '../api/import-applications.ts';
import { IMPORT_FIELD_LABELS } from './import-fields.ts';
import { ReviewBreadcrumb } from './review-breadcrumb.tsx';

type Mapping = Partial<Record<ImportField, string>>;
type Mode = 'preview' | 'all-or-nothing' | 'good-rows';

function FilePicker({ error, onPick }: { error: string | undefined; onPick: (file: File | null) => void }) {
  const hint = 'A CSV file saved as UTF-8, with one application per row and a row of column headings first.';
  return (
    <Field label="CSV file" hint={hint} error={error} required>
      {(wiring) => <input {...wiring} type="file" accept=".csv,text/csv" onChange={(e) => onPick(e.target.files?.[0] ?? null)} />}
    </Field>
  );
}

function RowsTable({ result }: { result: ImportResult }) {
  return (
    <TableWrap label="Rows in the file">
      <table>
        <caption className="visually-hidden">Rows in the file</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Name</th>
            <th scope="col">E-mail address</th>
            <th scope="col">Role</th>
            <th scope="col">Problems</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r) => (
            <tr key={r.line}>
              <th scope="row">{r.line}</th>
              <td>{r.name}</td>
              <td>{r.email}</td>
              <td>{r.role}</td>
              <td className="cell-details">
                {r.errors.length === 0 ? (
                  <Badge tone="success">Good</Badge>
                ) : (
                  <ul className="plain-list">
                    {r.errors.map((e, i) => (
                      <li key={i}>
                        <strong>{IMPORT_FIELD_LABELS[e.field as ImportField] ?? e.field}:</strong> {e.message}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Bring applications in from a spreadsheet: check the file, map its columns, then import. */
export function ImportPage({ canManagePeriods }: { canManagePeriods: boolean }) {
  const params = useParams();
  const periodId = Number(params.id);
  const period = usePeriod(periodId);
  const run = useImportApplications();
  const mappingRef = useRef<HTMLFormElement>(null);
  const { fileBase64, fileError, mapping, setMapping, result, lastMode, pick, check, send, mappingToSend } = useCsvImport<
    Mode,
    Mapping,
    ImportResult
  >({
    missingFile: 'Choose a CSV file to check.',
    submit: (body, onSuccess) => run.mutate({ periodId, body }, { onSuccess }),
    reset: () => run.reset(),
  });
  const periodName = period.data?.name;
  const imported = result?.imported ?? false;
  const headingOptions = [{ value: '', label: 'Not in this file' }, ...(result?.headings ?? []).map((h) => ({ value: h, label: h }))];

  return (
    <Page
      title={periodName ? `Import applications for ${periodName}` : 'Import applications'}
      documentTitle="Import applications"
      before={
        <ReviewBreadcrumb
          periodId={periodId}
          periodName={periodName}
          canManagePeriods={canManagePeriods}
          extra={{ to: `/periods/${periodId}/applications`, label: periodName ? `Applications for ${periodName}` : 'All applications' }}
        />
      }
      intro={
        <p>
          Bring in applications collected elsewhere, such as a spreadsheet or another form. Nothing is saved until you choose to import, and
          you’ll see every row’s problems first.
        </p>
      }
    >
      <Card title="1. Choose the file">
        <form className="form" onSubmit={(e) => void check(e)} noValidate aria-label="Choose the file">
          <FilePicker error={fileError} onPick={pick} />
          <p className="muted small">
            People in the file who don’t have an account yet get one without a password. They can choose their own from the sign-in page
            with “Forgot your password?”. Imported applications count as submitted, ready for you to review.
          </p>
          <div className="form-actions">
            <Button type="submit" busy={run.isPending && lastMode === 'preview'}>
              Check the file
            </Button>
          </div>
        </form>
      </Card>

      {run.isError ? (
        <Alert tone="error" title="We couldn’t read that file.">
          {errorMessage(run.error)}
        </Alert>
      ) : null}

      {result && fileBase64 ? (
        <>
          {imported ? (
            <Alert
              tone="success"
              title={`Imported ${result.counts.imported} ${result.counts.imported === 1 ? 'application' : 'applications'}.`}
            >
              <p>
                {result.counts.bad > 0 ? `${result.counts.bad} ${result.counts.bad === 1 ? 'row was' : 'rows were'} left out. ` : ''}
                New people can set their password with “Forgot your password?” on the sign-in page.{' '}
                <Link to={`/periods/${periodId}/applications`}>Review the applications</Link>
              </p>
            </Alert>
          ) : (
            <Alert tone={result.counts.bad > 0 || result.unmapped.length > 0 ? 'warning' : 'info'} title="Nothing has been imported yet.">
              <p>
                {result.counts.total} {result.counts.total === 1 ? 'row' : 'rows'}: {result.counts.good} good, {result.counts.bad} with
                problems.
                {result.unmapped.length > 0
                  ? ` ${result.unmapped.length} required ${result.unmapped.length === 1 ? 'field has' : 'fields have'} no column yet.`
                  : ''}
              </p>
            </Alert>
          )}

          {!imported ? (
            <Card title="2. Match the columns">
              <form
                ref={mappingRef}
                className="form"
                aria-label="Match the columns"
                onSubmit={(e) => {
                  e.preventDefault();
                  send('preview', fileBase64, mappingToSend());
                }}
              >
                <p>
                  For each piece of Tandem information, choose the column in your file that holds it. We’ve matched the ones whose headings
                  we recognised.
                </p>
                <div className="form-row">
                  {IMPORT_FIELDS.map((field) => {
                    const missing = result.unmapped.includes(field);
                    return (
                      <SelectField
                        key={field}
                        label={IMPORT_FIELD_LABELS[field]}
                        value={mapping[field] ?? ''}
                        options={headingOptions}
                        onChange={(v) => setMapping((m) => ({ ...m, [field]: v }))}
                        error={missing ? 'Required: choose the column that holds this.' : undefined}
                        required={missing}
                      />
                    );
                  })}
                </div>
                <div className="form-actions">
                  <Button type="submit" variant="secondary" busy={run.isPending && lastMode === 'preview'}>
                    Check again with these columns
                  </Button>
                </div>
              </form>
            </Card>
          ) : null}

          <Card title={imported ? 'Rows in the file' : '3. Check the rows'}>
            <RowsTable result={result} />
          </Card>

          {!imported ? (
            <Card title="4. Import">
              <p>
                Choose how to import. If some rows have problems you can fix them in the file and check it again, or import only the good
                rows now and add the rest later.
              </p>
              <div className="form-actions">
                <Button
                  busy={run.isPending && lastMode === 'all-or-nothing'}
                  disabled={result.counts.bad > 0 || result.unmapped.length > 0 || result.counts.good === 0}
                  onClick={() => send('all-or-nothing', fileBase64, mappingToSend())}
                >
                  Import all (only if every row is good)
                </Button>
                <Button
                  variant="secondary"
                  busy={run.isPending && lastMode === 'good-rows'}
                  disabled={result.counts.good === 0 || result.unmapped.length > 0}
                  onClick={() => send('good-rows', fileBase64, mappingToSend())}
                >
                  Import the good rows only
                </Button>
              </div>
              {result.counts.bad > 0 ? (
                <p className="muted small">
                  “Import all” needs every row to be good; {result.counts.bad} still {result.counts.bad === 1 ? 'has' : 'have'} problems.
                </p>
              ) : null}
            </Card>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
