import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { SurveyKind } from '../../../../src/shared/surveys.ts';
import { PERIOD_STATUS_LABELS } from '../../../../src/shared/period-status.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import type { Period } from '../../../lib/reads/periods.ts';
import { useCreateSurvey } from '../api/create-survey.ts';

/** The period a new survey is most likely for: one under way (active or being evaluated), else the newest. */
export function likelyPeriod(periods: readonly Period[]): Period | undefined {
  return periods.find((p) => p.status === 'active' || p.status === 'evaluation') ?? periods[0];
}

/**
 * Starts a survey for a period: a wrap-up survey (in the period's survey window) or a check-in (any
 * dates), filled in with the standard questions as a draft to make their own.
 */
export function NewSurveyForm({ periods }: { periods: readonly Period[] }) {
  const [periodId, setPeriodId] = useState(() => String(likelyPeriod(periods)?.id ?? ''));
  const create = useCreateSurvey();
  const navigate = useNavigate();
  const start = (kind: SurveyKind) =>
    create.mutate({ periodId: Number(periodId), kind }, { onSuccess: (survey) => void navigate(`/surveys/${survey.id}`) });

  if (periods.length === 0) {
    return (
      <Card title="Start a survey">
        <p>Surveys are for the matched people of a period. Set up a period first.</p>
      </Card>
    );
  }
  return (
    <Card title="Start a survey">
      <p className="muted">
        Each starts as a draft with the standard questions, for the mentors and mentees matched in the period. Change anything before you
        publish it. The <strong>wrap-up survey</strong> runs in the period’s survey window near the end of the year; a{' '}
        <strong>check-in</strong> is a short survey on any dates, such as halfway through.
      </p>
      {create.isError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
      <div className="form">
        <div className="survey-period">
          <SelectField
            label="Period"
            value={periodId}
            options={periods.map((p) => ({ value: String(p.id), label: `${p.name} (${PERIOD_STATUS_LABELS[p.status]})` }))}
            onChange={setPeriodId}
          />
        </div>
        <div className="form-actions">
          <Button
            busy={create.isPending && create.variables.kind === 'wrap-up'}
            disabled={create.isPending}
            onClick={() => start('wrap-up')}
          >
            New wrap-up survey
          </Button>
          <Button
            variant="secondary"
            busy={create.isPending && create.variables.kind === 'check-in'}
            disabled={create.isPending}
            onClick={() => start('check-in')}
          >
            New check-in
          </Button>
        </div>
      </div>
    </Card>
  );
}
