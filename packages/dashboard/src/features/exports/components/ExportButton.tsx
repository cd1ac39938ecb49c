import { API_BASE, toQueryString } from '../../../api/client'
import { DownloadIcon } from '../../../ui/icons'

export interface ExportButtonProps {
  /** The API's export without its extension, e.g. "/customers/export" (for export.csv and export.jsonl). */
  path: string
  /** The list's filters and sort as the API takes them: the file holds exactly what the list shows, every page, in its order. */
  filters: Record<string, string | number | boolean | null | undefined>
}

/**
 * Download links for the filtered list, as CSV (for spreadsheets) or JSON Lines (one API object a line,
 * for scripts), side by side as a split button; the session cookie goes along, the browser saves the file.
 */
export function ExportButton({ path, filters }: ExportButtonProps) {
  const { cursor: _cursor, limit: _limit, ...only } = filters
  const query = toQueryString(only)
  return (
    // biome-ignore lint/a11y/useSemanticElements: two links, not form controls for a <fieldset>
    <div className="button-group" role="group" aria-label="Export">
      <a className="button button--secondary" href={`${API_BASE}${path}.csv${query}`} download>
        <DownloadIcon />
        Export CSV
      </a>
      <a
        className="button button--secondary"
        href={`${API_BASE}${path}.jsonl${query}`}
        download
        aria-label="Export JSON Lines"
        title="Export as JSON Lines: one JSON object a line, as the API returns it"
      >
        JSON Lines
      </a>
    </div>
  )
}
