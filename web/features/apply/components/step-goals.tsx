import { Card } from '../../../components/ui/card.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { TagInput } from '../../../components/ui/tag-input.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import type { EligibilityQuestion } from '../api/get-apply-form.ts';
import { splitList } from './answers-draft.ts';
import { GoalChoices } from './goal-choices.tsx';
import type { StepProps } from './step-props.ts';
import { YES_NO } from './step-props.ts';

/** Step 3: goals, interests or expertise, eligibility, a mentor's capacity and the confidential preferences. */
export function StepGoals({
  form,
  draft,
  set,
  role,
  errors,
  questions,
  setEligibility,
}: StepProps & { questions: readonly EligibilityQuestion[]; setEligibility: (key: string, answer: 'yes' | 'no') => void }) {
  const isMentor = role === 'mentor';
  return (
    <>
      <Card title="What you’d like from the program" level={3}>
        <div className="form">
          <GoalChoices goals={form.goals} value={draft.programGoalIds} onChange={set('programGoalIds')} error={errors.programGoalIds} />
          <TagInput
            label={isMentor ? 'Areas of expertise' : 'Interests'}
            required
            value={splitList(draft.interests)}
            onChange={(tags) => set('interests')(tags.join(', '))}
            suggestions={form.interestVocabulary}
            error={errors.interests}
            hint={
              form.interestVocabulary.length > 0
                ? 'Start typing to see suggestions, or write your own; press Enter or a comma after each one.'
                : 'Press Enter or a comma after each one, for example: storytime, teen services, grant writing.'
            }
          />
          <TextareaField
            label={isMentor ? 'What would you like to share as a mentor?' : 'What do you hope to gain from a mentor?'}
            rows={4}
            value={draft.hopes}
            onChange={set('hopes')}
            error={errors.hopes}
            maxLength={2000}
            hint="A few sentences is plenty. Your match will read this."
          />
        </div>
      </Card>

      {questions.length > 0 ? (
        <Card title="Eligibility" level={3}>
          <div className="form">
            {questions.map((q) => (
              <RadioGroup
                key={q.key}
                legend={q.text}
                required
                hint={q.help || undefined}
                value={draft.eligibilityAnswers[q.key] ?? ''}
                onChange={(answer) => setEligibility(q.key, answer)}
                error={errors[`eligibilityAnswers.${q.key}`]}
                options={YES_NO}
              />
            ))}
          </div>
        </Card>
      ) : null}

      {isMentor ? (
        <Card title="How many mentees can you take?" level={3}>
          <TextField
            label="Number of mentees"
            type="number"
            inputMode="numeric"
            min={1}
            max={10}
            required
            value={draft.capacity}
            onChange={set('capacity')}
            error={errors.capacity}
            hint="Most mentors take one. Each mentee needs a couple of conversations a month."
          />
        </Card>
      ) : null}

      <Card title="Confidential preferences (optional)" level={3}>
        <div className="form">
          <p>
            <strong>Only the program office and the matching committee see these answers.</strong> They help us make a good match and are
            never shown to your match or anyone else.
          </p>
          <Checkbox
            label={`I’d prefer a ${isMentor ? 'mentee' : role === 'mentee' ? 'mentor' : 'partner'} of the same gender`}
            checked={draft.preferSameGender}
            onChange={set('preferSameGender')}
          />
          <TextField
            label="Your gender"
            autoComplete="off"
            value={draft.gender}
            onChange={set('gender')}
            error={errors['confidential.gender']}
            maxLength={60}
            hint="In your own words. Leave it empty if you’d rather not say."
          />
          <TextareaField
            label="Anything else the matching committee should know"
            rows={3}
            value={draft.notes}
            onChange={set('notes')}
            error={errors['confidential.notes']}
            maxLength={1000}
          />
        </div>
      </Card>
    </>
  );
}
