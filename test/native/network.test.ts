/**
 * The network probe: which hosts a flake reference needs (pure), and the live probe on real sockets:
 * a refused connection and a name that does not resolve answer at once, a lookup that never answers
 * hits the time limit, a listening socket is reachable, a proxy from the environment is what is asked.
 */
import { describe, expect, it } from "vitest"
import { Effect } from "effect"
import * as net from "node:net"
import { hostsOf, proxyFrom } from "../../src/domain/network/remoteHosts.js"
import { makeNetworkProbe } from "../../src/layers/NetworkProbeLive.js"

describe("hostsOf (pure)", () => {
  it("names the hosts of a flake on the network, and none for a local one", () => {
    const registry = [{ host: "github.com", port: 443 }, { host: "channels.nixos.org", port: 443 }]
    expect(hostsOf("nixpkgs")).toEqual(registry)
    expect(hostsOf("flake:nixpkgs")).toEqual(registry)
    expect(hostsOf("nixpkgs/nixos-24.05")).toEqual(registry)
    expect(hostsOf("github:NixOS/nixpkgs/nixos-unstable")).toEqual([{ host: "github.com", port: 443 }])
    expect(hostsOf("gitlab:x/y")).toEqual([{ host: "gitlab.com", port: 443 }])
    expect(hostsOf("git+https://example.org:8443/repo.git")).toEqual([{ host: "example.org", port: 8443 }])
    expect(hostsOf("https://example.org/nixpkgs.tar.gz")).toEqual([{ host: "example.org", port: 443 }])
    expect(hostsOf("git+ssh://git@example.org/repo")).toEqual([{ host: "example.org", port: 22 }])
    for (const local of ["path:/tmp/pkgs", "/tmp/pkgs", "./pkgs", "git+file:///src/x", "file:///x.tar.gz", "tarball+file:///x.tgz"]) {
      expect(hostsOf(local)).toEqual([])
    }
  })
  it("reads a proxy from the environment, as curl would", () => {
    expect(proxyFrom({ https_proxy: "http://proxy.local:3128" })).toEqual({ host: "proxy.local", port: 3128 })
    expect(proxyFrom({ ALL_PROXY: "proxy.local:8080" })).toEqual({ host: "proxy.local", port: 8080 })
    expect(proxyFrom({})).toBeUndefined()
  })
})

/** A port nothing listens on (bound, then closed). */
const closedPort = () => new Promise<number>((ok) => {
  const s = net.createServer()
  s.listen(0, "127.0.0.1", () => { const p = (s.address() as net.AddressInfo).port; s.close(() => ok(p)) })
})

describe("the live network probe", () => {
  it("a refused connection is unreachable at once", async () => {
    const port = await closedPort()
    const t0 = performance.now()
    const r = await Effect.runPromise(makeNetworkProbe({ env: {} }).reach([{ host: "127.0.0.1", port }]))
    expect(r).toMatchObject({ _tag: "Unreachable", tried: [{ host: "127.0.0.1", detail: "connection refused" }] })
    expect(performance.now() - t0).toBeLessThan(500)
  })

  it("a name that does not resolve is unreachable, well under a second", async () => {
    const t0 = performance.now()
    const r = await Effect.runPromise(makeNetworkProbe({ env: {} }).reach([{ host: "ask-nix-test.invalid", port: 443 }]))
    expect(r).toMatchObject({ _tag: "Unreachable", tried: [{ host: "ask-nix-test.invalid", detail: expect.stringMatching(/does not resolve|no answer/) }] })
    expect(performance.now() - t0).toBeLessThan(1000)
  })

  it("a lookup that never answers (a network that drops packets) stops at the time limit", async () => {
    const never: net.LookupFunction = () => undefined
    const t0 = performance.now()
    // A plain 300 ms timer started with the probe: how late this machine runs timers right now (a busy
    // machine runs both late; the probe must end at its limit, not later than such a timer allows).
    const plain = new Promise<number>((ok) => setTimeout(() => ok(performance.now() - t0), 300))
    const r = await Effect.runPromise(makeNetworkProbe({ env: {}, timeoutMs: 300, lookup: never }).reach([{ host: "github.com", port: 443 }, { host: "channels.nixos.org", port: 443 }]))
    const ms = performance.now() - t0
    const late = (await plain) - 300
    expect(r).toMatchObject({ _tag: "Unreachable", tried: [{ host: "github.com", detail: "no answer within 300 ms" }, { host: "channels.nixos.org", detail: "no answer within 300 ms" }] })
    expect(ms).toBeGreaterThanOrEqual(290)
    expect(ms, `timers ran ${Math.round(late)} ms late`).toBeLessThan(900 + late)
  })

  it("one host that answers is enough; a proxy from the environment is the one asked", async () => {
    const server = net.createServer((c) => c.destroy())
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", () => ok()))
    const port = (server.address() as net.AddressInfo).port
    try {
      const closed = await closedPort()
      const r = await Effect.runPromise(makeNetworkProbe({ env: {} }).reach([{ host: "127.0.0.1", port: closed }, { host: "127.0.0.1", port }]))
      expect(r._tag).toBe("Reachable")
      const viaProxy = await Effect.runPromise(makeNetworkProbe({ env: { https_proxy: `http://127.0.0.1:${closed}` } }).reach([{ host: "127.0.0.1", port }]))
      expect(viaProxy).toMatchObject({ _tag: "Unreachable", tried: [{ host: `127.0.0.1:${closed} (proxy)`, detail: "connection refused" }] })
    } finally {
      server.close()
    }
  })
})
