import { useState } from 'react';
import type { ReactNode } from 'react';
import type { GoalSheetView, SheetGoal } from '../../../../src/shared/api/goal-sheets.ts';
import { CHANNEL_LABELS } from '../../../../src/shared/channels.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import type { Conflict, GoalField, MergeResult, Side } from '../merge-sheets.ts';

const FIELD_LABELS: Record<GoalField, string> = {
  title: 'Goal',
  programGoalIds: 'Program goals this serves',
  activities: 'Planned activities',
  successMeasure: 'How you will measure success',
  targetDate: 'Target date',
};

type ProgramGoals = GoalSheetView['programGoals'];

function fieldText(field: GoalField, value: SheetGoal[GoalField], goals: ProgramGoals): string {
  if (field === 'programGoalIds') {
    const ids = value as number[];
    return ids.map((id) => goals.find((g) => g.id === id)?.title ?? `Program goal ${id}`).join('; ');
  }
  if (field === 'targetDate') return value ? formatDate(value as string) : '';
  return String(value ?? '');
}

function goalSummary(goal: SheetGoal | null, goals: ProgramGoals): ReactNode {
  if (!goal) return <em>Removed</em>;
  return (
    <dl className="dl">
      {(Object.keys(FIELD_LABELS) as GoalField[]).map((f) => (
        <div key={f} className="merge__pair">
          <dt>{FIELD_LABELS[f]}</dt>
          <dd>{fieldText(f, goal[f], goals) || <span className="muted">Empty</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

function describe(c: Conflict, goals: ProgramGoals): { what: string; mine: ReactNode; theirs: ReactNode } {
  const goal = c.goalNumber ? `Goal ${c.goalNumber}${c.goalTitle ? ` (“${c.goalTitle}”)` : ''}` : '';
  const text = (s: string) => s || <span className="muted">Empty</span>;
  switch (c.kind) {
    case 'goal-field':
      return {
        what: `${goal}: ${FIELD_LABELS[c.field]}`,
        mine: text(fieldText(c.field, c.mine, goals)),
        theirs: text(fieldText(c.field, c.theirs, goals)),
      };
    case 'goal':
      return {
        what: `${goal}: ${c.mine ? 'your partner removed it, you changed it' : 'you removed it, your partner changed it'}`,
        mine: goalSummary(c.mine, goals),
        theirs: goalSummary(c.theirs, goals),
      };
    case 'channels':
      return {
        what: 'Channels',
        mine: text(c.mine.map((x) => CHANNEL_LABELS[x]).join(', ')),
        theirs: text(c.theirs.map((x) => CHANNEL_LABELS[x]).join(', ')),
      };
    case 'cadence':
      return { what: 'How often', mine: text(c.mine), theirs: text(c.theirs) };
  }
}

interface MergePanelProps {
  merge: MergeResult;
  programGoals: ProgramGoals;
  partnerName: string;
  busy: boolean;
  /** Called with a choice for every conflict. */
  onDone: (choices: Record<string, Side>) => void;
}

/**
 * Shown when the partner saved while this person was editing. Everything only one of them changed
 * is already combined; here they settle each field both changed, side by side.
 */
export function MergePanel({ merge, programGoals, partnerName, busy, onDone }: MergePanelProps) {
  const [choices, setChoices] = useState<Record<string, Side>>({});
  const [missing, setMissing] = useState(false);
  const open = merge.conflicts.filter((c) => !choices[c.id]);
  return (
    <section className="card merge" aria-labelledby="merge-heading">
      <h2 id="merge-heading" tabIndex={-1}>
        Your partner saved changes while you were editing
      </h2>
      <p>
        {partnerName} saved the sheet while you were working on it. Everything only one of you changed has been combined. For{' '}
        {merge.conflicts.length === 1 ? 'the one part you both changed' : `the ${merge.conflicts.length} parts you both changed`}, choose
        which version to keep. Nothing is saved until you do.
      </p>
      <ol className="plain-list stack">
        {merge.conflicts.map((c) => {
          const d = describe(c, programGoals);
          return (
            <li key={c.id} className="merge__item">
              <h3>{d.what}</h3>
              <div className="merge__sides">
                <div className="merge__side">
                  <p className="merge__label">Your version</p>
                  <div className="goal-sheet__text">{d.mine}</div>
                </div>
                <div className="merge__side">
                  <p className="merge__label">{partnerName}’s version</p>
                  <div className="goal-sheet__text">{d.theirs}</div>
                </div>
              </div>
              <RadioGroup
                legend={`Which to keep for ${d.what}`}
                value={choices[c.id] ?? ''}
                onChange={(side) => setChoices((x) => ({ ...x, [c.id]: side }))}
                error={missing && !choices[c.id] ? 'Choose one.' : undefined}
                options={[
                  { value: 'mine', label: 'Keep mine' },
                  { value: 'theirs', label: 'Use theirs' },
                ]}
              />
            </li>
          );
        })}
      </ol>
      {missing && open.length > 0 ? (
        <Alert tone="error">{open.length === 1 ? 'One part still needs a choice.' : `${open.length} parts still need a choice.`}</Alert>
      ) : null}
      <div className="form-actions">
        <Button
          busy={busy}
          onClick={() => {
            if (open.length > 0) {
              setMissing(true);
              return;
            }
            onDone(choices);
          }}
        >
          Save with these choices
        </Button>
      </div>
    </section>
  );
}
