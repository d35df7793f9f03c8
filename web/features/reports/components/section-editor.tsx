import { useEffect, useId, useRef, useState } from 'react';
import { EditorContent } from '@tiptap/react';
import type { ReportSection } from '../../../../src/shared/api/reports.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmAction } from '../../../components/ui/confirm-action.tsx';
import { ItemButton } from '../../../components/ui/item-button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import type { ChartOption } from '../api/get-chart-options.ts';
import { useRemoveSection } from '../api/remove-section.ts';
import { ChartDialog } from './chart-dialog.tsx';
import { EditorToolbar } from './editor-toolbar.tsx';
import { LinkDialog } from './link-dialog.tsx';
import { clockTime } from '../../../lib/format-date.ts';
import { SaveStatus } from './save-status.tsx';
import { SectionHistory } from './section-history.tsx';
import { replaceText, useReportEditor } from './use-report-editor.ts';
import { useSectionAutosave } from './use-section-autosave.ts';

export type Flusher = () => Promise<boolean>;

/** The id of a section's Move up or Move down button, for focus after a move. */
export const moveButtonId = (sectionId: number, which: 'up' | 'down') => `report-section-${sectionId}-${which}`;

/**
 * One section of a draft: its title, a toolbar, the text (saved as they type), what to do when
 * someone else saved first, its history, and removing it.
 */
export function SectionEditor({
  reportId,
  periodId,
  section,
  number,
  onChartPicked,
  register,
  justAdded = false,
  onMove,
}: {
  reportId: number;
  periodId: number;
  section: ReportSection;
  number: number;
  /** A chart was put in: its data joins the report's, so it shows at once. */
  onChartPicked: (option: ChartOption) => void;
  /** Lets the page save every section before publishing. */
  register: (sectionId: number, flush: Flusher | null) => void;
  /** Added a moment ago: its title field takes focus. */
  justAdded?: boolean;
  /** Moving the section one place: whether it can go up or down, and the move. Absent for a lone section. */
  onMove?: { up: boolean; down: boolean; busy: boolean; to: (by: -1 | 1) => void };
}) {
  const headingId = useId();
  const autosave = useSectionAutosave(reportId, section);
  const [title, setTitle] = useState(section.title);
  const titleRef = useRef(title);
  const [dialog, setDialog] = useState<'link' | 'chart' | null>(null);
  const remove = useRemoveSection(reportId);
  const shownTitle = title.trim() || 'Untitled section';
  const editor = useReportEditor({
    body: section.body,
    label: `Text of the section “${shownTitle}”`,
    editable: true,
    onChange: (body) => autosave.changed({ title: titleRef.current, body }),
  });

  const { flush } = autosave;
  useEffect(() => {
    register(section.id, flush);
    return () => register(section.id, null);
  }, [register, section.id, flush]);

  const changeTitle = (value: string) => {
    setTitle(value);
    titleRef.current = value;
    autosave.changed({ title: value, body: editor.getJSON() });
  };

  const state = autosave.state;
  const theirs = state.kind === 'conflict' ? state.theirs : null;
  const loadTheirs = () => {
    if (!theirs) return;
    const draft = autosave.loadTheirs(theirs);
    setTitle(draft.title);
    titleRef.current = draft.title;
    replaceText(editor, draft.body);
  };

  return (
    <section className="card report-section" aria-labelledby={headingId}>
      <div className="card__header">
        <h2 id={headingId}>
          <span className="muted">{number}.</span> {shownTitle}
        </h2>
        {onMove ? (
          <div className="form-actions report-section__move">
            <ItemButton
              id={moveButtonId(section.id, 'up')}
              itemLabel={shownTitle}
              disabled={!onMove.up || onMove.busy}
              onClick={() => onMove.to(-1)}
            >
              Move up
            </ItemButton>
            <ItemButton
              id={moveButtonId(section.id, 'down')}
              itemLabel={shownTitle}
              disabled={!onMove.down || onMove.busy}
              onClick={() => onMove.to(1)}
            >
              Move down
            </ItemButton>
          </div>
        ) : null}
        <ConfirmAction
          label="Remove section"
          labelDetail={shownTitle}
          question="Remove this section and its text?"
          groupLabel={`Confirm removing the section ${shownTitle}`}
          confirmLabel="Yes, remove it"
          busy={remove.isPending}
          error={remove.error}
          onConfirm={() => {
            void autosave.stop().then(() =>
              remove.mutate(section.id, {
                // The section is gone: focus goes to the page's heading rather than nowhere.
                onSuccess: () => requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus()),
              }),
            );
          }}
        />
      </div>
      <TextField label="Section title" value={title} onChange={changeTitle} required maxLength={200} autoFocus={justAdded} />
      <div className="report-editor">
        <EditorToolbar
          editor={editor}
          label={`Formatting for “${shownTitle}”`}
          onLink={() => setDialog('link')}
          onChart={() => setDialog('chart')}
        />
        <EditorContent editor={editor} />
      </div>
      {state.kind === 'conflict' ? (
        <Alert tone="warning" title="Someone else saved this section while you were writing.">
          <p>
            {theirs
              ? `${theirs.updatedByName ?? 'Another member'} saved a newer version at ${clockTime(theirs.updatedAt)}.`
              : 'Another member saved a newer version.'}{' '}
            Your text is still here and nothing is lost. Saving pauses until you choose.
          </p>
          <p className="small">
            Loading theirs replaces your text on this page. Keeping yours saves it over theirs, and theirs stays in the section’s history.
          </p>
          <div className="form-actions">
            {theirs ? (
              <Button variant="secondary" small onClick={loadTheirs}>
                Load their version
              </Button>
            ) : null}
            <Button small onClick={() => void autosave.keepMine(theirs)}>
              Keep mine and save over it
            </Button>
          </div>
        </Alert>
      ) : null}
      <SaveStatus state={state} lastSaved={{ at: section.updatedAt, by: section.updatedByName }} onRetry={() => void flush()} />
      <SectionHistory reportId={reportId} sectionId={section.id} />
      <LinkDialog editor={editor} open={dialog === 'link'} onClose={() => setDialog(null)} />
      <ChartDialog
        periodId={periodId}
        open={dialog === 'chart'}
        onClose={() => setDialog(null)}
        onPick={(option) => {
          onChartPicked(option);
          setDialog(null);
          editor.chain().focus().insertChart(option.ref).run();
        }}
      />
    </section>
  );
}
