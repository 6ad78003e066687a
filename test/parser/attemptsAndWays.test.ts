/**
 * Forms of language that real requests take, read as a whole form rather than one line (issue 13): a way, a
 * method or a command to do something is a question about doing it, whatever the action's verb; an attempt
 * told ("Trying to ...", "I'm trying to ... but I don't know how") or a search for the way ("Looking for a
 * way to ...") asks the task; a person's own setup told in the present ("We use pipewire instead of
 * pulseaudio"), a command or a flag asked of a tool ("Add a list-generations command to darwin-rebuild"),
 * support taken out of code ("remove python2 support") and a revert's title without its quotes ("Revert
 * enable printing") are never carried out; an adverb is never a package ("install ripgrep declaratively").
 * The sentences are written for these tests, not taken from the real-request corpus.
 */
import { describe, expect, it } from "vitest"
import { isCarriedOut, isMutating } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"
import { channelNames } from "./channelNames.js"
import { packagesOf, notDone } from "./readings.js"

/** Read as a question about `kind` (with these packages, when given): its plan is the answer, never carried out. */
const asked = (text: string, kind: string, packages?: ReadonlyArray<string>): void => {
  const u = parseRequest(text)
  expect(u.intent._tag, text).toBe(kind)
  expect(u.question, text).toBe(true)
  expect(isCarriedOut(u), text).toBe(false)
  if (packages !== undefined) expect(packagesOf(u), text).toEqual(packages)
}

describe("a way to do something is asked, whatever the action's verb", () => {
  it("'the best way to free disk space' is the clean-up asked, not a search for a 'way to free disk space'", () => {
    asked("What is the best way to free disk space?", "clean")
    asked("What is the best way to free disk space on NixOS?", "clean")
  })

  it("a way to look something up is still a lookup, and a program for a task is still searched for", () => {
    expect(parseRequest("what is the best app to edit photos").intent._tag).toBe("search")
  })
})

describe("an attempt told, or a search for the way, asks the task", () => {
  it("'Trying to ...' names the task; its plan answers it", () => {
    asked("Trying to install ripgrep", "install", ["ripgrep"])
    asked("Trying to rollback to previous generation", "rollback")
  })

  it("'Looking for a way to ...' asks the way", () => {
    asked("Looking for a way to install ripgrep", "install", ["ripgrep"])
    asked("looking for a way to remove old generations", "clean")
  })

  it("'I'm trying to ...' tells an attempt: asked, never an order", () => {
    asked("I am trying to install ripgrep", "install", ["ripgrep"])
    asked("I tried to remove vim", "remove", ["vim"])
    asked("I'm trying to rollback to previous working configuration", "rollback")
  })

  it("'... but I don't know how' asks the task before it", () => {
    asked("I'm trying to install ripgrep but I don't know how", "install", ["ripgrep"])
    asked("I want to delete old generations but I have no idea how to do it", "clean")
  })

  it("a need with no obstacle is still an order", () => {
    const u = parseRequest("I want to install ripgrep")
    expect(u.intent._tag).toBe("install")
    expect(u.question).not.toBe(true)
  })
})

describe("statements, wishes to a tool's authors and reverts are never carried out", () => {
  it("a person's own setup, told in the present, is a statement", () => {
    notDone("We use pipewire instead of pulseaudio")
    notDone("They use flakes")
    notDone("I switch to zsh")
    // the order itself still reads as one (asked first: it replaces another setting)
    expect(parseRequest("Use pipewire instead of pulseaudio").intent._tag).toBe("configure")
  })

  it("a command, a subcommand or a flag added to a tool is a change to its code", () => {
    notDone("Add garbage collection command to the cli")
    notDone("Add `nh clean` subcommand")
    notDone("Add a command to list generations")
  })

  it("support taken out of code is a change to it, not a removal of a package", () => {
    notDone("remove python2 support")
    notDone("Drop support for python2")
    expect(isCarriedOut(parseRequest("remove python2"))).toBe(true)
  })

  it("a revert's title, with or without its quotes, undoes a change to code", () => {
    notDone("Revert enable printing")
    notDone("revert add firefox")
    notDone('Revert "enable printing"')
    // a generation or an update reverted is a rollback
    expect(parseRequest("revert to generation 5").intent._tag).toBe("rollback")
  })
})

describe("an adverb is never a package", () => {
  it("'declaratively', 'imperatively' say how, and are left out", async () => {
    const names = await channelNames()
    for (const text of ["install ripgrep declaratively", "install ripgrep imperatively"]) {
      const u = parseRequest(text, { names })
      expect(u.intent._tag, text).toBe("install")
      expect(isMutating(u.intent), text).toBe(true)
      expect(packagesOf(u), text).toEqual(["ripgrep"])
    }
  })
})
