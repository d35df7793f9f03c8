import { Link } from 'react-router';
import { Card } from '../../../components/ui/card.tsx';
import { useMyLetters } from '../api/get-my-letters.ts';

/** On a mentor's home: their letters of recognition, once a year they mentored has ended. Nothing before. */
export function LettersReadyCard() {
  const letters = useMyLetters();
  const list = letters.data ?? [];
  if (list.length === 0) return null;
  return (
    <Card title={list.length === 1 ? 'Your letter of recognition' : 'Your letters of recognition'}>
      <p>
        Thank you for mentoring in {list.map((l) => l.periodName).join(', ')}. Your {list.length === 1 ? 'letter is' : 'letters are'} ready
        to download, print or share with your employer.
      </p>
      <p className="small">
        <Link to="/letters">{list.length === 1 ? 'Your letter' : 'All your letters'}</Link>
      </p>
    </Card>
  );
}
