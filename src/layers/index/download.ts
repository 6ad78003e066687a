/**
 * Downloads a file into memory with Node's fetch, reporting progress (bytes received, and the total when the
 * server says). Interruptible: Ctrl-C aborts the request. Failures are ImportFailed saying what went wrong.
 */
import { Effect } from "effect"
import { ImportFailed } from "../../domain/errors.js"

export interface DownloadProgress {
  readonly received: number
  readonly total: number | null
}

/** At most this often (ms) a progress report, besides the first and the last. */
const REPORT_EVERY_MS = 100

export const download = (url: string, onProgress: (p: DownloadProgress) => void): Effect.Effect<Buffer, ImportFailed> =>
  Effect.tryPromise({
    try: async (signal) => {
      const res = await fetch(url, { signal, redirect: "follow" })
      if (!res.ok) throw new DownloadError(`the server answered ${res.status} ${res.statusText}`.trim())
      const length = Number(res.headers.get("content-length"))
      const total = Number.isFinite(length) && length > 0 ? length : null
      const chunks: Array<Uint8Array> = []
      let received = 0
      let last = 0
      onProgress({ received, total })
      if (res.body !== null) {
        for await (const chunk of res.body) {
          chunks.push(chunk)
          received += chunk.length
          const now = Date.now()
          if (now - last >= REPORT_EVERY_MS) { last = now; onProgress({ received, total }) }
        }
      }
      if (total !== null && received !== total) throw new DownloadError(`the download stopped after ${received} of ${total} bytes`)
      onProgress({ received, total })
      return Buffer.concat(chunks)
    },
    catch: (e) => new ImportFailed({
      path: url,
      detail: e instanceof DownloadError ? e.message
        : `cannot download it (${e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e)}); check the address and your network, or use --from with a file you downloaded`
    })
  })

class DownloadError extends Error {}
