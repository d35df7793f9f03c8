import { useCallback, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { EditorContent } from '@tiptap/react';
import type { ChartData, Report, ReportSection } from '../../../../src/shared/api/reports.ts';
import { chartKey } from '../../../../src/shared/api/reports.ts';
import { MAX_SECTIONS, REPORT_VISIBILITY_LABELS } from '../../../../src/shared/reports.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button, buttonClass } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { ConfirmAction } from '../../../components/ui/confirm-action.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { formatInstant } from '../../../lib/format-date.ts';
import { useAddSection } from '../api/add-section.ts';
import { useDeleteReport } from '../api/delete-report.ts';
import type { ChartOption } from '../api/get-chart-options.ts';
import { useReport } from '../api/get-report.ts';
import { useReorderSections } from '../api/reorder-sections.ts';
import { focusWhen, moveItem } from '../../../lib/reorder.ts';
import { reportHtmlUrl, reportPdfUrl } from '../api/report-keys.ts';
import { PublishPanel } from './publish-panel.tsx';
import { ReportChartsContext } from './report-charts.tsx';
import { ReportSettings } from './report-settings.tsx';
import { STATUS_LABELS, STATUS_TONES } from './report-words.ts';
import { moveButtonId, SectionEditor } from './section-editor.tsx';
import type { Flusher } from './section-editor.tsx';
import { StartReportForm } from './start-report-form.tsx';
import { useReportEditor } from './use-report-editor.ts';

const back = (
  <p className="breadcrumb">
    <Link to="/reports">All annual reports</Link>
  </p>
);

/** One report: the editor for a draft, the finished report (and its PDF and web page) once published. */
export function ReportPage() {
  const id = Number(useParams().id);
  const report = useReport(Number.isInteger(id) ? id : 0);
  if (!Number.isInteger(id) || id <= 0 || (report.isError && isApiError(report.error) && report.error.status === 404)) {
    return (
      <Page title="Report not found" before={back}>
        <p>This report does not exist, or it was deleted.</p>
      </Page>
    );
  }
  if (report.isPending) {
    return (
      <Page title="Annual report" before={back}>
        <Loading label="Loading the report…" />
      </Page>
    );
  }
  if (report.isError) {
    return (
      <Page title="Annual report" before={back}>
        <LoadError error={report.error} what="the report" onRetry={() => void report.refetch()} />
      </Page>
    );
  }
  // Keyed by status: publishing swaps the editors for the finished report.
  return report.data.status === 'published' ? (
    <PublishedReport key="published" report={report.data} />
  ) : (
    <DraftReport key="draft" report={report.data} />
  );
}

/** No charts picked in this page (a published report takes its frozen ones); one map, so memos hold. */
const NO_CHARTS: ReadonlyMap<string, ChartData> = new Map();

function useChartMap(report: Report, extra: ReadonlyMap<string, ChartData>): ReadonlyMap<string, ChartData> {
  return useMemo(() => {
    const map = new Map(extra);
    for (const c of report.charts) map.set(c.key, c.data);
    return map;
  }, [report.charts, extra]);
}

function DraftReport({ report }: { report: Report }) {
  const [picked, setPicked] = useState<ReadonlyMap<string, ChartData>>(new Map());
  const charts = useChartMap(report, picked);
  const flushers = useRef(new Map<number, Flusher>());
  const register = useCallback((sectionId: number, flush: Flusher | null) => {
    if (flush) flushers.current.set(sectionId, flush);
    else flushers.current.delete(sectionId);
  }, []);
  const saveAll = useCallback(async () => (await Promise.all([...flushers.current.values()].map((f) => f()))).every(Boolean), []);
  const onChartPicked = useCallback((option: ChartOption) => {
    setPicked((old) => new Map(old).set(chartKey(option.ref), option.data));
  }, []);
  const sections = [...report.sections].sort((a, b) => a.position - b.position);
  const [added, setAdded] = useState<number | null>(null);
  const reorder = useReorderSections(report.id);
  const [moveError, setMoveError] = useState<unknown>(null);
  /** Moves a section one place; focus stays on a Move button of the section moved (lib/reorder). */
  const move = (index: number, by: -1 | 1) => {
    const section = sections[index];
    const moved = moveItem(
      sections.map((s) => s.id),
      index,
      by,
    );
    if (!section || !moved) return;
    setMoveError(null);
    reorder.mutate(moved.ids, {
      onSuccess: () => {
        const button = moveButtonId(section.id, moved.focus);
        focusWhen(button, () => {
          const at = document.getElementById(button)?.closest('section.report-section');
          return !!at && [...document.querySelectorAll('section.report-section')].indexOf(at) === moved.target;
        });
      },
      onError: setMoveError,
    });
  };

  return (
    <Page
      title={report.title}
      before={back}
      intro={
        <>
          <p>
            <Badge tone={STATUS_TONES.draft}>{STATUS_LABELS.draft}</Badge> About {report.periodName}. Everything is saved as you type; other
            members of the task force can write in other sections at the same time. Charts show the latest numbers until the report is
            published.
          </p>
        </>
      }
    >
      {moveError ? (
        <Alert tone="error" title="The section wasn’t moved.">
          <p>{errorMessage(moveError)}</p>
        </Alert>
      ) : null}
      <ReportChartsContext.Provider value={charts}>
        {sections.map((s, i) => (
          <SectionEditor
            key={s.id}
            reportId={report.id}
            periodId={report.periodId}
            section={s}
            number={i + 1}
            onChartPicked={onChartPicked}
            register={register}
            justAdded={s.id === added}
            onMove={
              sections.length > 1
                ? { up: i > 0, down: i < sections.length - 1, busy: reorder.isPending, to: (by) => move(i, by) }
                : undefined
            }
          />
        ))}
      </ReportChartsContext.Provider>
      {sections.length === 0 ? <p className="muted">This report has no sections yet. Add one below.</p> : null}
      <AddSection reportId={report.id} full={sections.length >= MAX_SECTIONS} onAdded={setAdded} />
      <ReportSettings report={report} />
      <PublishPanel report={report} saveAll={saveAll} />
      <DeleteDraft report={report} />
    </Page>
  );
}

function AddSection({ reportId, full, onAdded }: { reportId: number; full: boolean; onAdded: (sectionId: number) => void }) {
  const [title, setTitle] = useState('');
  const add = useAddSection(reportId);
  const fieldErrors = isApiError(add.error) ? add.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(title, {
      onSuccess: (section) => {
        setTitle('');
        onAdded(section.id);
      },
    });
  };
  return (
    <Card title="Add a section">
      {full ? (
        <p className="muted">A report can have {MAX_SECTIONS} sections at most.</p>
      ) : (
        <form className="form" onSubmit={submit} aria-label="Add a section">
          <TextField label="New section’s title" value={title} onChange={setTitle} required maxLength={200} error={fieldErrors.title} />
          {add.isError && !fieldErrors.title ? <Alert tone="error">{errorMessage(add.error)}</Alert> : null}
          <FormActions submitLabel="Add the section" busy={add.isPending} />
        </form>
      )}
    </Card>
  );
}

function DeleteDraft({ report }: { report: Report }) {
  const remove = useDeleteReport();
  const navigate = useNavigate();
  return (
    <Card title="Delete this draft">
      <p className="muted">If you don’t need this draft, delete it with all its sections. Published reports are never deleted.</p>
      <ConfirmAction
        label="Delete the draft"
        labelDetail={report.title}
        question="Delete this draft and everything written in it?"
        groupLabel="Confirm deleting the draft"
        confirmLabel="Yes, delete it"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(report.id, { onSuccess: () => void navigate('/reports') })}
      />
    </Card>
  );
}

function PublishedReport({ report }: { report: Report }) {
  const charts = useChartMap(report, NO_CHARTS);
  const [startOpen, setStartOpen] = useState(false);
  const sections = [...report.sections].sort((a, b) => a.position - b.position);
  return (
    <Page
      title={report.title}
      before={back}
      intro={
        <p>
          <Badge tone={STATUS_TONES.published}>{STATUS_LABELS.published}</Badge> About {report.periodName}
          {report.publishedAt ? `, published ${formatInstant(report.publishedAt)}` : ''}. Its numbers are frozen as they were then. Readers:{' '}
          {REPORT_VISIBILITY_LABELS[report.visibility]}.
        </p>
      }
      actions={
        <div className="form-actions">
          <a className={buttonClass()} href={reportPdfUrl(report.id)} download>
            Download PDF
          </a>
          <a className={buttonClass('secondary')} href={reportHtmlUrl(report.id)}>
            Open the web page
          </a>
        </div>
      }
    >
      {sections.length === 0 ? <p className="muted">This report has no sections.</p> : null}
      <ReportChartsContext.Provider value={charts}>
        {sections.map((s, i) => (
          <ReadSection key={s.id} section={s} number={i + 1} />
        ))}
      </ReportChartsContext.Provider>
      <Card title="Next year’s report">
        {startOpen ? (
          <StartReportForm published={[report]} initialBasedOn={report.id} />
        ) : (
          <>
            <p className="muted">Start a new draft with this report’s sections and text, to update for another period.</p>
            <Button variant="secondary" onClick={() => setStartOpen(true)}>
              Start a new draft from this report
            </Button>
          </>
        )}
      </Card>
    </Page>
  );
}

function ReadSection({ section, number }: { section: ReportSection; number: number }) {
  const editor = useReportEditor({ body: section.body, label: section.title, editable: false });
  return (
    <Card title={`${number}. ${section.title}`}>
      <EditorContent editor={editor} />
    </Card>
  );
}
