import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { focusWhen } from '../../../lib/reorder.ts';

/** What just happened to a request this person answered, kept at page level so it outlives the list item. */
export interface AnsweredNow {
  kind: 'accepted' | 'declined' | 'closed';
  menteeName: string;
  mentorName: string;
  /** Set when the answer made a match. */
  matchId: number | null;
  /** Staff stepped in for the mentor. */
  byStaff: boolean;
}

export const ANSWER_OUTCOME_ID = 'answer-outcome';

/** Moves the focus to the answer once it shows (an empty outcome is hidden, and hidden elements take no focus). */
export function focusAnswerOutcome(): void {
  focusWhen(ANSWER_OUTCOME_ID, () => (document.getElementById(ANSWER_OUTCOME_ID)?.childElementCount ?? 0) > 0);
}

function title(a: AnsweredNow): string {
  if (a.kind === 'accepted') {
    return a.byStaff ? `${a.menteeName} and ${a.mentorName} are a match.` : `You are ${a.menteeName}’s mentor now.`;
  }
  if (a.kind === 'declined')
    return a.byStaff ? `You declined ${a.menteeName}’s request for ${a.mentorName}.` : `You declined ${a.menteeName}’s request.`;
  return `You closed ${a.menteeName}’s request to ${a.mentorName}.`;
}

/**
 * The answer just given, with the way on to the match page after an acceptance. The wrapper takes
 * the focus once it shows (the buttons pressed are gone with the pending request).
 */
export function AnswerOutcome({ answered }: { answered: AnsweredNow | null }) {
  return (
    <div id={ANSWER_OUTCOME_ID} tabIndex={-1} className="answer-outcome">
      {answered ? (
        <Alert tone="success" title={title(answered)}>
          {answered.kind === 'accepted' ? (
            <>
              <p>We’ve e-mailed you both with how to reach each other. Your match has its own page, with the goal sheet.</p>
              {answered.matchId !== null ? (
                <p>
                  <Link to={`/matches/${answered.matchId}`} className="button">
                    {answered.byStaff ? 'Open the match' : `Open your match with ${answered.menteeName}`}
                  </Link>
                </p>
              ) : null}
            </>
          ) : (
            <p>{answered.menteeName} has been told by e-mail and can ask another mentor.</p>
          )}
        </Alert>
      ) : null}
    </div>
  );
}
