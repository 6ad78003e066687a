/**
 * A setting followed by the state it is in, with no verb ("Numlock on at startup", "Bluetooth off at boot"): a
 * report's title describing what happens, never an order to reach that state (issue 13). The orders with their verb
 * ("enable numlock on boot", "start numlock at boot", "Syncthing at boot") are still read as orders.
 */
import { describe, expect, it } from "vitest"
import { isCarriedOut } from "../../src/domain/Intent.js"
import { parseRequest } from "../../src/domain/parse/parseRequest.js"

describe("a state described without a verb is not an order", () => {
  it("'<setting> on|off|enabled at startup' is never carried out", () => {
    for (const text of ["Numlock on at startup", "Bluetooth on at boot", "wifi off at boot", "numlock enabled at startup"]) {
      const u = parseRequest(text)
      expect(isCarriedOut(u), text).toBe(false)
      expect(u.intent._tag, text).not.toBe("configure")
    }
  })

  it("the orders with a verb, or the setting alone at boot, still turn it on", () => {
    for (const text of ["enable numlock on boot", "start numlock at boot", "syncthing at boot"]) {
      expect(parseRequest(text).intent, text).toMatchObject({ _tag: "configure", action: "enable" })
    }
  })
})
