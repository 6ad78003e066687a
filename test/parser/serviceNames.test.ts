/**
 * A daemon named in a configuration's title (issue 13): the name of a NixOS service that no `programs.<name>` module
 * shares (generated from the 2020 option data, grammar/moduleNames.generated.ts), alone or after "add", is that
 * service turned on, asked before it is done, even when the index has a package of that name. Real titles from
 * dev lines of test/corpus/real/issues.tsv.
 */
import { beforeAll, describe, expect, it } from "vitest"
import type { Understood } from "../../src/domain/Intent.js"
import type { NameResolver } from "../../src/domain/parse/NameResolver.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { CONFIDENCE_THRESHOLD } from "../../src/domain/parse/threshold.js"
import { isServiceName } from "../../src/domain/parse/grammar/settings.js"
import { channelNames } from "./channelNames.js"

let names: NameResolver
beforeAll(async () => {
  names = await channelNames()
})

/** The kind, and a configure reading's words. */
const fields = (u: Understood): { readonly _tag: string; readonly text?: string | undefined } =>
  u.intent._tag === "configure" ? u.intent : { _tag: u.intent._tag }

const turnedOn = (text: string, service: string) => {
  const u = parseRequest(text, { names })
  expect(fields(u)._tag, text).toBe("configure")
  expect(fields(u).text, text).toBe(service)
  expect(u.confidence, text).toBeLessThanOrEqual(CONFIDENCE_THRESHOLD)
}

describe("a daemon's name in a configuration's title", () => {
  it("knows the daemons from the option data, not the programs", () => {
    for (const n of ["jellyfin", "nginx", "fwupd", "sddm", "postgresql", "syncthing"]) expect(isServiceName(n), n).toBe(true)
    // (services.emacs is a daemon, but programs.emacs is the program people start; git, neovim are programs only)
    for (const n of ["emacs", "git", "neovim", "firefox"]) expect(isServiceName(n), n).toBe(false)
  })
  it("alone is that service turned on, asked first, though the index has its package", () => {
    turnedOn("jellyfin", "jellyfin")
    turnedOn("nginx", "nginx")
    turnedOn("SDDM", "sddm")
    turnedOn("fwupd.", "fwupd")
  })
  it("after add is that service turned on, asked first", () => {
    turnedOn("add jellyfin", "jellyfin")
    turnedOn("Add postgresql", "postgresql")
  })
  it("a program's name stays a package; install, and a question, stay what they are", () => {
    expect(fields(parseRequest("emacs", { names }))._tag).toBe("info")
    expect(fields(parseRequest("add emacs", { names }))._tag).toBe("install")
    expect(fields(parseRequest("add tmux", { names }))._tag).toBe("install")
    expect(fields(parseRequest("install jellyfin", { names }))._tag).toBe("install")
    expect(fields(parseRequest("what is nginx", { names }))._tag).toBe("info")
    expect(fields(parseRequest("nginx?", { names }))._tag).not.toBe("configure")
  })
})
