/**
 * Words that change what a request means: questions wrapped around an order ("how do i install x",
 * "is it safe to remove x"), negations, hedges. Contributors: extend these lists.
 */

/** "{rest}" is parsed as a request of its own, then answered instead of carried out. */
export const questionFrames: ReadonlyArray<string> = [
  // "I'm trying to install ripgrep but I don't know how": the attempt and its obstacle (before the frames below,
  // which would read the obstacle as part of the order)
  "{rest} but (i|we) (do not know|am not sure|are not sure|have no idea|cannot figure out|can not figure out|could not figure out|cannot find out) how [to do it|to do that|to do this|to]",
  "how (do|would|should|can|could) (i|we|one|you) go about {rest}", "how to go about {rest}", "* how (i|we|one|you) (go|goes|would go|should go|could go) about {rest}",
  "how (do|can|should|would|could|might|shall) (i|we|one|you) {rest}", "how (does|would|should|could|can|do) (one|someone|somebody|anyone|people|a user) {rest}", "how to {rest}", "how is one supposed to {rest}",
  "what is the (command|way|best way|right way|proper way|correct way|easiest way|simplest way|quickest way|fastest way|recommended way|current way|usual way|normal way|standard way|official way|preferred way|intended way|idiomatic way|cleanest way|safest way) to {rest}", "(tell|show|teach) me how to {rest}",
  "what (command|commands) (do|should|can) i (use|run|type) to {rest}", "i (do not know|wonder|am wondering|want to know|would like to know) how to {rest}",
  "is there a way to {rest}", "what do i (type|run|do) to {rest}", "any idea how to {rest}",
  "what is the (nix|nixos|proper nix|proper nixos|right nix) way to {rest}",
  // "i come from arch, what's the equivalent of pacman -S git"
  "what is the (equivalent|nix equivalent|nixos equivalent) (of|to|for) {rest}", "* what is the (equivalent|nix equivalent|nixos equivalent) (of|to|for) {rest}",
  // "nixos equivalent of apt-get upgrade", "Is there something like apt autoremove in nix?"
  "is there (a|an) (nix|nixos) equivalent (of|to|for) {rest}", "(a|an|the) (nix|nixos) equivalent (of|to|for) {rest}", "(nix|nixos) equivalent (of|to|for) {rest}",
  "(is there|are there) (something|anything) (like|similar to|equivalent to) {rest} (in|on|for|with) (nix|nixos|nixpkgs)",
  "(is|would) it (be) [really] (safe|ok|okay|possible|a good idea|wise|fine|bad|dangerous|risky) to {rest}",
  "(is|would) it [really] (safe|ok|okay|possible|a good idea|wise|fine|bad|dangerous|risky) to {rest}",
  "what (happens|would happen|will happen) (if|when) (i|we|you) {rest}", "(can|could) (i|we) safely {rest}",
  "do (i|we) (need|have) to {rest}", "i have no (idea|clue) how to {rest}",
  // "i just switched from ubuntu, how do i install chrome": the question after some context
  "* how (do|can|should|would|could) (i|we|you|one) {rest}", "* how to {rest}",
  // as real requests ask: "Any way to rollback to a previous generation?", "Is there a command to erase some of them?"
  "any [other|easy|simple|good|quick|better|clean|proper|known] (way|ways|method|command|option|hack|hacks|trick|tricks|solution|script) to {rest}",
  "* is there (a|any|an|some) [other|easy|simple|good|quick|better|clean|proper|nix|nixos|known|single] (way|command|option|method|one-liner|tool) to {rest}",
  "is there (a|any) [nix|nixos] (command|one-liner|tool|option) (to|that|which) {rest}",
  // the complaint that a way is missing asks for it: "Like there's no way to find `js-beautify` on <url>"
  "* there (is|are) no [easy|simple|good|obvious|clean|proper|nix|nixos] (way|command|option|method|tool) to {rest}",
  // issue titles and reports: "Unable to rollback to 16.09", "Cannot uninstall package with + in name",
  // "On NixOS I am unable to uninstall the i3lock-color package", "I'm trying to rollback to ..."
  "(unable to|not able to|cannot|can not|could not|failing to|failed to|struggling to|trouble|having trouble|problem|problems) {rest}",
  "* (i am|i was|we are|we were|i have been|i have) (unable to|not able to|struggling to|trying to|having trouble trying to) {rest}",
  "* (i|we) (cannot|can not|could not) [seem to|manage to] {rest}",
  "* (i|we) (cannot|could not|can not|do not know how to|did not manage to) (find|figure out|work out|find out|see) [for the life of me] [how] [to] {rest}",
  "* (i|we) (do not know|am not sure|have no idea|have no clue|wonder|was wondering|am wondering) how [i|we|you|one] [can|could|should|would|do|go about] [to] {rest}",
  "[clear|detailed|some|any|step by step] (instructions|documentation|docs|guide|help|example|examples) (for|on|about) (how to|how i can|how do i) {rest}",
  // as forum posts ask: "Any idea how to clean the nix store?", "Does anybody know how I can roll back?",
  // "How am I supposed to update nixos?", "What would be the best way to install x", "Proper way to update NixOS",
  // "How do you guys update NixOS", "Can anyone help me install x?"
  "any (idea|ideas|clue|clues|suggestions|suggestion|tips|tip|pointers|hints) [on|about|as to] how [to] {rest}",
  "any (idea|ideas|clue|clues|suggestions|suggestion|tips|tip|pointers|hints) [on|about|as to] how (i|we|one|you) (can|could|should|would|might|do) {rest}",
  "* how (i|we|one|you) (can|could|should|would|might|may|am supposed to|are supposed to|is supposed to|ought to) {rest}",
  "how (am i|are we|are you|is one|is someone|is somebody|are people|are users|is a user) supposed to {rest}",
  "what (would|could|might) be the (way|best way|right way|proper way|correct way|easiest way|simplest way|recommended way|preferred way|nix way|nixos way) to {rest}",
  "[the|a] (best|right|proper|correct|easiest|simplest|quickest|cleanest|recommended|preferred|idiomatic|canonical|standard|official|safest) (way|ways|method|approach) to {rest}",
  "how (do|would|can|should) you (guys|all|folks|people|lot) {rest}", "how (does|do) (everyone|everybody|people|folks|others) [else] {rest}",
  "(can|could|would) (anyone|someone|somebody|anybody) (help me|tell me how to|explain how to|show me how to|point me to how to) [to] {rest}",
  // titles that name an attempt or a search for the way ("Trying to rollback to the previous generation", "Looking for a
  // way to clean the nix store", "Searching for the right way to update home-manager"): the task, asked
  "(trying|attempting|struggling|tried) to {rest}", "(looking|searching) for how to {rest}",
  "(looking|searching) for (a|an|the|any|some) [easy|simple|good|better|proper|clean|quick|safe|nix|nixos|right|correct|reliable|declarative] (way|ways|method|command|solution|approach) to {rest}"
]

/**
 * Frames whose words name no "how": "Clear instructions for adding Spotify to my user packages". Only a
 * gerund after them is an action asked about ("documentation for firefox" asks about firefox).
 */
export const gerundFrames: ReadonlyArray<string> = [
  "[provide|give|share|post|write] [me|us] [clear|detailed|some|any|step by step] (instructions|documentation|docs|guide|guidance|help|example|examples) (for|on|about) {rest}",
  "[the|a] (best|right|proper|correct|easiest|simplest|quickest|cleanest|recommended|preferred|idiomatic|canonical|standard|official|safest) (way|ways|method|approach|practice|practices) (of|for) {rest}"
]

/** A mutating request with one of these words is refused unless its phrase expects it ("i don't use x anymore"). */
export const negationWords: ReadonlySet<string> = new Set([
  "not", "never", "no", "nothing", "without", "neither", "nor", "none", "except", "excluding", "instead",
  "rather", "avoid", "refuse", "forbid"
])

/** A mutating request with one of these words is asked about first ("install x if you were me", "firefox is old, should i update it?"). */
export const hedgeWords: ReadonlySet<string> = new Set(["if", "unless", "whether", "maybe", "perhaps", "probably", "might", "possibly", "should", "shall"])

/**
 * In "x is broken, remove it" (a phrase with pointsBack), words after x that make "it" unsure: a contrast
 * ("firefox is fine but chrome crashes, remove it") or a question ("vim is old, do i need to update it").
 */
export const pointsBackBreaks: ReadonlySet<string> = new Set([
  "but", "while", "whereas", "though", "although", "unlike", "except", "do", "does", "did", "why", "how",
  "what", "when", "which", "who", "whether", "worth", "need"
])

/**
 * A request that quotes an error ("nixos-rebuild switch gives `error: ...`", "... No such file or directory")
 * reports a problem: it is never carried out as an order.
 */
export const quotesAnError = /\b(?:error|fatal|panic)\s*:|\bgives?(?: me)?(?: an?| the)? (?:error|warning)\b|\bno such file or directory\b|\berrors? out\b|\btraceback\b|\bsegfault|\bcollision between\b|\bhash mismatch\b|\bis marked as (?:broken|insecure)\b|\brefusing to evaluate\b|\bhas an unfree license\b|\binfinite recursion\b|\bfailed with exit code\b|\bcannot open shared object\b|\bpermission denied\b/i
