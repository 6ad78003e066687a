/** Words around package names that are not package names. */

/** Dropped from the start of a package phrase ("the latest firefox"). */
export const leadingObjectWords: ReadonlyArray<string> = [
  "the", "my", "that", "this", "these", "those", "latest", "the latest", "newest", "the newest", "new",
  "latest version of", "the latest version of", "version of", "the version of", "newest version of",
  "the newest version of", "current", "stable", "the stable", "package", "the package", "packages",
  "the packages", "program", "the program", "app", "the app", "application", "the application",
  "tool", "the tool", "out", "only", "just", "called", "named", "one called", "something called", "a package called",
  "a package named", "a program called", "an app called", "the one called", "also", "too",
  "all traces of", "every trace of", "any trace of", "every last bit of", "all of", "both", "pkg", "pkgs", "-y", "--yes",
  "the pkg", "the pkgs", "the following", "following", "old version of", "the old version of", "that old version of",
  "the old", "that old"
]

/** Dropped from the end of a package phrase ("firefox too"). */
export const trailingObjectWords: ReadonlyArray<string> = [
  "package", "packages", "program", "programs", "app", "apps", "application", "too", "also", "as well",
  "again", "please", "for me", "thing", "stuff", "version", "latest", "stable", "latest version",
  "the latest version", "from nixpkgs", "from nixos", "from the nix store", "from the store", "from nix",
  "pkg", "pkgs", "binary", "binaries", "installed", "asap", "it", "right away", "already", "as well please",
  "first", "for a bit", "for a while", "out", "only", "alone", "to the latest version", "to the latest",
  "to latest", "to the newest version", "to the newest", "to the current version", "to the new version",
  "before installing it", "before installing", "before installing them", "before i install it", "ffs", "lol",
  "lts", "lts version", "the lts version", "the lts", "-y", "--yes", "--noconfirm", "--no-confirm", "--assume-yes"
]

/** Words that mean "every package" after update/upgrade ("update all my packages"). */
export const everythingWords: ReadonlySet<string> = new Set([
  "all", "everything", "my", "our", "their", "the", "packages", "package", "installed", "software", "stuff", "things",
  "of", "them", "it", "apps", "programs", "profile", "whole", "entire", "lot", "system", "nixos", "os",
  "machine", "computer", "every", "each", "one", "every package", "everything installed", "installs",
  "user", "environment", "tools", "applications", "setup", "world", "that", "i", "have", "got", "we",
  "currently", "in", "on", "here", "home", "this", "laptop", "pc", "box", "operating", "existing", "current",
  "set", "up", "is", "are", "--all"
])

/** Words that scope a request to the NixOS system. */
export const systemWords: ReadonlySet<string> = new Set(["system", "nixos", "os"])

/** Words that are never package names: their presence means the phrase was not understood. */
export const notPackageWords: ReadonlySet<string> = new Set([
  "it", "that", "this", "them", "they", "those", "these", "something", "anything", "nothing", "everything",
  "me", "you", "my", "your", "i", "we", "us", "he", "she", "his", "her", "our", "their", "what", "who",
  "how", "why", "when", "where", "is", "are", "was", "were", "be", "been", "am", "of", "to", "in", "on",
  "by", "from", "about", "into", "a", "an", "the", "not", "no", "all", "every", "some", "any", "one",
  "more", "very", "really", "so", "if", "but", "or", "because", "like", "just", "thing", "things",
  "stuff", "else", "same", "other", "another", "there", "here", "now", "then", "do", "does", "did", "have",
  "has", "had", "can", "could", "would", "should", "will", "shall", "may", "might", "must", "please",
  "again", "way", "lot", "lots", "much", "many", "few", "bit", "while", "day", "thanks", "yes", "ok", "okay", "sure", "maybe", "up", "down", "out", "off", "over", "only", "than",
  "too", "also", "well", "even", "still", "yet", "already", "ever", "never", "always", "sometimes",
  "somehow", "someone", "anyone", "everyone", "nobody", "people", "person", "world", "life", "love",
  "joke", "story", "fun", "weather", "money", "friend", "friends", "nice", "good", "bad", "great", "best",
  "package", "packages", "new", "old", "latest", "version", "with", "without", "for", "and", "as",
  "install", "remove", "update", "upgrade", "uninstall", "delete", "search", "get", "try", "run",
  "use", "need", "want", "back", "undo", "list", "show", "help", "clean", "free", "space", "generation",
  "generations", "failed", "fails", "failing", "error", "errors", "broken", "broke", "missing", "warning",
  "crashed", "crash", "problem", "issue", "bug", "installed", "removed", "updated", "upgraded", "deleted",
  "last", "first", "next", "previous", "account", "accounts", "file", "files", "folder", "folders", "directory",
  "directories", "line", "lines", "comment", "comments", "message", "messages", "email", "emails", "photo",
  "photos", "picture", "pictures", "document", "documents", "data", "history", "cookies", "page", "tab",
  "tabs", "user", "users", "complete", "done", "finished", "successful", "worked", "working", "virus",
  "viruses", "malware", "ram", "sleep", "job", "life", "happiness", "resume", "car", "stain", "coffee", "tea",
  "food", "pizza", "config", "configuration", "settings", "size", "disk", "usage", "example", "examples", "idea", "ideas", "tip", "tips", "password", "passwords", "home", "everything", "myself", "yourself", "lost",
  "available", "anymore", "updates", "upgrades", "system32", "instructions", "instruction", "tutorial", "tutorials", "documentation", "docs", "walkthrough", "howto",
  // "install my feelings": things people have that no package is called
  "feelings", "feeling", "emotions", "soul", "heart", "brain", "mood", "knowledge", "skills", "wife", "husband",
  "girlfriend", "boyfriend", "mom", "dad", "kids", "homework", "taxes", "news", "sadness", "anxiety", "haircut",
  "windows", "macos", "internet", "linkedin", "facebook", "instagram", "twitter", "ex", "status", "background",
  // "yeah, install it": an interjection, not a package named before the order
  "cool", "whatever", "yeah", "yep", "fine", "alright", "nah", "nope", "perfect", "right", "wow", "hmm", "fresh",
  "readme", "website", "wiki", "blog", "cv", "bios",
  // "update all apart from steam": an exclusion this parser does not carry out
  "apart", "besides",
  // "reinstall nixos", "wipe my drive": a whole system or a device, not a package
  "nixos", "ubuntu", "arch", "debian", "fedora", "gentoo", "drive", "ssd", "hdd", "partition", "phone", "laptop", "computer"
])

/**
 * Words that say which kind of a package is wanted, written beside its name ("Install Discord (unfree)", "firefox
 * nightly", "obs flatpak"): never a package of their own there, left out of the name (../objects.ts).
 * (Not "unstable", "overlay", "flake": "firefox unstable" asks how to install from the unstable channel and "firefox
 * overlay" how to write one, topics of Nix that are explained rather than packages.)
 */
export const packageQualifiers: ReadonlySet<string> = new Set([
  "unfree", "nonfree", "non-free", "free", "proprietary", "beta", "alpha", "nightly", "stable", "latest",
  "gui", "cli", "64-bit", "32-bit", "64bit", "32bit", "x64", "flatpak", "appimage"
])

/** Qualifiers that ask for a build nixpkgs may not have under that name ("firefox nightly"): asked before acting. */
export const buildQualifiers: ReadonlySet<string> = new Set(["beta", "alpha", "nightly"])

/**
 * Nix's own words ("unfree", "unstable", "overlay"): never a package to act on, unless the index has the word
 * exactly and it is the only thing named (../resolvePackages.ts). (Not the names of what an update may update:
 * "update nixpkgs", "update the flake" are read by the update's own phrases.)
 */
export const nixTerms: ReadonlySet<string> = new Set([
  "unfree", "nonfree", "non-free", "unstable", "overlay", "overlays", "derivation", "derivations"
])

/**
 * Programs called by an ordinary word that packages newer than the 2020 channel carry ("remove teams",
 * "try helix"): the dictionary check (../dictionary.ts) would otherwise leave them out when the index
 * does not know them.
 */
export const programWords: ReadonlySet<string> = new Set([
  "helix", "teams", "snap", "element", "bottles", "warp", "heroic", "foot", "clapper", "bruno", "beekeeper",
  "apostrophe", "bun", "obsidian"
])

/** Number words read by the {count} slot ("keep the last ten generations"). */
export const numberWords: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, twice: 2, thrice: 3
}
