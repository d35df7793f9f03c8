import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { percent } from './survey-words.ts';

/**
 * How many picked each option, as a table whose cells carry a bar: the numbers and the share are
 * written out, so the bars add a picture without saying anything on their own.
 */
export function CountBars({
  counts,
  answered,
  caption,
}: {
  counts: { label: string; count: number }[];
  answered: number;
  caption: string;
}) {
  const most = Math.max(1, ...counts.map((c) => c.count));
  return (
    <TableWrap label={caption}>
      <table className="survey-bars">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Answer</th>
            <th scope="col">People</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((c) => (
            <tr key={c.label}>
              <th scope="row">{c.label}</th>
              <td>
                <span className="survey-bars__cell">
                  <span className="survey-bars__track" aria-hidden="true">
                    <span className="survey-bars__bar" style={{ width: `${(c.count / most) * 100}%` }} />
                  </span>
                  <span className="survey-bars__number">
                    {c.count} ({percent(c.count, answered)})
                  </span>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
