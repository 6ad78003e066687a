/**
 * `describeNix("name", (nix) => ...)`: one describe block per real Nix installation. Without Nix the
 * block is skipped on a developer machine; with ASK_NIX_REQUIRE_NIX=1 (CI) a missing Nix is a failure.
 */
import { describe, it } from "vitest"
import { missingNixes, nixInstalls, requireNix, type NixInstall } from "./nixInstalls.js"

export const describeNix = (name: string, body: (nix: NixInstall) => void): void => {
  if (requireNix && missingNixes.length > 0) {
    describe(name, () => {
      it("has every Nix the CI requires", () => {
        throw new Error(`ASK_NIX_REQUIRE_NIX=1 but no working Nix in: ${missingNixes.join(", ")}`)
      })
    })
  }
  if (nixInstalls.length === 0) {
    describe.skip(`${name} (no Nix on this machine)`, () => {
      it("needs Nix", () => undefined)
    })
    return
  }
  for (const nix of nixInstalls) describe(`${name} [nix ${nix.version}]`, () => body(nix))
}
