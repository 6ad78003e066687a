/**
 * The live NetworkProbe: a TCP connection to each host (through the proxy from the environment, if
 * any), all at once, within one time limit (default 800 ms, name lookup included). A name that does
 * not resolve or a refused connection answers at once; a network that drops packets hits the limit.
 */
import { Effect, Layer } from "effect"
import * as net from "node:net"
import { proxyFrom, type Endpoint } from "../domain/network/remoteHosts.js"
import { NetworkProbe, type NetworkProbeShape, type Reachability } from "../services/NetworkProbe.js"

export interface NetworkProbeOptions {
  readonly timeoutMs?: number | undefined
  /** Name lookup (default: the system's, as Nix's curl uses); tests give one that never answers. */
  readonly lookup?: net.LookupFunction | undefined
  readonly env?: Readonly<Record<string, string | undefined>> | undefined
}

type Attempt = { readonly ok: true; readonly host: string } | { readonly ok: false; readonly host: string; readonly detail: string }

const describe = (e: NodeJS.ErrnoException): string =>
  e.code === "ENOTFOUND" || e.code === "EAI_AGAIN" ? `its name does not resolve (${e.code})`
    : e.code === "ECONNREFUSED" ? "connection refused"
    : e.code === "ENETUNREACH" || e.code === "EHOSTUNREACH" ? `no route to it (${e.code})`
    : e.code ?? e.message

export const makeNetworkProbe = (options: NetworkProbeOptions = {}): NetworkProbeShape => {
  const timeoutMs = options.timeoutMs ?? 800
  const reach = (endpoints: ReadonlyArray<Endpoint>): Effect.Effect<Reachability> =>
    Effect.async<Reachability>((resume) => {
      const t0 = performance.now()
      const ms = () => Math.round(performance.now() - t0)
      const proxy = proxyFrom(options.env ?? process.env)
      const targets = proxy === undefined ? endpoints : [proxy]
      const label = (t: Endpoint) => (proxy === undefined ? t.host : `${t.host}:${t.port} (proxy)`)
      const sockets: Array<net.Socket> = []
      const results: Array<Attempt> = []
      let done = false
      const finish = (r: Reachability) => {
        if (done) return
        done = true
        clearTimeout(timer)
        for (const s of sockets) s.destroy()
        resume(Effect.succeed(r))
      }
      const timer = setTimeout(() => finish({
        _tag: "Unreachable",
        ms: ms(),
        tried: targets.map((t) => results.find((r) => r.host === label(t)) ?? { ok: false, host: label(t), detail: `no answer within ${timeoutMs} ms` })
          .map((r) => ({ host: r.host, detail: r.ok ? "connected" : r.detail }))
      }), timeoutMs)
      const settle = (a: Attempt) => {
        results.push(a)
        if (a.ok) finish({ _tag: "Reachable", host: a.host, ms: ms() })
        else if (results.length === targets.length) {
          finish({ _tag: "Unreachable", ms: ms(), tried: results.map((r) => ({ host: r.host, detail: r.ok ? "connected" : r.detail })) })
        }
      }
      if (targets.length === 0) finish({ _tag: "Reachable", host: "(nothing to reach)", ms: 0 })
      for (const t of targets) {
        const host = label(t)
        const socket = net.connect({ host: t.host, port: t.port, ...(options.lookup ? { lookup: options.lookup } : {}) })
        sockets.push(socket)
        socket.once("connect", () => settle({ ok: true, host }))
        socket.once("error", (e: NodeJS.ErrnoException) => settle({ ok: false, host, detail: describe(e) }))
      }
      return Effect.sync(() => { done = true; clearTimeout(timer); for (const s of sockets) s.destroy() })
    })
  return { reach }
}

export const NetworkProbeLive = Layer.sync(NetworkProbe, () => makeNetworkProbe())
