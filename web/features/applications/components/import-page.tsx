import { Link, useParams } from 'react-router';
import { MAX_FILE_IMPORT_ROWS } from '../../../../src/shared/api/application-imports.ts';
import { IMPORT_FIELDS } from '../../../../src/shared/api/applications.ts';
import type { ImportField, ImportResult } from '../../../../src/shared/api/applications.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { usePeriod } from '../../../lib/reads/periods.ts';
import { IMPORT_FIELD_LABELS } from './import-fields.ts';
import { ImportProgress } from './import-progress.tsx';
import { RecentImports } from './recent-imports.tsx';
import { ReviewBreadcrumb } from './review-breadcrumb.tsx';
import { useFileImport } from './use-file-import.ts';

const count = (n: number) => n.toLocaleString('en-US');
const rowsWord = (n: number) => `${count(n)} ${n === 1 ? 'row' : 'rows'}`;
const applicationsWord = (n: number) => `${count(n)} ${n === 1 ? 'application' : 'applications'}`;

function FilePicker({ error, disabled, onPick }: { error: string | undefined; disabled: boolean; onPick: (file: File | null) => void }) {
  const hint = `A CSV file saved as UTF-8, with one application per row and a row of column headings first; up to ${count(MAX_FILE_IMPORT_ROWS)} rows.`;
  return (
    <Field label="CSV file" hint={hint} error={error} required>
      {(wiring) => (
        <input {...wiring} type="file" accept=".csv,text/csv" disabled={disabled} onChange={(e) => onPick(e.target.files?.[0] ?? null)} />
      )}
    </Field>
  );
}

/** The rows with problems: the server lists the first of them, and counts them all. */
function ProblemRows({ result, caption }: { result: ImportResult; caption: string }) {
  const { bad } = result.counts;
  return (
    <>
      {bad > result.rows.length ? (
        <p>
          Showing the first {count(result.rows.length)} of {rowsWord(bad)} with problems. Fix those in the file and check it again to see
          the rest.
        </p>
      ) : null}
      <TableWrap label={caption}>
        <table>
          <caption className="visually-hidden">{caption}</caption>
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
                  <ul className="plain-list">
                    {r.errors.map((e, i) => (
                      <li key={i}>
                        <strong>{IMPORT_FIELD_LABELS[e.field as ImportField] ?? e.field}:</strong> {e.message}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

/**
 * Bring applications in from a spreadsheet: check the file, map its columns, then import. The file
 * goes up as it is and the server checks or imports it in the background, so the page shows each
 * step's progress where it was started from.
 */
export function ImportPage({ canManagePeriods }: { canManagePeriods: boolean }) {
  const params = useParams();
  const periodId = Number(params.id);
  const period = usePeriod(periodId);
  const run = useFileImport(periodId);
  const { result, mode, stage, busy } = run;
  const periodName = period.data?.name;
  const imported = result?.imported ?? false;
  const headingOptions = [{ value: '', label: 'Not in this file' }, ...(result?.headings ?? []).map((h) => ({ value: h, label: h }))];
  const importing = mode === 'all-or-nothing' || mode === 'good-rows';
  // Progress and failures show in the card whose button started them: a check of a new file in
  // the first, a check with other columns in the second, an import in the last.
  const place = importing ? 'import' : result ? 'columns' : 'file';

  const progressAndErrors = (here: typeof place) => {
    if (here !== place) return null;
    const checking = 'We couldn’t check that file.';
    return (
      <>
        {stage ? (
          <ImportProgress
            id="import-progress"
            label={importing ? `Importing ${run.file?.name ?? 'the file'}` : `Checking ${run.file?.name ?? 'the file'}`}
            stage={stage}
            note={
              importing && stage.kind === 'running'
                ? 'The import carries on if you leave this page; its applications appear in the list once it’s done.'
                : undefined
            }
          />
        ) : null}
        {run.lostTrack ? (
          <Alert tone="warning" title="We can’t see the progress just now.">
            <p>{errorMessage(run.lostTrack)} The server carries on; this page keeps asking.</p>
          </Alert>
        ) : null}
        {run.refused ? (
          <Alert tone="error" title={importing ? 'Nothing was imported.' : checking}>
            {errorMessage(run.refused)}
          </Alert>
        ) : null}
        {run.failed ? (
          <Alert tone="error" title={importing ? 'The import stopped.' : checking}>
            {run.failed.message}
          </Alert>
        ) : null}
      </>
    );
  };

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
          Bring in applications collected elsewhere, such as a spreadsheet or another form: up to {count(MAX_FILE_IMPORT_ROWS)} in one file,
          checked and imported in the background while this page shows how far it has got. Nothing is saved until you choose to import, and
          you’ll see the rows with problems first.
        </p>
      }
    >
      <Card title="1. Choose the file">
        <form className="form" onSubmit={run.check} noValidate aria-label="Choose the file">
          <FilePicker error={run.fileError} disabled={busy} onPick={run.pick} />
          <p className="muted small">
            People in the file who don’t have an account yet get one without a password. They can choose their own from the sign-in page
            with “Forgot your password?”. Imported applications count as submitted, ready for you to review.
          </p>
          <div className="form-actions">
            <Button type="submit" busy={busy && place === 'file'} disabled={busy}>
              Check the file
            </Button>
          </div>
        </form>
        {progressAndErrors('file')}
      </Card>

      {result && run.file ? (
        <>
          {imported ? (
            <Alert tone="success" title={`Imported ${applicationsWord(result.counts.imported)}.`}>
              <p>
                {result.counts.bad > 0
                  ? `${rowsWord(result.counts.bad)} with problems ${result.counts.bad === 1 ? 'was' : 'were'} left out. `
                  : ''}
                New people can set their password with “Forgot your password?” on the sign-in page.{' '}
                <Link to={`/periods/${periodId}/applications`}>Review the applications</Link>
              </p>
            </Alert>
          ) : (
            <Alert tone={result.counts.bad > 0 || result.unmapped.length > 0 ? 'warning' : 'info'} title="Nothing has been imported yet.">
              <p>
                {result.unmapped.length > 0
                  ? `${result.unmapped.length} required ${result.unmapped.length === 1 ? 'field has' : 'fields have'} no column yet: choose ${result.unmapped.length === 1 ? 'it' : 'them'} below, then check again.`
                  : `${rowsWord(result.counts.total)}: ${count(result.counts.good)} good, ${count(result.counts.bad)} with problems.`}
              </p>
            </Alert>
          )}

          {!imported ? (
            <Card title="2. Match the columns">
              <form
                className="form"
                aria-label="Match the columns"
                onSubmit={(e) => {
                  e.preventDefault();
                  run.sendAgain('preview');
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
                        value={run.mapping[field] ?? ''}
                        options={headingOptions}
                        onChange={(v) => run.setMapping((m) => ({ ...m, [field]: v }))}
                        error={missing ? 'Required: choose the column that holds this.' : undefined}
                        required={missing}
                      />
                    );
                  })}
                </div>
                <div className="form-actions">
                  <Button type="submit" variant="secondary" busy={busy && place === 'columns'} disabled={busy}>
                    Check again with these columns
                  </Button>
                </div>
              </form>
              {progressAndErrors('columns')}
            </Card>
          ) : null}

          {result.unmapped.length === 0 ? (
            <Card title={imported ? 'Rows left out' : '3. Check the rows'}>
              {result.counts.bad === 0 ? (
                <p>{imported ? 'None: every row was imported.' : `Every row is good: ${rowsWord(result.counts.total)} ready to import.`}</p>
              ) : (
                <ProblemRows result={result} caption="Rows with problems" />
              )}
            </Card>
          ) : null}

          {!imported ? (
            <Card title="4. Import">
              <p>
                Choose how to import. If some rows have problems you can fix them in the file and check it again, or import only the good
                rows now and add the rest later.
              </p>
              <div className="form-actions">
                <Button
                  busy={busy && mode === 'all-or-nothing'}
                  disabled={busy || result.counts.bad > 0 || result.unmapped.length > 0 || result.counts.good === 0}
                  onClick={() => run.sendAgain('all-or-nothing')}
                >
                  Import all (only if every row is good)
                </Button>
                <Button
                  variant="secondary"
                  busy={busy && mode === 'good-rows'}
                  disabled={busy || result.counts.good === 0 || result.unmapped.length > 0}
                  onClick={() => run.sendAgain('good-rows')}
                >
                  Import the good rows only
                </Button>
              </div>
              {result.counts.bad > 0 ? (
                <p className="muted small">
                  “Import all” needs every row to be good; {count(result.counts.bad)} still {result.counts.bad === 1 ? 'has' : 'have'}{' '}
                  problems.
                </p>
              ) : null}
              {progressAndErrors('import')}
            </Card>
          ) : null}
        </>
      ) : null}

      <RecentImports periodId={periodId} />
    </Page>
  );
}
