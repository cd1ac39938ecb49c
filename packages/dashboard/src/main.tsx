import { type ReactNode, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

/**
 * A pay link loads only the checkout (no router, shell or session check): a payer's phone downloads React
 * and this page, never the dashboard's own chunk.
 */
async function load(pathname: string): Promise<ReactNode> {
  if (pathname.startsWith('/pay/')) {
    const { CheckoutApp, payTokenOf } = await import('./features/checkout/components/CheckoutApp')
    return <CheckoutApp token={payTokenOf(pathname) ?? ''} />
  }
  if (pathname.startsWith('/l/')) {
    const { PayLinkApp, linkSlugOf } = await import('./features/payment-links/components/PayLinkApp')
    return <PayLinkApp slug={linkSlugOf(pathname) ?? ''} />
  }
  const { App } = await import('./app/App')
  return <App />
}

void load(window.location.pathname).then((app) => createRoot(root).render(<StrictMode>{app}</StrictMode>))
