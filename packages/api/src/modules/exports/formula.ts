/**
 * What a spreadsheet would run as a formula when a cell starts with it (OWASP's list), also behind
 * apostrophes already there: "'=x" is written "''=x", so the import's unguard gives "'=x" back.
 */
const FORMULA = /^'*[=+\-@\t\r]/

/**
 * Makes a cell safe to open in a spreadsheet: a value that would start a formula ("=HYPERLINK(…)",
 * "+1 555…", "@SUM") gets a leading apostrophe, which spreadsheets show as text. An import takes the
 * apostrophe off again (see unguard), so exported files import back unchanged.
 */
export function neutralise(value: string): string {
  return FORMULA.test(value) ? `'${value}` : value
}
