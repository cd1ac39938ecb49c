import { useParams } from 'react-router'
import { PayLinkPage } from './PayLinkPage'

/** /l/:slug inside the dashboard's router (a merchant following their own link in the app). */
export function PayLinkRoute() {
  const { slug = '' } = useParams()
  return <PayLinkPage slug={slug} />
}
