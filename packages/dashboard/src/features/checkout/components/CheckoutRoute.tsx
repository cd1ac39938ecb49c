import { useParams } from 'react-router'
import { CheckoutPage } from './CheckoutPage'

/** /pay/:token inside the dashboard's router (a merchant following a pay link in the app). */
export function CheckoutRoute() {
  const { token = '' } = useParams()
  return <CheckoutPage token={token} />
}
