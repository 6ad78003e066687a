/** Read what a profile generation contains, from its manifest.json (nix profile) or manifest.nix (nix-env). */
import { Effect, Either } from "effect"
import * as fs from "node:fs/promises"
import * as path from "node:path"
import { CannotServe } from "../../domain/errors.js"
import type { InstalledPackage } from "../../domain/Plan.js"
import { parseManifestJson } from "../../domain/profile/ManifestJson.js"
import { parseManifestNix } from "../../domain/profile/ManifestNix.js"

export type ProfileKind = "profile" | "nix-env"

export interface ProfileContents {
  readonly kind: ProfileKind
  readonly manifest: string
  readonly packages: ReadonlyArray<InstalledPackage>
}

const cannot = (reason: string) => new CannotServe({ backend: "native", reason })

/** The file's text, or undefined when it does not exist. */
const readIfExists = (file: string): Effect.Effect<string | undefined, CannotServe> =>
  Effect.tryPromise({
    try: () => fs.readFile(file, "utf8").catch((e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") return undefined
      throw e
    }),
    catch: (e) => cannot(`cannot read ${file}: ${(e as Error).message}`)
  })

/** `dir` is a generation (a store path) or a profile link: its manifest decides the kind. */
export const readProfileContents = (dir: string): Effect.Effect<ProfileContents, CannotServe> =>
  Effect.gen(function*() {
    for (const [kind, name, parse] of [
      ["profile", "manifest.json", parseManifestJson],
      ["nix-env", "manifest.nix", parseManifestNix]
    ] as const) {
      const manifest = path.join(dir, name)
      const text = yield* readIfExists(manifest)
      if (text === undefined) continue
      const packages = parse(text)
      if (Either.isLeft(packages)) return yield* Effect.fail(cannot(`${manifest}: ${packages.left}`))
      return { kind, manifest, packages: packages.right }
    }
    return yield* Effect.fail(cannot(`no manifest.json or manifest.nix in ${dir}`))
  })
