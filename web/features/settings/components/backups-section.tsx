import { useState } from 'react';
import type { FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { buttonClass } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { formatInstant } from '../../../lib/format-date.ts';
import { useIsStaff } from '../../../lib/reads/me.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { BACKUP_DOWNLOAD_URL, useBackups } from '../api/get-backups.ts';
import type { BackupsOverview } from '../api/get-backups.ts';
import { backupScheduleInputSchema, useUpdateBackupSchedule } from '../api/update-backup-schedule.ts';
import { SaveStatus } from './save-status.tsx';

const FREQUENCIES = [
  { value: 'off', label: 'Off' },
  { value: 'daily', label: 'Every day' },
] as const;

/** '' stays NaN so the schema reports "Enter a whole number." rather than saving 0. */
const toNumber = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Backups: download one now, the daily schedule, and the scheduled backups kept (staff only). */
export function BackupsSection() {
  const isStaff = useIsStaff();
  const backups = useBackups(isStaff);
  if (!isStaff) return null;
  return (
    <Card title="Backups">
      <Alert tone="warning" announce={false} title="A backup holds everything.">
        <p>
          Every account with its password hash, every application with its confidential answers, every survey answer and every uploaded
          file. Keep backups as safe as the program itself, and delete the ones you no longer need.
        </p>
      </Alert>
      <p>
        <a href={BACKUP_DOWNLOAD_URL} download className={buttonClass('secondary')}>
          Download a backup now
        </a>{' '}
        <span className="muted small">
          Made as you download it, while the app keeps running; the download is recorded in the audit log.
        </span>
      </p>
      {backups.isPending ? <Loading label="Loading the backup schedule…" /> : null}
      {backups.isError ? <LoadError error={backups.error} what="the backup schedule" onRetry={() => void backups.refetch()} /> : null}
      {backups.data ? (
        <>
          <ScheduleForm overview={backups.data} />
          <KeptBackups overview={backups.data} />
        </>
      ) : null}
    </Card>
  );
}

function ScheduleForm({ overview }: { overview: BackupsOverview }) {
  const update = useUpdateBackupSchedule();
  const { ref, errors, check, showServerErrors } = useCheckedForm();
  const [frequency, setFrequency] = useState<string>(overview.schedule.frequency);
  const [keep, setKeep] = useState(String(overview.schedule.keep));

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    update.reset();
    const input = check(backupScheduleInputSchema, { frequency, keep: toNumber(keep) });
    if (!input) return;
    update.mutate(input, { onError: showServerErrors });
  };

  return (
    <form ref={ref} className="form" onSubmit={onSubmit} noValidate aria-label="Backup schedule">
      <SaveStatus saved={update.isSuccess} error={update.error} what="backup settings" />
      <div className="form-row">
        <SelectField
          label="Scheduled backups"
          value={frequency}
          options={FREQUENCIES}
          onChange={setFrequency}
          error={errors.frequency}
          hint="Written into the backups folder of Tandem’s data directory on the server, which the web app never serves."
        />
        <TextField
          label="Backups to keep"
          type="number"
          inputMode="numeric"
          min={1}
          max={90}
          required
          value={keep}
          onChange={setKeep}
          error={errors.keep}
          hint="From 1 to 90. After each new backup, older ones beyond this number are deleted."
        />
      </div>
      <FormActions submitLabel="Save backup schedule" busy={update.isPending} />
    </form>
  );
}

function KeptBackups({ overview }: { overview: BackupsOverview }) {
  if (overview.backups.length === 0) {
    return (
      <p className="muted">
        {overview.schedule.frequency === 'off'
          ? 'No scheduled backups are kept.'
          : 'The first scheduled backup is written within the hour.'}
      </p>
    );
  }
  return (
    <TableWrap label="Scheduled backups kept">
      <table>
        <caption className="visually-hidden">Scheduled backups kept on the server, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Taken</th>
            <th scope="col">File</th>
            <th scope="col">Size</th>
          </tr>
        </thead>
        <tbody>
          {overview.backups.map((b) => (
            <tr key={b.name}>
              <th scope="row" className="nowrap">
                {formatInstant(b.createdAt)}
              </th>
              <td>
                <code>{b.name}</code>
              </td>
              <td className="nowrap">{formatSize(b.size)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
