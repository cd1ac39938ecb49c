/** What an unknown, mistyped or voided pay link shows: nothing about any invoice. */
export function InvalidLink() {
  return (
    <main className="checkout checkout--invalid">
      <title>Payment link not valid</title>
      <h1 className="checkout__title">This payment link is not valid</h1>
      <p className="checkout-muted">
        It may have been mistyped or cancelled. Ask whoever sent it to you for a new link.
      </p>
    </main>
  )
}
