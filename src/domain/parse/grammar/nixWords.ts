/**
 * Words that make a request clearly about Nix ("Flutter on NixOS", "Using an overlay in home-manager"):
 * such a request is never left "not understood"; at worst it is answered with an explanation of its
 * topic. Also: the words a topic is never made of. Read by ../topics.ts.
 */

/** Nix's own words. Besides these, any word with "nix" in it (poetry2nix, sops-nix, nixpkgs) counts. */
export const nixWords: ReadonlySet<string> = new Set([
  "home-manager", "flake", "flakes", "flake.nix", "flake.lock", "derivation", "derivations", "drv", "overlay", "overlays",
  "configuration.nix", "home.nix", "shell.nix", "default.nix", "systempackages", "environment.systempackages",
  "home.packages", "devenv", "devbox", "niv", "npins", "cachix", "hydra", "lorri", "agenix", "disko", "nur",
  "specialargs", "mkshell", "mkderivation", "callpackage", "buildenv", "withpackages", "fetchurl", "fetchgit",
  "fetchfromgithub", "fetchtarball", "mkoption", "mkif", "mkforce", "nix-ld", "steam-run", "buildfhsenv",
  "buildfhsuserenv", "patchshebangs", "patchelf", "autopatchelfhook", "home.activation", "nix.conf", "nixpkgs.config"
])

/**
 * Nix's ideas in ordinary words: what a question about Nix is about when it names them ("how to pin
 * something", "three users with profiles"), ranked first among a topic's words and kept from every sentence
 * of a text explained.
 */
export const nixIdeas: ReadonlySet<string> = new Set([
  "profile", "profiles", "generation", "generations", "channel", "channels", "store", "flake", "flakes", "derivation",
  "derivations", "overlay", "overlays", "pin", "pinning", "pinned", "unfree", "version", "versions"
])

/** Words with "nix" inside that are not about Nix. */
export const notNix: ReadonlySet<string> = new Set(["unix", "phoenix", "minix", "unixodbc", "xenix", "nixie"])

/** Two-word names of Nix things. */
export const nixPhrases: ReadonlyArray<string> = ["home manager", "nix store", "dev shell", "development shell", "garbage collect", "garbage collection"]

/** Words a topic is never made of: function words, question words, everyday verbs and fillers. */
export const topicStopWords: ReadonlySet<string> = new Set([
  "a", "an", "the", "this", "that", "these", "those", "it", "its", "it's", "is", "are", "was", "were", "be", "been", "being",
  "am", "do", "does", "did", "doing", "done", "have", "has", "had", "having", "can", "could", "would", "should", "will",
  "shall", "may", "might", "must", "i", "i'm", "i've", "i'd", "me", "my", "mine", "we", "us", "our", "you", "your",
  "he", "she", "they", "them", "their", "someone", "somebody", "anyone", "anybody", "one", "how", "what", "why", "when",
  "where", "which", "who", "whom", "whose", "whether", "if", "then", "than", "so", "and", "or", "but", "nor", "not",
  "no", "yes", "of", "to", "in", "on", "at", "by", "for", "from", "with", "without", "into", "onto", "about", "as",
  "up", "down", "out", "over", "under", "again", "also", "too", "very", "really", "just", "only", "still", "even",
  "already", "yet", "now", "here", "there", "some", "any", "all", "every", "each", "other", "another", "such", "more",
  "most", "much", "many", "few", "lot", "lots", "way", "ways", "thing", "things", "something", "anything", "nothing",
  "everything", "use", "using", "used", "get", "getting", "got", "make", "making", "made", "want", "wanted", "need",
  "needed", "know", "knew", "known", "work", "works", "working", "worked", "try", "trying", "tried", "find", "found",
  "help", "please", "thanks", "thank", "hi", "hello", "hey", "question", "questions", "issue", "problem", "like",
  "seem", "seems", "possible", "able", "good", "best", "better", "right", "proper", "properly", "correct", "correctly",
  "new", "newbie", "beginner", "noob", "anyone", "guys", "folks", "etc", "e.g", "i.e", "vs", "versus", "via", "per",
  "nix", "nixos", "nixpkgs", "go", "about", "tell", "say", "said", "see", "look", "looking", "wonder", "wondering",
  "curious", "sure", "unclear", "clear", "idea", "ideas", "instead", "rather", "currently", "actually", "basically",
  "simply", "simple", "easy", "easily", "quick", "quickly", "general", "generally", "specific", "specifically",
  "difference", "differences", "between", "purpose", "doesn't", "don't", "didn't", "isn't", "aren't", "wasn't", "can't", "won't", "cannot"
].filter((w) => w !== "nix" && w !== "nixos" && w !== "nixpkgs"))
