import { useId, useState } from 'react';
import { buttonClass } from './ui/button.tsx';

interface DownloadCsvProps {
  /** The file's address, with or without a byte-order mark. */
  url: (bom: boolean) => string;
  /** What is downloaded, for people who hear the link out of context ("of the applications"); not needed when the label says it. */
  what?: string;
  label?: string;
}

/**
 * "Download CSV", the same on every staff page that has one: a plain link the browser downloads,
 * and a box for people who open the file in Excel, which reads UTF-8 (names with accents, other
 * scripts) only when the file starts with a byte-order mark.
 */
export function DownloadCsv({ url, what, label = 'Download CSV' }: DownloadCsvProps) {
  const [forExcel, setForExcel] = useState(false);
  const id = useId();
  return (
    <span className="download-csv" style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.5rem' }}>
      <a className={buttonClass('secondary', true)} href={url(forExcel)} download>
        {label}
        {what ? <span className="visually-hidden"> {what}</span> : null}
      </a>
      <label className="choice small" htmlFor={id}>
        <input id={id} type="checkbox" checked={forExcel} onChange={(e) => setForExcel(e.target.checked)} />
        for Excel (adds a BOM)
        {/* Several of these on one page: each box says which download it changes. */}
        <span className="visually-hidden">
          : {label}
          {what ? ` ${what}` : ''}
        </span>
      </label>
    </span>
  );
}
