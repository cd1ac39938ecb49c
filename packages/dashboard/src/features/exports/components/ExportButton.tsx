import { API_BASE, toQueryString } from '../../../api/client'
import { DownloadIcon } from '../../../ui/icons'

export interface ExportButtonProps {
  /** The API's export, e.g. "/customers/export.csv". */
  path: string
  /** The list's filters as the API takes them: the file holds exactly what the list shows, every page. */
  filters: Record<string, string | number | boolean | null | undefined>
  label?: string
}

/** A download link for the filtered list as CSV; the session cookie goes along, the browser saves the file. */
export function ExportButton({ path, filters, label = 'Export CSV' }: ExportButtonProps) {
  const { cursor: _cursor, limit: _limit, sort: _sort, ...only } = filters
  return (
    <a className="button button--secondary" href={`${API_BASE}${path}${toQueryString(only)}`} download>
      <DownloadIcon />
      {label}
    </a>
  )
}
