export interface DocumentTitleProps {
  title: string
}

/** The browser tab's title for a page (React 19 hoists <title> into <head>). */
export function DocumentTitle({ title }: DocumentTitleProps) {
  return <title>{`${title} · Coinbook`}</title>
}
