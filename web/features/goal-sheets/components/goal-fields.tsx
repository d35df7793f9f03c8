import type { GoalSheetView } from '../../../../src/shared/api/goal-sheets.ts';
import { Button } from '../../../components/ui/button.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import type { GoalDraft, SheetErrors } from '../sheet-draft.ts';

interface GoalFieldsProps {
  index: number;
  goal: GoalDraft;
  programGoals: GoalSheetView['programGoals'];
  matchedOn: string;
  programEndsOn: string;
  errors: SheetErrors;
  disabled: boolean;
  /** Focus the goal's first field: it was just added. */
  autoFocus: boolean;
  onChange: (goal: GoalDraft) => void;
  onRemove: () => void;
}

/** One goal of the sheet, as a group of fields named "Goal N" for screen readers. */
export function GoalFields({
  index,
  goal,
  programGoals,
  matchedOn,
  programEndsOn,
  errors,
  disabled,
  autoFocus,
  onChange,
  onRemove,
}: GoalFieldsProps) {
  const n = index + 1;
  const error = (field: keyof GoalDraft) => errors[`goals.${index}.${field}`];
  const set =
    <K extends keyof GoalDraft>(key: K) =>
    (value: GoalDraft[K]) =>
      onChange({ ...goal, [key]: value });
  // Retired program goals are offered only to the sheets that already chose them.
  const options = programGoals
    .filter((g) => !g.retired || goal.programGoalIds.includes(g.id))
    .map((g) => ({ value: String(g.id), label: g.retired ? `${g.title} (no longer offered)` : g.title }));
  return (
    <fieldset className="fieldset goal-block">
      <legend className="fieldset__legend goal-block__legend">Goal {n}</legend>
      <div className="form">
        <TextField
          label="Goal"
          value={goal.title}
          onChange={set('title')}
          error={error('title')}
          maxLength={200}
          autoComplete="off"
          disabled={disabled}
          autoFocus={autoFocus}
          hint="Something you want to reach this year, in a sentence. For example: “Plan and run a bilingual storytime.”"
        />
        <CheckboxGroup
          legend="Program goals this serves"
          hint="Choose at least one."
          options={options}
          value={goal.programGoalIds.map(String)}
          onChange={(ids) => set('programGoalIds')(ids.map(Number))}
          error={error('programGoalIds')}
          disabled={disabled}
        />
        <TextareaField
          label="Planned activities"
          rows={4}
          value={goal.activities}
          onChange={set('activities')}
          error={error('activities')}
          maxLength={2000}
          disabled={disabled}
          hint="What you will do together: conversations, a resume review, shadowing, a shared reading list…"
        />
        <TextareaField
          label="How you will measure success"
          rows={3}
          value={goal.successMeasure}
          onChange={set('successMeasure')}
          error={error('successMeasure')}
          maxLength={1000}
          disabled={disabled}
          hint="How you will both know the goal is reached."
        />
        <TextField
          label="Target date"
          type="date"
          value={goal.targetDate}
          onChange={set('targetDate')}
          error={error('targetDate')}
          min={matchedOn}
          max={programEndsOn}
          disabled={disabled}
          className="goal-block__date"
          hint={`Between ${formatDate(matchedOn)} and the end of the program, ${formatDate(programEndsOn)}.`}
        />
        {disabled ? null : (
          <div>
            <Button variant="secondary" small onClick={onRemove}>
              Remove goal {n}
            </Button>
          </div>
        )}
      </div>
    </fieldset>
  );
}
