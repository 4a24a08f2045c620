/**
 * CSV (RFC 4180) that spreadsheets open safely: every cell quoted when it holds a comma, quote
 * or line break, and a cell a spreadsheet would read as a formula (starting with = + - @, a
 * tab or a carriage return) prefixed with an apostrophe, so a donor's name cannot run code.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV document: a header row and the rows, CRLF line ends. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
