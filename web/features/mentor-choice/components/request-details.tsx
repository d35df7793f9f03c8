import { CAREER_STAGE_LABELS, WORKPLACE_TYPE_LABELS } from '../../../../src/shared/application-vocabulary.ts';
import { MENTOR_REQUEST_STATUS_LABELS } from '../../../../src/shared/matching-modes.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { formatInstant } from '../../../lib/format-date.ts';
import type { MentorRequest } from '../api/get-my-mentor-requests.ts';
import { answerBy, firstName, yearsInWords } from './choice-words.ts';

export type RequestViewer = 'mentor' | 'mentee' | 'staff';

const STATUS_TONES: Record<MentorRequest['status'], 'info' | 'success' | 'neutral' | 'warning'> = {
  pending: 'info',
  accepted: 'success',
  declined: 'neutral',
  withdrawn: 'neutral',
  expired: 'warning',
  cancelled: 'neutral',
};

export function RequestStatusBadge({ status }: { status: MentorRequest['status'] }) {
  return <Badge tone={STATUS_TONES[status]}>{MENTOR_REQUEST_STATUS_LABELS[status]}</Badge>;
}

/** When it was asked and by when to answer, or when it was settled. */
export function RequestDates({ request: r }: { request: MentorRequest }) {
  return (
    <p className="muted small">
      Asked {formatInstant(r.createdAt)}
      {r.status === 'pending' ? (
        <>
          {' · '}
          <strong className="request__answer-by">Answer by {answerBy(r.expiresAt)}</strong>
        </>
      ) : r.answeredAt ? (
        ` · ${MENTOR_REQUEST_STATUS_LABELS[r.status]} ${formatInstant(r.answeredAt)}`
      ) : null}
    </p>
  );
}

/** What a mentor may know of the mentee who asks: enough to decide, nothing confidential. */
function MenteeGlimpse({ glimpse: g }: { glimpse: NonNullable<MentorRequest['menteeGlimpse']> }) {
  return (
    <dl className="dl request__glimpse">
      <dt>Role</dt>
      <dd>{g.jobTitle}</dd>
      <dt>Career stage</dt>
      <dd>{CAREER_STAGE_LABELS[g.careerStage]}</dd>
      <dt>Workplace</dt>
      <dd>
        {WORKPLACE_TYPE_LABELS[g.workplaceType]}, {yearsInWords(g.yearsExperience)}
      </dd>
      <dt>Interests</dt>
      <dd>{g.interests.length > 0 ? g.interests.join(', ') : '—'}</dd>
      <dt>Goals</dt>
      <dd>{g.goals.length > 0 ? g.goals.join(', ') : '—'}</dd>
      <dt>Languages</dt>
      <dd>{g.languages.length > 0 ? g.languages.join(', ') : '—'}</dd>
      <dt>Where</dt>
      <dd>
        {g.region} · {g.timeZone.replaceAll('_', ' ')} time
      </dd>
      {g.hopes ? (
        <>
          <dt>Hopes for the year</dt>
          <dd>{g.hopes}</dd>
        </>
      ) : null}
    </dl>
  );
}

/**
 * One request's content, below a heading the caller gives (the mentee's name for a mentor): who is
 * asking, their note, why the pair fits, and what became of it. Subheadings are one level below.
 */
export function RequestDetails({
  request: r,
  viewer,
  level,
  compact = false,
}: {
  request: MentorRequest;
  viewer: RequestViewer;
  level: 3 | 4;
  /** Who is asking and why they fit behind a disclosure, for a long list (staff). */
  compact?: boolean;
}) {
  const Sub = level === 3 ? 'h3' : 'h4';
  const mentee = firstName(r.mentee.name);
  const answerNoteTitle =
    r.status === 'cancelled'
      ? 'The program office’s note'
      : viewer === 'mentee'
        ? `${firstName(r.mentor.name)}’s note`
        : 'The note sent with the answer';
  const about = r.menteeGlimpse ? (
    <>
      <Sub className="request__subheading">About {mentee}</Sub>
      <MenteeGlimpse glimpse={r.menteeGlimpse} />
    </>
  ) : null;
  const why =
    r.reasons.length > 0 ? (
      <>
        <Sub className="request__subheading">{viewer === 'mentor' ? 'Why you may fit' : 'Why they may fit'}</Sub>
        <ul className="mentor-card__reasons">
          {r.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      </>
    ) : null;
  return (
    <div className="request">
      <p className="badges">
        <RequestStatusBadge status={r.status} />
      </p>
      <RequestDates request={r} />
      {compact ? null : about}
      <Sub className="request__subheading">{viewer === 'mentee' ? 'Your note' : `${mentee}’s note`}</Sub>
      {r.note ? (
        <blockquote className="request-note">
          <p>{r.note}</p>
        </blockquote>
      ) : (
        <p className="muted">{viewer === 'mentee' ? 'You didn’t add a note.' : `${mentee} didn’t add a note.`}</p>
      )}
      {compact ? null : why}
      {r.answerNote ? (
        <>
          <Sub className="request__subheading">{answerNoteTitle}</Sub>
          <blockquote className="request-note">
            <p>{r.answerNote}</p>
          </blockquote>
        </>
      ) : null}
      {compact && (about || why) ? (
        <details className="request__more">
          <summary>
            About {mentee} and why they may fit<span className="visually-hidden"> with {r.mentor.name}</span>
          </summary>
          {about}
          {why}
        </details>
      ) : null}
    </div>
  );
}
