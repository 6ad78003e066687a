/**
 * Can a plan's root steps run, and how: directly (root, or no elevation wanted), streamed through
 * sudo/doas/run0 that needs no password, or with the terminal attached for a password prompt.
 * No terminal and no rights fails at once with PrivilegeRequired instead of hanging on a prompt.
 */
import { Effect } from "effect"
import { PrivilegeRequired } from "../../../domain/errors.js"
import type { NixShape } from "../../../services/Nix.js"
import { nonInteractiveProbe, type Elevation } from "../../../domain/system/Elevation.js"

export type Access = "direct" | "stream" | "interactive"

const probeTimeoutMs = 10_000

export const checkAccess = (
  nix: NixShape,
  elevation: Elevation,
  needsRoot: boolean,
  terminal: boolean
): Effect.Effect<Access, PrivilegeRequired> => {
  if (!needsRoot || elevation.kind === "root" || elevation.kind === "none") return Effect.succeed("direct")
  const tool = elevation.tool
  if (tool === undefined) {
    return Effect.fail(new PrivilegeRequired({
      detail: "Changing the system needs root, and there is no sudo, doas or run0 on PATH. Run ask-nix as root. Nothing was changed."
    }))
  }
  return nix.exec({ argv: nonInteractiveProbe(tool), mutating: false, timeoutMs: probeTimeoutMs }).pipe(
    Effect.map((r) => r.exitCode === 0),
    Effect.orElseSucceed(() => false),
    Effect.flatMap((ok): Effect.Effect<Access, PrivilegeRequired> =>
      ok
        ? Effect.succeed("stream")
        : terminal
          ? Effect.succeed("interactive")
          : Effect.fail(new PrivilegeRequired({
            detail: `Changing the system needs root: ${tool} wants a password and there is no terminal to type it in. ` +
              `Run this in a terminal, run ask-nix as root, or allow it without a password (${tool} -n true must succeed). Nothing was changed.`
          })))
  )
}
