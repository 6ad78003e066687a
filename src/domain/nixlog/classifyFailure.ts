/**
 * Maps a failed Nix command (its argv, exit code and stderr) to the typed error that tells a person
 * what went wrong and how to fix it. Works on plain stderr and on internal-json logs, Nix 2.8 to 2.26+.
 */
import {
  BuildFailed, ExperimentalFeatureDisabled, ManifestUnsupported, NixFailed, NixpkgsUnreachable, NoChannel, PackageNotAllowed, PackageNotFound, ProfileLocked,
  ProfileNotWritable, type ServeError
} from "../errors.js"
import { parseLog } from "./LogParser.js"
import { parseRefusal } from "../restrictions/Restriction.js"
import { parseDrvName } from "../profile/drvName.js"

export interface Failure {
  readonly argv: ReadonlyArray<string>
  readonly exitCode: number
  readonly stderr: ReadonlyArray<string>
  /** The profile the command worked on, for messages. */
  readonly profile?: string | undefined
}

interface Texts {
  /** Error messages (level 0), one entry per message (may span lines). */
  readonly errors: ReadonlyArray<string>
  /** Build log lines (from internal-json results or plain stderr). */
  readonly log: ReadonlyArray<string>
  /** Every line a person would see. */
  readonly all: ReadonlyArray<string>
}

const texts = (stderr: ReadonlyArray<string>): Texts => {
  const errors: Array<string> = []
  const log: Array<string> = []
  const all: Array<string> = []
  for (const e of parseLog(stderr)) {
    switch (e._tag) {
      case "NixError": errors.push(e.text); all.push(...e.text.split("\n")); break
      case "BuildLogLine": log.push(e.line); all.push(e.line); break
      case "Message": if (e.level <= 3) all.push(e.text); break
      case "RawLine":
        all.push(e.line)
        if (/^error:/.test(e.line)) errors.push(e.line)
        else if (!/^(warning|building|these|this|installing|  \/nix\/store)/.test(e.line)) log.push(e.line)
        break
      default: break
    }
  }
  return { errors, log, all }
}

const argAfter = (argv: ReadonlyArray<string>, flags: ReadonlyArray<string>): string | undefined => {
  const i = argv.findIndex((a) => flags.includes(a))
  return i >= 0 ? argv[i + 1] : undefined
}

const firstLine = (text: string): string =>
  text.split("\n").map((l) => l.replace(/^error:\s*/, "").trim()).find((l) => l !== "" && !l.startsWith("…")) ?? text

const nameFromMissing = (msg: string): string | undefined => {
  const sel = /attribute '([^']+)' in selection path '([^']+)' not found/.exec(msg)
  if (sel) return sel[2]
  const flake = /does not provide attribute (?:'[^']*?\.([^'.]+)'|'([^']+)')/.exec(msg)
  if (flake) return flake[1] ?? flake[2]
  const sel2 = /selector '([^']+)' matches no derivations/.exec(msg)
  if (sel2) return sel2[1]
  const attr = /attribute '([^']+)' missing/.exec(msg)
  if (attr) return attr[1]
  return undefined
}

const whereFrom = (argv: ReadonlyArray<string>, msg: string): string | undefined => {
  const flake = /flake '([^']+)'/.exec(msg)
  if (flake) return flake[1]
  return argAfter(argv, ["-f", "--file"])
}

export const classifyFailure = (f: Failure): ServeError => {
  const t = texts(f.stderr)
  const msg = t.errors.join("\n")
  const profile = f.profile ?? argAfter(f.argv, ["--profile", "-p"]) ?? "your profile"

  const feature = /experimental Nix feature '([^']+)' is disabled/.exec(msg)
  if (feature) return new ExperimentalFeatureDisabled({ feature: feature[1]! })

  // Newer Nix prints it as a nested error ("… while evaluating" first), indented.
  const refused = parseRefusal(msg) ?? parseRefusal(t.all.join("\n"))
  if (refused) {
    // `nix` without -f evaluates a flake (pure: the environment is not seen without --impure).
    const flake = f.argv[0] === "nix" && !f.argv.includes("-f") && !f.argv.includes("--file")
    return new PackageNotAllowed({
      name: parseDrvName(refused.drvName).name || refused.drvName, drvName: refused.drvName,
      restriction: refused.restriction, evaluation: flake ? "flake" : "impure"
    })
  }

  // No network: "unable to download 'https://...': Couldn't resolve host name (6)" and the like.
  const download = /unable to download '([^']+)': ([^\n]*?(?:resolve|connect|Timeout|timed out|Network is unreachable|No route)[^\n]*)/i.exec(msg)
  if (download) return new NixpkgsUnreachable({ source: download[1]!, detail: download[2]!.trim() })

  const channel = /file '(nixpkgs[^']*)' was not found in the Nix search path[^\n]*/.exec(msg)
  if (channel) return new NoChannel({ detail: `Nix looked for <${channel[1]}> in NIX_PATH and ~/.nix-defexpr/channels` })

  const missing = nameFromMissing(msg)
  if (missing !== undefined) return new PackageNotFound({ name: missing, suggestions: [], where: whereFrom(f.argv, msg) })

  const build = /(?:builder for|Cannot build) '(\/nix\/store\/[^']+\.drv)'/.exec(msg)
  if (build) {
    const inline = /Last \d+ log lines:\n([\s\S]*)/.exec(msg)?.[1]?.split("\n").map((l) => l.replace(/^\s*>\s?/, "")).filter((l) => l.trim() !== "")
    const logTail = (t.log.length > 0 ? t.log : inline ?? []).slice(-10)
    return new BuildFailed({ derivation: build[1]!, logTail })
  }

  if (/could not acquire lock|Resource temporarily unavailable|waiting for lock/.test(msg)) return new ProfileLocked({ profile })
  if (/Permission denied|Read-only file system|Operation not permitted/.test(msg)) {
    return new ProfileNotWritable({ profile, detail: firstLine(msg) })
  }
  const manifest = /(?:unsupported|unknown) (?:profile )?manifest version '?(\d+)'?|profile manifest .* version (\d+)/i.exec(msg)
  if (manifest || /is incompatible with 'nix-env'|is incompatible with 'nix profile'/.test(msg)) {
    const v = manifest ? Number(manifest[1] ?? manifest[2]) : undefined
    return new ManifestUnsupported({ profile, version: v, detail: firstLine(msg) })
  }

  return new NixFailed({
    argv: [...f.argv],
    exitCode: f.exitCode,
    message: msg === "" ? `${f.argv[0] ?? "command"} failed` : firstLine(msg),
    stderrTail: t.all.filter((l) => l.trim() !== "").slice(-12)
  })
}
