import { useState } from 'react';
import type { Report } from '../../../../src/shared/api/reports.ts';
import { REPORT_VISIBILITY_LABELS } from '../../../../src/shared/reports.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { usePublishReport } from '../api/publish-report.ts';

/**
 * Publishing, with a second step that says what it means: the numbers freeze, the PDF and web page
 * appear, and the report can no longer be changed. Every section is saved first.
 */
export function PublishPanel({ report, saveAll }: { report: Report; saveAll: () => Promise<boolean> }) {
  const [confirming, setConfirming] = useState(false);
  const [unsaved, setUnsaved] = useState(false);
  const publish = usePublishReport(report.id);
  const go = async () => {
    setUnsaved(false);
    if (!(await saveAll())) {
      setUnsaved(true);
      return;
    }
    // The editors give way to the finished report: its heading takes focus, as after a page change.
    publish.mutate(undefined, { onSuccess: () => requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus()) });
  };
  return (
    <Card title="Publish">
      <p>
        When the report is ready, publish it. It will be readable by: <strong>{REPORT_VISIBILITY_LABELS[report.visibility]}</strong>.
      </p>
      {!confirming ? (
        <Button onClick={() => setConfirming(true)}>Publish the report…</Button>
      ) : (
        <div className="confirm-box" role="group" aria-label="Confirm publishing">
          <p>
            <strong>Publish “{report.title}” now?</strong> Every chart keeps the numbers it shows today; later changes in the program won’t
            change them. The report becomes a PDF and a web page and can’t be edited any more. You can start a new draft from it later.
          </p>
          <div className="form-actions">
            <Button busy={publish.isPending} onClick={() => void go()}>
              Yes, publish it
            </Button>
            <Button variant="secondary" autoFocus onClick={() => setConfirming(false)}>
              Not yet
            </Button>
          </div>
        </div>
      )}
      {unsaved ? (
        <Alert tone="error">Some changes aren’t saved yet, so the report wasn’t published. Look at the sections’ messages above.</Alert>
      ) : null}
      {publish.isError ? (
        <Alert tone="error" title="The report wasn’t published.">
          <p>{errorMessage(publish.error)}</p>
        </Alert>
      ) : null}
    </Card>
  );
}
