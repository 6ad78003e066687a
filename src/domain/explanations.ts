/** Short built-in explanations of Nix words for newcomers (explain{query}), and how-tos (./howTo.ts). */
import { howTos } from "./howTo.js"
import { splitWords } from "./splitWords.js"

export interface Explanation {
  readonly topic: string
  readonly text: string
}

interface Entry extends Explanation {
  readonly words: ReadonlyArray<string>
}

const entries: ReadonlyArray<Entry> = [
  {
    topic: "generation",
    words: ["generation", "generations", "gen", "gens", "rollback", "roll back", "rollbacks"],
    text: "A generation is a saved state of your profile. Every install, removal or update makes a new one, " +
      "and the old ones stay until you clean them up, so you can always go back: `ask-nix rollback`, " +
      "`ask-nix generations` lists them."
  },
  {
    topic: "channel",
    words: ["channel", "channels", "nix-channel", "nixos channel", "nixpkgs channel"],
    text: "A channel is a named, regularly updated snapshot of the package collection (nixpkgs), such as " +
      "nixos-24.05 or nixpkgs-unstable. `nix-channel --update` fetches the newest snapshot; installs and " +
      "updates then use it. Flakes pin such a snapshot in a lock file instead."
  },
  {
    topic: "flake",
    words: ["flake", "flakes", "flake.nix", "flake.lock", "nix flake", "nix flakes"],
    text: "A flake is a folder with a flake.nix that declares its inputs (like nixpkgs) and outputs (packages, " +
      "a NixOS configuration, dev shells), plus a flake.lock that pins the exact input versions, so the " +
      "same flake builds the same thing everywhere. Turn them on with `experimental-features = nix-command flakes` in " +
      "~/.config/nix/nix.conf, or on NixOS `nix.settings.experimental-features = [ \"nix-command\" \"flakes\" ];`. " +
      "`nix flake update` moves the lock file to the newest inputs."
  },
  {
    topic: "store",
    words: ["store", "nix store", "the store", "/nix/store", "store path", "store paths", "nix/store"],
    text: "The Nix store (/nix/store) is where every package lives, each in its own folder named by a hash of " +
      "everything that went into building it. Nothing there is changed in place, which is why versions never " +
      "clash and rollbacks are instant. Unused paths are removed by garbage collection."
  },
  {
    topic: "profile",
    words: ["profile", "profiles", "nix profile", "user profile", "nix-profile", ".nix-profile"],
    text: "A profile is the set of packages you have installed, as links into the Nix store (yours is " +
      "~/.nix-profile). Each change makes a new generation of the profile, and switching generations is how " +
      "rollback works."
  },
  {
    topic: "garbage collection",
    words: ["garbage collection", "garbage collector", "garbage", "gc", "collect garbage", "nix-collect-garbage", "garbage collect"],
    text: "Garbage collection deletes store paths that nothing uses any more (no profile generation, no running " +
      "program, no gc root points to them). Old generations keep their packages alive, so delete old " +
      "generations first to free more space: `ask-nix clean`. On NixOS it can run by itself: " +
      "`nix.gc = { automatic = true; dates = \"weekly\"; options = \"--delete-older-than 30d\"; };`."
  },
  {
    topic: "derivation",
    words: ["derivation", "derivations", "drv", ".drv", "drv file"],
    text: "A derivation is Nix's build recipe: exact inputs, a builder and its arguments, and the output paths it " +
      "will produce. Packages in nixpkgs are derivations; building one puts its result in the Nix store."
  },
  {
    topic: "nix-env vs nix profile",
    words: [
      "nix-env vs nix profile", "nix profile vs nix-env", "nix-env and nix profile", "nix profile and nix-env",
      "nix-env or nix profile", "nix profile or nix-env", "nix-env", "difference between nix-env and nix profile",
      "nix-env versus nix profile", "nix env vs nix profile", "nix-env vs nix-profile"
    ],
    text: "nix-env is the classic command for managing your profile; `nix profile` is its newer replacement (it " +
      "needs the nix-command and flakes features) and keeps a different manifest format. Do not mix them on " +
      "one profile: a profile changed by `nix profile` can no longer be used by nix-env. ask-nix picks the " +
      "right one for your profile."
  },
  {
    topic: "nixpkgs",
    words: ["nixpkgs", "the package collection", "package collection", "nix packages"],
    text: "nixpkgs is the collection of package recipes (over 80,000 in current releases) that Nix installs from. " +
      "Its attribute names (firefox, python3Packages.requests) are what ask-nix resolves your words to."
  },
  {
    topic: "nix",
    words: ["nix", "nix package manager", "the nix package manager", "nixos"],
    text: "Nix is a package manager that builds every package in isolation and keeps each in its own folder of " +
      "the Nix store, so installs never break each other and every change can be rolled back. NixOS is a " +
      "Linux distribution configured entirely with Nix."
  }
]

const byWord = new Map<string, Explanation>()
for (const e of [...entries, ...howTos]) for (const w of [e.topic, ...e.words]) byWord.set(w, { topic: e.topic, text: e.text })

const clean = (q: string) =>
  q.toLowerCase().replace(/[?!.]+$/g, "").replace(/^(a|an|the|what|is|are)\s+/g, "").replace(/\s+(is|are|mean|means|do|does)$/g, "").trim()

/** The longest name of a topic, and the most that explain's forms of a query take off it ("the nix " + " in nixos" + "s"). */
const LONGEST_NAME = Math.max(...[...byWord.keys()].map((k) => k.length))
const LONGEST_TAKEN_OFF = "the nix ".length + " in nixos".length + 1

/** The built-in explanation for a word or phrase, if there is one. */
export const explain = (query: string): Explanation | undefined => {
  const q = clean(query)
  // (a sentence longer than every name, with all that the forms below take off, names none: not looked up five times)
  if (q.length > LONGEST_NAME + LONGEST_TAKEN_OFF) return undefined
  const bare = q.replace(/^(nix|nixos|a nix|the nix) (?!store|profile|flake|package)/, "").replace(/ (in nix|in nixos|for nix)$/, "")
  return byWord.get(q) ?? byWord.get(q.replace(/s$/, "")) ?? byWord.get(q.replace(/^(the|a|an) /, "")) ??
    byWord.get(bare) ?? byWord.get(bare.replace(/s$/, ""))
}

/** The first words of the two-word names: a pair of words is only looked up when its first word starts one. */
const pairStarts: ReadonlySet<string> = new Set([...byWord.keys()].map((k) => k.split(" ")).filter((ws) => ws.length === 2).map((ws) => ws[0]!))

const BETWEEN_WORDS = /[^a-z0-9.+_/-]+/

/**
 * The explanation of a question's words ("install a package from unstable in home.nix" -> unstable): the
 * first word, or pair of words, that names a topic; Nix itself only when nothing else does.
 */
export const explainWords = (text: string): Explanation | undefined => {
  const whole = explain(text)
  if (whole !== undefined) return whole
  const ws = splitWords(text.toLowerCase(), BETWEEN_WORDS, "./-", 1)
  let nix: Explanation | undefined
  for (let i = 0; i < ws.length; i++) {
    const e = (i + 1 < ws.length && pairStarts.has(ws[i]!) ? byWord.get(`${ws[i]} ${ws[i + 1]}`) : undefined) ?? byWord.get(ws[i]!)
    if (e === undefined) continue
    if (e.topic !== "nix") return e
    nix ??= e
  }
  return nix
}

/** Every topic, for help and completions. */
export const explanationTopics: ReadonlyArray<string> = [...entries, ...howTos].map((e) => e.topic)
