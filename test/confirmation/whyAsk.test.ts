/** whyAsk: every reason a change waits for a yes, decided in one place (pure). */
import { describe, expect, it } from "vitest"
import { whyAsk } from "../../src/domain/confirmation/whyAsk.js"
import { Install, type Understood } from "../../src/domain/Intent.js"
import type { Plan } from "../../src/domain/Plan.js"

const understood = (over: Partial<Understood> = {}): Understood =>
  ({ intent: new Install({ packages: ["hello"] }), confidence: 0.95, notes: [], corrections: [], ...over })
const plan = (over: Partial<Plan> = {}): Plan => ({
  backend: "test", intent: new Install({ packages: ["hello"] }), notes: [],
  steps: [{ argv: ["nix", "profile", "install", "hello"], mutating: true }], ...over
})

describe("whyAsk", () => {
  it("before planning: a corrected package name only", () => {
    const typo = understood({ corrections: [{ from: "hellp", to: "hello" }] })
    expect(whyAsk(typo, "install hellp")?.refusal).toMatch(/"hellp" is not a package I know; the nearest name is hello\. Nothing was changed\..*--yes/)
    expect(whyAsk(typo, "install hellp")?.ask).toMatch(/Install hello\?$/)
    expect(whyAsk(understood({ corrections: [{ from: "intsall", to: "install" }] }), "intsall hello")).toBeUndefined()
    expect(whyAsk(understood({ confidence: 0.6 }), "include hello")).toBeUndefined()
  })

  it("with the plan: an unsure reading (at the threshold too), else the plan's own reason; nothing for a plan without steps", () => {
    expect(whyAsk(understood({ confidence: 0.6 }), "include hello", plan())?.refusal).toMatch(/I am not sure what you meant by "include hello".*Rephrase/)
    expect(whyAsk(understood(), "undo", plan({ confirm: "The last change was elsewhere." }))?.refusal)
      .toBe("The last change was elsewhere. Nothing was changed. To go ahead, run it again with --yes.")
    expect(whyAsk(understood({ confidence: 0.6 }), "x", plan({ steps: [], confirm: "why" }))).toBeUndefined()
    expect(whyAsk(understood(), "install hello", plan())).toBeUndefined()
  })
})
