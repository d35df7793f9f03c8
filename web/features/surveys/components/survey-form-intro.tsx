import { formatDate } from '../../../lib/format-date.ts';
import { privacyWords } from './survey-words.ts';

/**
 * What someone answering reads first: the program office's introduction, until when the survey
 * is open, that they can stop and come back, and plainly who will see their answers.
 */
export function SurveyFormIntro({
  intro,
  closesOn,
  named,
  minGroupSize,
}: {
  intro: string;
  closesOn: string;
  named: boolean;
  minGroupSize: number | undefined;
}) {
  return (
    <>
      {intro ? <p className="survey-intro">{intro}</p> : null}
      <p>
        <strong>Open until {formatDate(closesOn)}.</strong> Your answers are saved as you go, so you can stop at any point and come back to
        them until then.
      </p>
      <p>{privacyWords(named, minGroupSize)}</p>
    </>
  );
}
