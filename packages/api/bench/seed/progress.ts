const fmt = new Intl.NumberFormat('en-US')

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--'
  const s = Math.max(0, Math.round(seconds))
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`
}

/**
 * A progress bar on stderr: redrawn in place on a terminal, one line every few seconds otherwise (CI logs),
 * so stdout stays clean for the summary.
 */
export class Progress {
  private done = 0
  private readonly started = performance.now()
  private lastDraw = 0
  private readonly tty = process.stderr.isTTY === true

  constructor(
    private readonly total: number,
    private readonly label: string,
  ) {}

  add(rows: number): void {
    this.done += rows
    const now = performance.now()
    if (now - this.lastDraw >= (this.tty ? 200 : 5000) || this.done >= this.total) {
      this.lastDraw = now
      this.draw(now)
    }
  }

  finish(): { rows: number; seconds: number; rowsPerSecond: number } {
    const seconds = (performance.now() - this.started) / 1000
    if (this.tty) process.stderr.write('\n')
    return { rows: this.done, seconds, rowsPerSecond: this.done / seconds }
  }

  private draw(now: number): void {
    const seconds = (now - this.started) / 1000
    const rate = this.done / Math.max(seconds, 1e-3)
    const share = this.total === 0 ? 1 : this.done / this.total
    const width = 30
    const filled = Math.round(share * width)
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`
    const line =
      `${this.label} ${bar} ${(share * 100).toFixed(1).padStart(5)}%  ` +
      `${fmt.format(this.done)}/${fmt.format(this.total)}  ${fmt.format(Math.round(rate))} rows/s  ` +
      `ETA ${duration((this.total - this.done) / rate)}`
    process.stderr.write(this.tty ? `\r${line}\x1b[K` : `${line}\n`)
  }
}
