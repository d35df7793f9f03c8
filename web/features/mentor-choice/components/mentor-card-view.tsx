import { useId } from 'react';
import type { ReactNode } from 'react';
import { WORKPLACE_TYPE_LABELS } from '../../../../src/shared/application-vocabulary.ts';
import type { MentorCard } from '../api/get-my-suggestions.ts';
import { firstName, initials, yearsInWords } from './choice-words.ts';

/** The mentor's photo with its description, or their initials (the name is right beside them). */
export function MentorPhoto({ card }: { card: MentorCard }) {
  if (card.photoUrl) {
    return <img className="mentor-photo" src={card.photoUrl} alt={card.photoAlt} width={96} height={96} loading="lazy" />;
  }
  return (
    <span className="mentor-photo mentor-photo--initials" aria-hidden="true">
      {initials(card.name)}
    </span>
  );
}

interface MentorCardViewProps {
  card: MentorCard;
  /** Badges under the name (fit, demand, places). */
  badges?: ReactNode;
  /** A line under the badges saying what they mean. */
  note?: ReactNode;
  /** After the card's facts: the reasons, and what the mentee can do. */
  children?: ReactNode;
  className?: string;
}

/**
 * A mentor's card, as a mentee sees it before a match: who they are, where they work and what
 * they offer. Never an e-mail address, a phone number or anything confidential (the server
 * leaves those out). The name is a level-3 heading, its parts level 4.
 */
export function MentorCardView({ card, badges, note, children, className }: MentorCardViewProps) {
  const id = useId();
  const first = firstName(card.name);
  return (
    <article className={['mentor-card', className].filter(Boolean).join(' ')} aria-labelledby={id}>
      <div className="mentor-card__head">
        <MentorPhoto card={card} />
        <div className="mentor-card__who">
          <h3 id={id} className="mentor-card__name">
            {card.name}
          </h3>
          <p className="mentor-card__role">{card.jobTitle}</p>
        </div>
      </div>
      {badges ? <div className="badges mentor-card__badges">{badges}</div> : null}
      {note ? <p className="small mentor-card__note">{note}</p> : null}
      <dl className="mentor-card__facts">
        <dt>Workplace</dt>
        <dd>{WORKPLACE_TYPE_LABELS[card.workplaceType]}</dd>
        <dt>Experience</dt>
        <dd>{yearsInWords(card.yearsExperience)}</dd>
        <dt>Expertise</dt>
        <dd>{card.expertise.length > 0 ? card.expertise.join(', ') : '—'}</dd>
        <dt>Languages</dt>
        <dd>{card.languages.length > 0 ? card.languages.join(', ') : '—'}</dd>
        <dt>Where</dt>
        <dd>
          {card.region} · {card.timeZone.replaceAll('_', ' ')} time
        </dd>
      </dl>
      <h4 className="mentor-card__subheading">What {first} offers</h4>
      {card.offer ? (
        <p className="mentor-card__offer">{card.offer}</p>
      ) : (
        <p className="muted mentor-card__offer">{first} hasn’t written this yet.</p>
      )}
      {children}
    </article>
  );
}
