import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { WeightsView } from '../../../../src/shared/api/matching.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { focusFirstInvalid } from '../../../lib/validate.ts';
import { useStartRun } from '../api/start-run.ts';
import { CRITERIA, draftFromWeights, weightsFromDraft } from './criteria.ts';
import type { WeightsDraft } from './criteria.ts';

type Objective = 'most-matched' | 'total-score';

const OBJECTIVES = [
  {
    value: 'most-matched',
    label: 'Match as many mentees as possible',
    hint: 'Among the ways to match the most people, pick the one with the best total score.',
  },
  {
    value: 'total-score',
    label: 'Highest total score, even if fewer are matched',
    hint: 'Leave someone out rather than give them a weak pair.',
  },
] as const;

interface WeightsPanelProps {
  periodId: number;
  start: { weights: WeightsView; objective: Objective; minScore: number | null };
  hasRun: boolean;
  running: boolean;
  onStarted: (runId: number) => void;
}

/** How the matcher weighs each criterion, and the button that runs it. */
export function WeightsPanel({ periodId, start, hasRun, running, onStarted }: WeightsPanelProps) {
  const run = useStartRun();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<WeightsDraft>(() => draftFromWeights(start.weights));
  const [objective, setObjective] = useState<Objective>(start.objective);
  const [minScore, setMinScore] = useState(start.minScore === null ? '' : String(start.minScore));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const setCriterion = (key: keyof WeightsDraft['criteria'], patch: Partial<{ weight: string; must: boolean }>) =>
    setDraft((d) => ({ ...d, criteria: { ...d.criteria, [key]: { ...d.criteria[key], ...patch } } }));

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const checked = weightsFromDraft(draft, start.weights);
    const next = checked.ok ? {} : { ...checked.errors };
    const min = minScore.trim() === '' ? null : Number(minScore);
    if (min !== null && (!Number.isFinite(min) || min < 0 || min > 100)) next.minScore = 'Use a number from 0 to 100, or leave it empty.';
    if (!checked.ok || Object.keys(next).length > 0) {
      setErrors(next);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    run.mutate({ periodId, body: { weights: checked.weights, objective, minScore: min } }, { onSuccess: (r) => onStarted(r.id) });
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label="How to match">
      <p className="muted">
        Each criterion adds to a pair’s score in proportion to its weight, from 0 (ignore it) to 10. Tick “Must” to rule out every pair that
        doesn’t meet it at all.
      </p>
      <div className="criteria">
        {CRITERIA.map((c) => (
          <fieldset className="fieldset criterion" key={c.key}>
            <legend className="fieldset__legend">{c.label}</legend>
            <p className="field__hint">{c.hint}</p>
            <div className="criterion__controls">
              <TextField
                label="Weight"
                type="number"
                inputMode="decimal"
                min={0}
                max={10}
                step="any"
                value={draft.criteria[c.key].weight}
                onChange={(weight) => setCriterion(c.key, { weight })}
                error={errors[c.key]}
                aria-label={`Weight for ${c.label}`}
              />
              <label className="choice">
                <input
                  type="checkbox"
                  checked={draft.criteria[c.key].must}
                  onChange={(e) => setCriterion(c.key, { must: e.target.checked })}
                  aria-label={`Must: ${c.label}`}
                />
                Must
              </label>
            </div>
            {c.key === 'experience' ? (
              <div className="form-row">
                <TextField
                  label="Ideal gap from (years)"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  value={draft.idealMin}
                  onChange={(idealMin) => setDraft((d) => ({ ...d, idealMin }))}
                  error={errors.idealMin}
                />
                <TextField
                  label="Ideal gap to (years)"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  value={draft.idealMax}
                  onChange={(idealMax) => setDraft((d) => ({ ...d, idealMax }))}
                  error={errors.idealMax}
                />
              </div>
            ) : null}
            {c.key === 'timeZone' ? (
              <TextField
                label="Counts for nothing at (hours apart)"
                type="number"
                inputMode="numeric"
                min={1}
                max={24}
                value={draft.zeroAtHours}
                onChange={(zeroAtHours) => setDraft((d) => ({ ...d, zeroAtHours }))}
                error={errors.zeroAtHours}
              />
            ) : null}
          </fieldset>
        ))}
      </div>
      <RadioGroup legend="What matters most" value={objective} onChange={setObjective} options={OBJECTIVES} stacked />
      <TextField
        label="Minimum score (optional)"
        type="number"
        inputMode="decimal"
        min={0}
        max={100}
        value={minScore}
        onChange={setMinScore}
        error={errors.minScore}
        hint="Pairs scoring below this (out of 100) are never proposed. Leave it empty for no minimum."
      />
      {run.isError ? (
        <Alert tone="error" title="We couldn’t start the matching.">
          {errorMessage(run.error)}
        </Alert>
      ) : null}
      <div className="form-actions">
        <Button type="submit" busy={run.isPending || running}>
          {hasRun ? 'Run matching again' : 'Run matching'}
        </Button>
        {hasRun ? <span className="muted small">Locked and forbidden pairs are kept.</span> : null}
      </div>
    </form>
  );
}
