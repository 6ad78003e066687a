/**
 * Orders of a setting that sit inside a title or a sentence the grammar reads nothing in (issue 13): after
 * an adverb, a file or host prefix, a clause of reasons, before a place ("on all hosts"), or with a verb
 * that means turning a module on ("integrate", "create"). Read as `configure`, asked before it is done;
 * a question gets the plan; a report, a negation or a narration around the same words is never carried out.
 */
import { describe, expect, it } from "vitest"
import { isCarriedOut, type Understood } from "../../src/domain/Intent.js"
import { CONFIDENCE_THRESHOLD } from "../../src/domain/parse/threshold.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"

const fields = (u: Understood) => u.intent as unknown as { readonly _tag: string; readonly text?: string; readonly action?: string }

describe("a setting ordered inside a text", () => {
  for (const [text, words, action] of [
    ["Explicitly enable the printer", "printer", "enable"],
    ["Properly disable bluetooth", "bluetooth", "disable"],
    ["hosts/common.nix: enable avahi on all hosts except the router", "avahi", "enable"],
    ["Make all servers use systemd-boot", "systemd-boot", "enable"],
    ["We keep losing the printer, so we want to enable cups", "cups", "enable"],
    ["integrate syncthing and a backup job", "syncthing", "enable"],
    ["Create a samba share for the media folder", "samba share", "enable"]
  ] as const) {
    it(text, () => {
      const u = parseRequest(text)
      expect(fields(u)._tag, text).toBe("configure")
      expect(fields(u).text, text).toBe(words)
      expect(fields(u).action, text).toBe(action)
      expect(u.question === true, text).toBe(false)
      // found inside other words: asked about before it is done
      expect(u.confidence, text).toBeLessThanOrEqual(CONFIDENCE_THRESHOLD)
    })
  }
  it("nothing that is not a setting or a module is configured", () => {
    for (const text of ["Explicitly create a new folder for photos", "Make all servers use less memory"]) {
      expect(fields(parseRequest(text))._tag, text).not.toBe("configure")
    }
  })
  it("reports, negations and narrations around the same words are never carried out", () => {
    for (const text of [
      "We tried to enable avahi on every machine but it fails",
      "Unable to enable cups on the new laptop",
      "hosts/common.nix: enabling avahi breaks dns",
      "After we enable syncthing the laptop stops working",
      "the module should use systemd-boot on every host"
    ]) {
      expect(isCarriedOut(parseRequest(text)), text).toBe(false)
    }
  })
})
