/**
 * Titles of changes to code, as maintainers write them in commits, pull requests and change logs
 * (nixpkgs' documented convention, pkgs/README.md and CONTRIBUTING.md: "firefox: 120.0 -> 121.0",
 * "hello: init at 2.12", "nixos/sshd: add option ...", and the conventional-commit form "feat(home): add
 * emacs"). They say what a change to a package's or a module's code does; read as an order they would
 * install "meta.mainProgram" or update everything ("home-manager: update to latest").
 *
 * `changeTitle` recognises the forms; `readChangeTitle` decides what a reading that would act becomes:
 * - a version change ("x: 1.0 -> 1.1", "init at 2.0") is a change to nixpkgs: not an order;
 * - git's title of a revert ('Revert "enable zram"') and a component's own default ("zram: enable by default",
 *   "ssh: default to enabled") say what a change to code does: not an order;
 * - an order with a target version ("update vim to 9.0.1", "bump firefox to 121"): ask-nix updates to
 *   what the channel has, so the plan is shown as an answer, never carried out;
 * - "component: order": an order about packages the index knows, other than the component ("hosts/laptop:
 *   add firefox", "feat(pkgs): add ripgrep": the author's own configuration) is asked about first; an order
 *   about the component itself or about things that are not packages is a change to its code: not an order.
 */
import { lean } from "./leanRegExp.js"
import { isCarriedOut, type Understood } from "../Intent.js"
import { unknown } from "./draft.js"
import type { NameResolver } from "./NameResolver.js"
import { CONFIDENCE_THRESHOLD } from "./threshold.js"
import { normalize } from "./normalize.js"
import { scheduledSetting } from "./scheduledOrder.js"
import { QUESTION_NOTE, understand } from "./understand.js"

export type ChangeTitle =
  /** a package's version or a security fix changed in nixpkgs */
  | { readonly form: "version change" }
  /** git's revert of an earlier change, or the default a component gets */
  | { readonly form: "code change" }
  | { readonly form: "version target"; readonly version: string }
  | { readonly form: "component"; readonly component: string; readonly conventional: boolean; readonly rest: string }

const VERSION = String.raw`v?\d[\w.+~-]*`
/** "120.0 -> 121.0", "`3.3.3` -> `3.3.4`", "unstable-2023-01-01 → unstable-2023-02-01". */
const ARROW = new RegExp(String.raw`(?:${VERSION}|unstable-\S+|\S+-\d[\w.-]*)\s*(?:->|→|=>|⟶|⇒|➔)\s*(?:${VERSION}|unstable-\S+)`, "i")
/** "hello: init at 2.12", "Init: {a, b} at 0.34.5", "nixos/tests/firefox: init". */
const INIT = new RegExp(String.raw`\binit(?:ialize|ialise)?\b:?(?:\s+\S+){0,4}?\s+at\s+${VERSION}|^[^\s:]+:\s*init\s*$`, "i")
/** "vlc: add patch for CVE-2023-1234": a security fix, made in nixpkgs. */
const CVE = /\bCVE-\d{4}-\d{4,}\b/i
/** "firefox 120 to 121", "from 3.11 to 3.12": two versions, the old and the new. */
const PAIR = new RegExp(String.raw`(?:^|\s)(?:from\s+)?${VERSION}\s+to\s+${VERSION}(?=$|[\s,.;!?)])`, "i")
/** "update vim to 9.0.1", "Bump firefox from 120 to 121", "upgrade python 3.11 to v3.12": a version asked for. */
const TARGET = new RegExp(String.raw`\b(?:update|updates|updated|updating|upgrade|upgrades|upgraded|upgrading|bump|bumps|bumped|bumping)\b((?:\s+\S+){0,5}?)\s+to\s+(?:version\s+|release\s+)?(${VERSION})(?=$|[\s,.;!?)])`, "i")
/**
 * git's own title of a revert: 'Revert "enable zram"', also copied without its quotes ("Revert enable zram",
 * "revert add firefox"): the order after it is the change being undone, not an order (a generation or an
 * update reverted, "revert to generation 5", "revert the last update", is a rollback, read elsewhere).
 */
const REVERT = lean(/^\s*revert\s+(?:["'“]|(?:enable|enables|disable|disables|add|adds|install|installs|use|uses|set|sets|switch|bump|bumps|drop|drops|move|moves|replace|replaces|turn on|turn off)\b)/i)
/** After "component:", its own default with nothing else named: "enable by default", "default to enabled", "on by default". */
const OWN_DEFAULT = /^(?:(?:enable|disable|turn on|turn off|switch on|switch off)d?(?: it)? by default|default(?:s|ing)? to (?:on|off|enabled?|disabled?|true|false)|(?:on|off|enabled|disabled) by default)\s*[.!]?$/i
/** "switch generation to 2": a number after these is not a version. */
const NOT_A_VERSION_AFTER = /\b(?:generation|generations|gen|gens|number|#)$/i

/** Commit types of the conventional-commit form, and emoji codes (":bug:"): the author's own repository. */
const CONVENTIONAL = /^(?:feat|feature|fix|bugfix|hotfix|chore|refactor|refac|docs?|style|tests?|perf|build|ci|revert|misc|deps|cleanup|release|todo|:[a-z0-9_+-]+:)$/i
/**
 * Words before a colon that label a part of a post, a shell or a platform, or that are ask-nix's own
 * orders ("install: firefox, git"), not a component of code.
 */
const LABELS = /^(?:edit\d*|update\d*|solved|resolved|note|notes|ps|tldr|context|problem|goal|summary|example|tip|answer|solution|workaround|status|result|expected|actual|steps?|question|q|a|re|fwd|help|bug|request|issue|error|warning|fatal|trace|hint|debug|why|how|what|ok|okay|also|so|but|and|then|now|yes|no|hi|hello|hey|thanks|bash|zsh|sh|fish|nu|dash|ksh|csh|tcsh|macos|darwin|linux|ubuntu|debian|fedora|arch|wsl2?|windows|mac|osx|install|reinstall|uninstall|remove|delete|upgrade|add|search|find|provides|info|try|run|rollback|clean|list|generations|show|get|explain)$/i
/** "component: rest", "feat(home)!: rest", "{a, b}: rest" (one token before the colon). */
const COMPONENT = /^\s*((?::[a-z0-9_+-]+:|[\p{Extended_Pictographic}]+\s*)?[A-Za-z0-9_{][\w.+@/{},-]*(?:\([^)\s]{0,40}\))?!?)\s*:\s+(?=\S)/u

export const changeTitle = (raw: string): ChangeTitle | undefined => {
  const t = raw.replace(/`/g, "")
  if (ARROW.test(t) || INIT.test(t) || CVE.test(t)) return { form: "version change" }
  if (REVERT.test(t)) return { form: "code change" }
  const m = COMPONENT.exec(t)
  if (m !== null) {
    const component = m[1]!.replace(/^[\p{Extended_Pictographic}\s]+/u, "")
    const type = component.replace(/\(.*$|!$/g, "")
    if (!LABELS.test(type)) {
      const rest = t.slice(m[0].length)
      // "vim: update to 9.0.1", "firefox: 121 is out": the component's version
      if (/^(?:update|upgrade|bump|updated|upgraded|bumped)\s+to\b/i.test(rest) || /^v?\d/.test(rest) || PAIR.test(rest)) return { form: "version change" }
      if (OWN_DEFAULT.test(rest)) return { form: "code change" }
      return { form: "component", component: type, conventional: CONVENTIONAL.test(type) || component.includes("("), rest }
    }
  }
  const v = TARGET.exec(t)
  if (v !== null && !NOT_A_VERSION_AFTER.test(v[1]!)) return { form: "version target", version: v[2]! }
  return undefined
}

/**
 * Components of nixpkgs' own code: its modules, library, tree-wide changes, maintainer list and package tree. A host
 * under a folder named nixos ("nixos/configurations/luna: disable firewall", "nixos/hosts/server: ...") is the
 * writer's own configuration, not a module of nixpkgs, which has no such folders.
 */
const NIX_CODE = /^(?:nixpkgs|lib|stdenv|treewide|maintainers|nixos\/(?!(?:configurations?|hosts?|machines?|systems|nodes)\/)|lib\/|maintainers\/|pkgs\/(?:by-name|top-level|development|applications|tools|servers|os-specific)\/)/i

/** "firefox", "python3Packages.flask": how package names are written (code attributes are camelCased or dotted). */
const PACKAGE_LIKE = /^(?:[a-z0-9][a-z0-9_+-]*(?:\.[a-z0-9][a-z0-9_+-]*)*|[a-z][a-z0-9]*Packages(?:_[a-z0-9_]+)?\.[a-z0-9][\w+-]*)$/

/** The packages a reading acts on (install, remove, update, try), or undefined for other kinds. */
const packagesOf = (u: Understood): ReadonlyArray<string> | undefined => {
  const i = u.intent
  return i._tag === "install" || i._tag === "remove" || i._tag === "update" || i._tag === "try" ? i.packages : undefined
}

/** Tools whose settings are the writer's own ("nix: enable flakes", "home-manager: ..."), even where a package has the name. */
const SETTINGS_OF_THE_USER = /^(?:nix|nixos|home-manager|nix-darwin|darwin)$/i

/** A clean or an update named by the verb that does it, or by its schedule alone ("run gc weekly", "auto update", "nightly gc"). */
const OPERATION = /^(?:run|runs|running|do|does|perform|performs|trigger|triggers|delete|deletes|remove|removes|clean|cleans|collect|collects|garbage|gc|optimi[sz]es?|dedupe|update|updates|upgrade|upgrades|prune|prunes|purge|purges|auto|auto-\S+|automatically|periodically|regularly|daily|weekly|nightly|monthly|hourly)\b/

/**
 * "feat: run garbage collection automatically", "chore: auto update the system": a clean or an update a commit names
 * by its verb, now or on a schedule, is code that does it (a program that collects garbage), like a clean named alone;
 * a setting named as one ("feat: enable automatic gc", "common: Stop automatic daily gc") is the author's configuration.
 */
const operationOnSchedule = (rest: string): boolean => {
  const n = normalize(rest).text
  return OPERATION.test(n) && scheduledSetting(n, understand)?.kind === "configure"
}

/** The last part of a component ("nixos/sshd" -> sshd, "python3Packages.requests" -> requests). */
const baseName = (c: string) => c.toLowerCase().split(/[/.]/).pop() ?? c.toLowerCase()

/** A reading that would be carried out, of a text that is a change title: what it becomes. */
export const readChangeTitle = (text: string, u: Understood, names?: NameResolver): Understood => {
  if (!isCarriedOut(u) || u.intent._tag === "rollback") return u
  const title = changeTitle(text)
  if (title === undefined) return u
  const notAnOrder = (what: string) => unknown(text, [
    `This reads like the title of a change to ${what} (a commit, pull request or change log), not an order. Say what you want done here, e.g. "update firefox".`
  ])
  switch (title.form) {
    case "version change": return notAnOrder("a package's version or a security fix in nixpkgs")
    case "code change": return notAnOrder("code (a revert, or the default a component gets)")
    case "version target":
      return {
        ...u, question: true,
        notes: [...u.notes, `ask-nix updates to the version your channel or flake has; it cannot pick ${title.version}.`, QUESTION_NOTE]
      }
    case "component": {
      const pkgs = packagesOf(u)
      const own = baseName(title.component)
      // an order about packages, none of them the component itself, or a setting, a clean, a flake update:
      // the author's own configuration ("hosts/laptop: add firefox", "profiles/x: enable ssh") or a change to
      // nixpkgs under another name: asked about first. Code is never an order: a part of
      // nixpkgs ("nixos/sshd: ..."), an attribute of code ("firefox: add meta.mainProgram", "firefox: use
      // wrapGAppsHook"), the component's own version ("home-manager: update to latest"), a setting under the
      // name of a package the index knows ("firefox: enable wayland by default", "mpv: disable vapoursynth"):
      // how nixpkgs builds that package, not a setting of the writer's system (Nix's own settings are theirs)
      const packageBuild = u.intent._tag === "configure" && !title.conventional && !SETTINGS_OF_THE_USER.test(title.component) &&
        names?.exists(title.component) === true
      // (a clean is done once, on a machine: a commit that names one adds code that cleans, "feat: remove older generations and run the gc")
      const kept = !NIX_CODE.test(title.component) && !packageBuild && u.intent._tag !== "clean" &&
        !(u.intent._tag === "configure" && operationOnSchedule(title.rest)) && (pkgs === undefined ||
        (pkgs.length > 0 && pkgs.every((p) => baseName(p) !== own && PACKAGE_LIKE.test(p))))
      if (!kept) return notAnOrder(title.conventional ? "code" : `${title.component}'s code`)
      return {
        ...u, confidence: Math.min(u.confidence, CONFIDENCE_THRESHOLD),
        notes: [...u.notes, `"${title.component}:" before it reads like a commit title: I will ask before doing it.`]
      }
    }
  }
}
