import type { ReactNode } from 'react';
import { CAREER_STAGE_LABELS, WORKPLACE_TYPE_LABELS } from '../../../../src/shared/application-vocabulary.ts';
import { CHANNEL_LABELS } from '../../../../src/shared/channels.ts';
import { Card } from '../../../components/ui/card.tsx';
import { RegionName } from '../../../components/ui/region-field.tsx';
import { formatUtcOffset, utcOffsetMinutes } from '../../../components/ui/time-zone-choices.ts';
import type { EligibilityQuestion } from '../api/get-apply-form.ts';
import { splitList } from './answers-draft.ts';
import { STEPS } from './application-steps.ts';
import type { StepProps } from './step-props.ts';

const notGiven = <span className="muted">Not given</span>;
const orNotGiven = (text: string): ReactNode => (text.trim() === '' ? notGiven : text);

function Section({ step, onChange, children }: { step: number; onChange: (step: number) => void; children: ReactNode }) {
  const title = STEPS[step]?.title ?? '';
  return (
    <Card
      title={title}
      level={3}
      actions={
        <button type="button" className="link-button" onClick={() => onChange(step)}>
          Change<span className="visually-hidden"> {title.toLowerCase()}</span>
        </button>
      }
    >
      <dl className="review-list">{children}</dl>
    </Card>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function timeZoneText(zone: string): string {
  const offset = utcOffsetMinutes(zone, new Date());
  return `${zone.replaceAll('_', ' ')}${offset === null ? '' : ` (${formatUtcOffset(offset)} today)`}`;
}

/** The last step: every answer once more, each section with a way back to change it. */
export function StepReview({
  form,
  draft,
  role,
  periodName,
  account,
  questions,
  goTo,
}: Omit<StepProps, 'set' | 'errors'> & {
  periodName: string;
  account: { name: string; email: string } | null;
  questions: readonly EligibilityQuestion[];
  goTo: (step: number) => void;
}) {
  const isMentor = role === 'mentor';
  const goals = form.goals.filter((g) => draft.programGoalIds.includes(g.id)).map((g) => g.title);
  return (
    <>
      <p>Please check your answers. Use “Change” to go back to a step; nothing is sent until you press the button below.</p>
      <Section step={0} onChange={goTo}>
        <Row term="Program period">{orNotGiven(periodName)}</Row>
        <Row term="Taking part as">{role === '' ? notGiven : role === 'mentor' ? 'Mentor' : 'Mentee'}</Row>
        {account ? (
          <>
            <Row term="Your name">{orNotGiven(account.name)}</Row>
            <Row term="E-mail address">{orNotGiven(account.email)}</Row>
          </>
        ) : null}
        <Row term="Job title">{orNotGiven(draft.jobTitle)}</Row>
        <Row term="Employer">{orNotGiven(draft.employer)}</Row>
        <Row term="Kind of workplace">{draft.workplaceType ? WORKPLACE_TYPE_LABELS[draft.workplaceType] : notGiven}</Row>
        <Row term="Where you are in your career">{draft.careerStage ? CAREER_STAGE_LABELS[draft.careerStage] : notGiven}</Row>
        <Row term="Years of experience">{orNotGiven(draft.yearsExperience)}</Row>
      </Section>
      <Section step={1} onChange={goTo}>
        <Row term="Region">{draft.region ? <RegionName code={draft.region} /> : notGiven}</Row>
        <Row term="Time zone">{draft.timeZone ? timeZoneText(draft.timeZone) : notGiven}</Row>
        <Row term="Meet in person if nearby">{draft.meetInPerson === '' ? notGiven : draft.meetInPerson === 'yes' ? 'Yes' : 'No'}</Row>
        <Row term="Ways to keep in touch">
          {draft.channels.length > 0 ? draft.channels.map((c) => CHANNEL_LABELS[c]).join(', ') : notGiven}
        </Row>
        <Row term="Languages">{orNotGiven(splitList(draft.languages).join(', '))}</Row>
        <Row term="Phone">{orNotGiven(draft.phone)}</Row>
      </Section>
      <Section step={2} onChange={goTo}>
        <Row term="Program goals">{goals.length > 0 ? goals.join('; ') : notGiven}</Row>
        <Row term={isMentor ? 'Areas of expertise' : 'Interests'}>{orNotGiven(splitList(draft.interests).join(', '))}</Row>
        <Row term={isMentor ? 'What you’d like to share' : 'What you hope to gain'}>{orNotGiven(draft.hopes)}</Row>
        {questions.map((q) => (
          <Row key={q.key} term={q.text}>
            {draft.eligibilityAnswers[q.key] === 'yes' ? 'Yes' : draft.eligibilityAnswers[q.key] === 'no' ? 'No' : notGiven}
          </Row>
        ))}
        {isMentor ? <Row term="Number of mentees">{orNotGiven(draft.capacity)}</Row> : null}
        <Row term="Same-gender partner preferred (confidential)">{draft.preferSameGender ? 'Yes' : 'No'}</Row>
        <Row term="Your gender (confidential)">{orNotGiven(draft.gender)}</Row>
        <Row term="For the matching committee (confidential)">{orNotGiven(draft.notes)}</Row>
      </Section>
    </>
  );
}
