export interface SseEvent {
  event: string
  data: string
  id?: string
}

/** Reads a text/event-stream body the way EventSource does: events split by blank lines, comments kept. */
export function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  const comments: string[] = []
  async function next(timeoutMs = 10_000): Promise<SseEvent | null> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const end = buffer.indexOf('\n\n')
      if (end !== -1) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const ev: SseEvent = { event: 'message', data: '' }
        const data: string[] = []
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) comments.push(line)
          else if (line.startsWith('event: ')) ev.event = line.slice(7)
          else if (line.startsWith('data: ')) data.push(line.slice(6))
          else if (line.startsWith('id: ')) ev.id = line.slice(4)
        }
        if (data.length === 0) continue
        ev.data = data.join('\n')
        return ev
      }
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`no event within ${timeoutMs} ms`)
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('read timed out')), left)),
      ])
      if (chunk.done) return null
      buffer += decoder.decode(chunk.value, { stream: true })
    }
  }
  return { next, comments, cancel: () => reader.cancel() }
}
