import { useEffect, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { GoalSheetContent, GoalSheetView } from '../../../../src/shared/api/goal-sheets.ts';
import { CHANNEL_LABELS } from '../../../../src/shared/channels.ts';
import type { Channel } from '../../../../src/shared/channels.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { FieldMessages, TextField } from '../../../components/ui/field.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { formatInstant } from '../../../lib/format-date.ts';
import { focusFirstInvalid } from '../../../lib/validate.ts';
import { useSaveGoalSheet } from '../api/save-goal-sheet.ts';
import { isStaleSheetError } from '../api/sheet-request.ts';
import { useSubmitGoalSheet } from '../api/submit-goal-sheet.ts';
import { mergeSheets } from '../merge-sheets.ts';
import type { MergeResult, Side } from '../merge-sheets.ts';
import { EMPTY_GOAL, errorsFromDetails, fromDraft, hasChanges, saveErrors, toDraft } from '../sheet-draft.ts';
import type { GoalDraft, SheetDraft, SheetErrors } from '../sheet-draft.ts';
import { GoalFields } from './goal-fields.tsx';
import { MergePanel } from './merge-panel.tsx';

interface Saved {
  revision: number;
  content: GoalSheetContent;
}

interface EditorProps {
  view: GoalSheetView;
  /** Tells the page whether there are unsaved edits (so it keeps the editor if the sheet is locked meanwhile). */
  onDirtyChange: (dirty: boolean) => void;
}

type Problem = { title: string; body: ReactNode; tone: 'error' | 'info' | 'warning' };

/** The pair's editor: goals, the communication plan, save and send, and the merge when both saved at once. */
export function GoalSheetEditor({ view, onDirtyChange }: EditorProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const goalsHeadingRef = useRef<HTMLHeadingElement>(null);
  const [saved, setSaved] = useState<Saved>({ revision: view.revision, content: view.content });
  const [draft, setDraft] = useState<SheetDraft>(() => toDraft(view.content));
  const [errors, setErrors] = useState<SheetErrors>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [merge, setMerge] = useState<MergeResult | null>(null);
  const [justAdded, setJustAdded] = useState<number | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [seenRevision, setSeenRevision] = useState(view.revision);
  const save = useSaveGoalSheet();
  const submit = useSubmitGoalSheet();

  const dirty = hasChanges(draft, saved.content);
  const locked = !view.canEdit;
  const partner = view.viewer === 'mentor' ? view.mentee.name : view.mentor.name;

  // A newer sheet arrived (the page refetched): take it in when nothing unsaved would be lost.
  if (view.revision !== seenRevision) {
    setSeenRevision(view.revision);
    if (view.revision > saved.revision && !dirty) {
      setSaved({ revision: view.revision, content: view.content });
      setDraft(toDraft(view.content));
    }
  }

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => {
    if (!dirty) return;
    // Closing the tab with unsaved edits asks first.
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const showErrors = (next: SheetErrors) => {
    setErrors(next);
    focusFirstInvalid(formRef.current);
  };

  /** The partner saved first: combine, and ask about what both changed. */
  const startMerge = (current: GoalSheetView, mine: GoalSheetContent, what: 'save' | 'send') => {
    const result = mergeSheets(saved.content, current.content, mine);
    setSaved({ revision: current.revision, content: current.content });
    setSeenRevision(current.revision);
    if (!current.canEdit) {
      setProblem({
        tone: 'warning',
        title: 'The sheet can no longer be changed',
        body: <p>{partner} sent it to the program office while you were editing. Your unsaved changes are still below.</p>,
      });
      return;
    }
    if (result.conflicts.length === 0) {
      setDraft(toDraft(result.resolve({})));
      setProblem({
        tone: 'info',
        title: 'Your partner saved changes while you were editing',
        body: (
          <p>
            Their changes and yours are combined below: nothing was lost. Check the sheet, then{' '}
            {what === 'send' ? 'send it again' : 'save again'}.
          </p>
        ),
      });
      return;
    }
    setProblem(null);
    setMerge(result);
    requestAnimationFrame(() => document.getElementById('merge-heading')?.focus());
  };

  const handleError = (err: unknown, mine: GoalSheetContent, what: 'save' | 'send') => {
    if (isStaleSheetError(err)) {
      startMerge(err.current, mine, what);
      return;
    }
    if (isApiError(err) && err.details.length > 0) {
      const next = errorsFromDetails(err.details);
      setProblem({
        tone: 'error',
        title: what === 'send' ? 'The sheet isn’t ready to send yet' : 'Some answers need another look',
        body: (
          <ul>
            {err.details.map((d) => (
              <li key={d.path}>{d.message}</li>
            ))}
          </ul>
        ),
      });
      showErrors(next);
      return;
    }
    setProblem({
      tone: 'error',
      title: what === 'send' ? 'We couldn’t send the sheet' : 'We couldn’t save the sheet',
      body: <p>{errorMessage(err)}</p>,
    });
  };

  /** Saves `d` on top of `baseRevision`; returns the saved sheet, or null if it did not save. */
  const doSave = async (d: SheetDraft, baseRevision: number): Promise<GoalSheetView | null> => {
    const found = saveErrors(d, view.goalsMax);
    if (Object.keys(found).length > 0) {
      setProblem({ tone: 'error', title: 'Some answers need another look', body: <p>The problems are marked next to the fields.</p> });
      showErrors(found);
      return null;
    }
    const content = fromDraft(d);
    try {
      const v = await save.mutateAsync({ matchId: view.matchId, baseRevision, content });
      setSaved({ revision: v.revision, content: v.content });
      setSeenRevision(v.revision);
      setSavedAt(v.updatedAt);
      setErrors({});
      setProblem(null);
      return v;
    } catch (err) {
      handleError(err, content, 'save');
      return null;
    }
  };

  const onSave = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void doSave(draft, saved.revision);
  };

  const onSend = async () => {
    let revision = saved.revision;
    if (dirty) {
      const v = await doSave(draft, saved.revision);
      if (!v) return;
      revision = v.revision;
    }
    try {
      await submit.mutateAsync({ matchId: view.matchId, revision });
      setProblem(null);
      setErrors({});
    } catch (err) {
      handleError(err, fromDraft(draft), 'send');
    }
  };

  const onMergeDone = (choices: Record<string, Side>) => {
    if (!merge) return;
    const merged = toDraft(merge.resolve(choices));
    setDraft(merged);
    setMerge(null);
    void doSave(merged, saved.revision);
  };

  const setGoal = (i: number) => (goal: GoalDraft) => setDraft((d) => ({ ...d, goals: d.goals.map((g, j) => (j === i ? goal : g)) }));
  const addGoal = () => {
    setJustAdded(draft.goals.length);
    setDraft((d) => ({ ...d, goals: [...d.goals, { ...EMPTY_GOAL }] }));
  };
  const removeGoal = (i: number) => {
    // Errors are keyed by position: after a removal they would point at the wrong goal.
    setErrors({});
    setJustAdded(null);
    setDraft((d) => ({ ...d, goals: d.goals.filter((_, j) => j !== i) }));
    requestAnimationFrame(() => goalsHeadingRef.current?.focus());
  };

  if (merge) {
    return <MergePanel merge={merge} programGoals={view.programGoals} partnerName={partner} busy={save.isPending} onDone={onMergeDone} />;
  }

  const busy = save.isPending || submit.isPending;
  const channelOptions = [...new Set<Channel>([...view.channels, ...draft.channels])].map((c) => ({ value: c, label: CHANNEL_LABELS[c] }));
  const atMax = draft.goals.length >= view.goalsMax;
  const lastSaved = savedAt ?? view.updatedAt;

  return (
    <form ref={formRef} className="form goal-sheet-editor" onSubmit={onSave} noValidate aria-label="Your goal sheet">
      {problem ? (
        <Alert tone={problem.tone} title={problem.title}>
          {problem.body}
        </Alert>
      ) : null}
      {locked && !problem ? (
        <Alert tone="warning" title="The sheet can no longer be changed">
          <p>
            It was sent to the program office while you were editing. Your unsaved changes are still below, so you can copy anything you
            need.
          </p>
        </Alert>
      ) : null}
      {!locked && dirty && view.revision > saved.revision ? (
        <Alert tone="info">
          <p>{partner} saved a newer version. When you save, you’ll see both and choose what to keep.</p>
        </Alert>
      ) : null}

      <Card>
        <h2 ref={goalsHeadingRef} tabIndex={-1}>
          Your goals
        </h2>
        <p className="muted">
          {view.goalsMin === view.goalsMax
            ? `The program asks for ${view.goalsMax}`
            : `The program asks for ${view.goalsMin} to ${view.goalsMax}`}{' '}
          {view.goalsMax === 1 ? 'goal' : 'goals'}, each tied to at least one of its program goals. A draft can be unfinished: save as often
          as you like.
        </p>
        <div className="stack">
          {draft.goals.length === 0 ? <p>No goals yet. Add your first one: something you want to reach together this year.</p> : null}
          {draft.goals.map((g, i) => (
            <GoalFields
              key={i}
              index={i}
              goal={g}
              programGoals={view.programGoals}
              matchedOn={view.matchedOn}
              programEndsOn={view.programEndsOn}
              errors={errors}
              disabled={locked}
              autoFocus={justAdded === i}
              onChange={setGoal(i)}
              onRemove={() => removeGoal(i)}
            />
          ))}
          <FieldMessages error={errors.goals} errorId="goal-count-error" />
          {locked ? null : atMax ? (
            <p className="muted">You have the most goals the program allows ({view.goalsMax}).</p>
          ) : (
            <div>
              <Button variant="secondary" onClick={addGoal}>
                Add a goal
              </Button>
            </div>
          )}
        </div>
      </Card>

      <Card title="How you will keep in touch">
        <div className="form">
          <CheckboxGroup
            legend="Channels"
            options={channelOptions}
            value={draft.channels}
            onChange={(channels) => setDraft((d) => ({ ...d, channels }))}
            error={errors['communication.channels']}
            disabled={locked}
          />
          <TextField
            label="How often"
            value={draft.cadence}
            onChange={(cadence) => setDraft((d) => ({ ...d, cadence }))}
            error={errors['communication.cadence']}
            maxLength={500}
            autoComplete="off"
            disabled={locked}
            hint="For example: “a video call every other Tuesday evening, e-mail in between”."
          />
        </div>
      </Card>

      {locked ? null : (
        <div className="goal-sheet-editor__actions">
          <div className="form-actions">
            <Button type="submit" variant={view.canSubmit ? 'secondary' : 'primary'} busy={save.isPending}>
              Save
            </Button>
            {view.canSubmit ? (
              <Button busy={submit.isPending} disabled={busy} onClick={() => void onSend()}>
                Send to the program office
              </Button>
            ) : null}
          </div>
          <p role="status" className="muted small">
            {save.isPending
              ? 'Saving…'
              : submit.isPending
                ? 'Sending…'
                : dirty
                  ? 'You have unsaved changes.'
                  : lastSaved
                    ? `Saved ${formatInstant(lastSaved)}.`
                    : 'Nothing saved yet.'}
          </p>
          {view.canSubmit ? (
            <p className="muted small">
              Sending saves your latest changes first. After that the sheet can’t be changed unless the program office sends it back.
            </p>
          ) : view.viewer === 'mentor' ? (
            <p>{view.mentee.name}, your mentee, sends the sheet to the program office when you’re both happy with it.</p>
          ) : null}
        </div>
      )}
    </form>
  );
}
