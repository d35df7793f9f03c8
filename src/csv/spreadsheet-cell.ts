/**
 * Spreadsheets run a cell that starts with = + - @ as a formula, so someone could plant one in a
 * field for staff to open. Excel and LibreOffice also read the fullwidth signs ＝ ＋ － ＠ that way,
 * and skip invisible characters (zero-width spaces, a byte-order mark, control characters) in
 * front of a sign; a cell starting with a tab or a line break is treated alike. A leading
 * apostrophe makes any of these plain text, and the importer removes it again, so an export
 * re-imports unchanged.
 */
const FORMULA_START = String.raw`(?:[\t\r\n]|[\p{Cc}\p{Cf}\p{Zs}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])`;
// A cell that already starts with apostrophes before such a start gets one more, so it survives too.
const NEEDS_GUARD = new RegExp(`^'*${FORMULA_START}`, 'u');
const GUARDED = new RegExp(`^'(?='*${FORMULA_START})`, 'u');

/** The cell as written to a CSV file meant for spreadsheets. */
export function formulaSafe(cell: string): string {
  return NEEDS_GUARD.test(cell) ? `'${cell}` : cell;
}

/** The cell as it was before `formulaSafe`; any other cell is returned as it is. */
export function withoutFormulaGuard(cell: string): string {
  // Most cells do not start with an apostrophe: no regular expression for them.
  return cell.charCodeAt(0) === 0x27 ? cell.replace(GUARDED, '') : cell;
}
