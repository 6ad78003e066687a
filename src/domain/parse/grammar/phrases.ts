/**
 * Whole-request phrases, tried in order before the verb table (first match wins).
 * Here live the requests that do not start with a verb: questions, complaints, statements of need,
 * shorthand, and the NixOS rebuild commands. See ../pattern.ts for the syntax.
 */
import { isDictionaryWord } from "../dictionary.js"
import { isOptionPath, namesSetting, namesSettingOrModule, settingOrName, settingText, settingWords } from "./settings.js"
import type { Phrase } from "./types.js"
import { isVerb, termWeight } from "../topicVocabulary.js"

/** A command named in a question: one word that is not an ordinary one ("iconv", "neovim"), maybe with "command". */
const aCommand = (q: string) => {
  const ws = q.split(" ")
  return (ws.length === 1 || (ws.length === 2 && /^(?:command|binary|executable|program|tool)$/.test(ws[1]!))) && !isDictionaryWord(ws[0]!)
}

/**
 * The rest of another sentence, not a setting's value: "set vim to be my editor", "set up something to edit
 * photos". Values are a word or three (Europe/Paris, prohibit-password, 5).
 */
const notAValue = (v: string | undefined) =>
  v !== undefined && (/^(?:be|make|use|become|work|run|open|edit|do|help|play|watch|write|read)\b/.test(v) || v.split(" ").length > 3)

/** Words after an option path that say something about it ("... is what I was looking for", "... was the culprit"), not a value. */
const statedOf = (v: string | undefined) =>
  v !== undefined && /^(?:is|was|are|were|be|been|being|seems?|seemed|looks?|looked|does|did|do|has|had|have|should|would|could|can|cannot|might|must|will|and|but|or|not|no|that|which|what|works?|worked|fails?|failed|breaks?|broke|gets?|got)\b/.test(v)

/** What "the default ..." may be: "make vim the default editor". */
const DEFAULTS = /^(?:text |login |user |web )?(?:editor|shell|browser|terminal|font|fonts|kernel|display manager|desktop|session|pager|locale|language|keyboard layout|layout)$/

/** "activate my config", "switch to generation 7": the system and its generations are not settings. */
const notConfig = (s: Readonly<Record<string, string>>) =>
  !/^(?:up\b|(?:(?:my|the|new|nixos|system|latest|previous|old|back)\s+)*(?:config|configuration|configuration\.nix|generation|gen|changes|system|nixos)\b)/.test(s["setting"] ?? "")
/** An ambiguous verb ("add", "set up", "switch to") with words that name a setting. */
const aSetting = (s: Readonly<Record<string, string>>) =>
  notConfig(s) && namesSetting(s["setting"] ?? "") && !/\s(?:to|into)\s/.test(s["setting"] ?? "")

/**
 * Words that make the words after a gerund or a name a statement, not a title: "enabling bluetooth broke my
 * boot", "setting up jellyfin does nothing", "syncthing config is ignored".
 */
const STATED = /\b(?:is|are|was|were|be|been|does|do|did|has|have|had|broke|breaks|broken|fails?|failed|failing|causes?|caused|crash(?:es|ed)?|stops?|stopped|hangs?|made|makes|results?|leads?|cannot|not|no|never|gives?|gave|works?|worked|seems?|requires?|should|would|will|ignored|ignores|overrides?|overwrites?|conflicts?|breaking)\b/
/**
 * A setting followed by the state it is in, with no verb ("Numlock on at startup", "wifi off after resume",
 * "bluetooth enabled on boot"): a state described, as a report's title does, not an order to reach it.
 */
const STATE_DESCRIBED = /\s(?:on|off|enabled|disabled|active|inactive)$/
/** A title's setting: a setting or a module named in a few words, said nothing about ("Setting up syncthing", "Neovim setup"). */
const aTitledSetting = (s: Readonly<Record<string, string>>) =>
  notConfig(s) && !STATED.test(s["setting"] ?? "") && !STATE_DESCRIBED.test(s["setting"] ?? "") &&
  !/\s(?:to|into)\s/.test(s["setting"] ?? "") && namesSettingOrModule(s["setting"] ?? "")
/** An ambiguous verb's setting ("Installing KDE plasma", "Changing keyboard layout"), said nothing about. */
const aStatedFreeSetting = (s: Readonly<Record<string, string>>) => aSetting(s) && !STATED.test(s["setting"] ?? "")
/**
 * What an amount is changed of ("boot menu timeout", "zram size", "inotify watches"): a setting, or a few words of the
 * options with one that names a part of a system (not "font size" or "brightness", which a program or a desktop sets),
 * at most one other word; not a statement.
 */
const anAmountOf = (s: Readonly<Record<string, string>>) => {
  const w = settingText(s["setting"] ?? "")
  const ws = w.split(" ")
  if (!notConfig(s) || STATED.test(w) || /\s(?:to|into)\s/.test(w) || ws.length > 4) return false
  if (namesSetting(w)) return true
  const weights = ws.map((x) => (isVerb(x) ? 0 : termWeight(x)))
  return weights.includes(2) && weights.filter((x) => x === 0).length <= 1
}
/** A setting named alone, as written ("automatic garbage collection is not enabled"), not a longer report. */
const namedAlone = (s: Readonly<Record<string, string>>) =>
  aTitledSetting(s) && (s["setting"] ?? "").split(" ").length <= 3 && settingText(s["setting"] ?? "") === (s["setting"] ?? "").replace(/^(?:the|my) /, "")
/** An order's verb first: "manage zsh with home-manager" orders, "Zsh with home-manager" names a task. */
const TITLE_VERB = /^(?:use|using|add|install|get|put|run|start|enable|disable|set|setup|configure|manage|move|migrate|switch|make|try)\b/
/** Port numbers: "8080", "80 and 443", "22, 80". */
const PORTS = /^\d{1,5}(?:(?:,|, | and | )\d{1,5})*$/
/** The shells people switch to by name. */
const SHELLS = /^(?:zsh|fish|bash|nushell|nu|xonsh|elvish|tcsh|ksh|oksh|mksh|dash|ion|oil|oils)$/
/** A shell named as the value: "zsh", "fish". */
const A_SHELL = /^[a-z][a-z0-9-]*$/

/** What is mounted: a drive, a partition, a share. */
const MOUNTED = "(drive|drives|disk|disks|partition|partitions|share|shares|nas|volume|volumes|filesystem|filesystems|file system|file systems|hdd|ssd|usb|usb drive|usb drives|usb stick|usb sticks|network drive|network drives|network share|network shares|nfs|smb|cifs|samba share)"
/** Entries of the boot menu, named with the boot loader ("systemd-boot generations", "boot entries", "grub menu entries"). */
const BOOT_ENTRIES = "(boot|grub|systemd-boot|bootloader|boot loader|boot menu|grub menu) [menu] (entries|generations|gens|configurations)"
const GEN = "(generation|generations|gen|gens|version|state|profile|snapshot|config|configuration)"
const UPDATE = "(update|upgrade|install|change|changes|switch|rebuild|deploy|installation|operation|thing i did|action|command)"

export const phrases: ReadonlyArray<Phrase> = [
  // "keep only 5 generations in the boot menu": the boot loader's limit (a setting), not a clean
  { kind: "configure", patterns: [
    "keep [only|just|at most] [the] [last|latest|newest] {value} (generations|gens|configurations|entries|versions) (in|on|at) [the|my] (boot menu|boot loader|bootloader|grub menu|grub|boot screen|boot entries|boot)"
  ] },
  // "i updated my configuration.nix": before the chit-chat below, which reads "i updated ..." as news
  { kind: "rebuild", mode: "switch", scope: "system", patterns: [
    "i (changed|edited|updated|modified|tweaked) [my|the] (configuration.nix|config|configuration|nixos config|nixos configuration|system configuration|system config) *"
  ] },

  // "i edited my home.nix": home-manager's switch (scope home), before the chit-chat below
  { kind: "rebuild", mode: "switch", scope: "home", patterns: [
    "i (changed|edited|updated|modified|tweaked) [my|the] (home.nix|home-manager config|home-manager configuration|home manager config|home manager configuration|home config|home configuration) *",
    "home-manager switch", "home-manager switch *", "run home-manager switch", "(rebuild|switch|reload|activate) home-manager [now|again]",
    "(switch|apply|activate|deploy|reload|rebuild|load|use) [my|the] [new|changed|latest|updated] (home-manager|home manager|home.nix|home config|home configuration|home setup) [config|configuration|setup] [now|again]",
    "(apply|activate|deploy) [my|the] (changes|edits) (to|in) [my|the] (home.nix|home-manager config|home-manager configuration|home manager config|home config|home configuration)"
  ] },
  { kind: "rebuild", mode: "build", scope: "home", negated: true, patterns: [
    "home-manager build", "home-manager build *",
    "build [my|the] [new] (home-manager|home manager|home.nix|home config|home configuration) [config|configuration] [only|without switching|but do not switch|but not switch|without activating]"
  ] },
  { kind: "generations", scope: "home", patterns: ["home-manager generations", "home-manager generations *"] },

  // --- chit-chat and things that are not requests: never an action -------------------------------
  { kind: "unknown", confidence: 0, patterns: [
    "tell me a (joke|story|poem|secret|fact|riddle) *", "[say] (a|another) joke", "how are you", "how are you (doing|today|feeling|going|holding up|there|mate|buddy|friend|bot|ask-nix) *", "who are you",
    "what is your name", "what is the (weather|time|date|meaning of life) *", "how old are you",
    "are you (alive|human|a robot|a bot|sentient|real|there|ok)", "i love you", "good (morning|night|evening|afternoon|job)",
    "sing *", "what time is it", "(lol|haha|hahaha|lmao|xd|wow|cool|nice|great|awesome|yes|no|nope|yep|yeah|sure|maybe|whatever|ok then)",
    "(why|how|when|what) did the (install|installation|update|upgrade|removal|build|rebuild|download) *",
    "(why|how) (did|does|do|is|was) * (fail|failing|failed|broken|break|crash|crashing|slow|stuck|hang|hanging) *",
    "(the|my) (install|installation|update|upgrade|removal|build|download) (failed|fails|is failing|crashed|hangs|is stuck|did not work|does not work)",
    "why * (install|installed|installing|remove|removed|update|updated|upgrade|upgraded) *",
    "what happened *", "what went wrong *", "is it done *", "did it work *", "did that work *",
    "(i|we) (already|just) (installed|removed|updated|upgraded) *", "(i|we) (installed|removed|updated|upgraded|deleted|uninstalled) *",
    "should i (install|remove|update|upgrade|uninstall|delete|reinstall|roll back|go back|revert|undo) *",
    "what if i (install|remove|update|upgrade|delete) *", "when (should|do|can) i (install|remove|update|upgrade) *",
    "who (installed|removed|updated|made|wrote|created) *", "(where|when) (was|were|is|are) * (installed|removed|updated) *",
    "(i|we) (will|might|may|could|would|should) (install|remove|update|upgrade|delete|uninstall) *",
    "(maybe|perhaps) (later|tomorrow) *", "(install|installation|update|upgrade|removal|build|rebuild|download) (failed|fails|error|errored|crashed|broke|problem|issue) *",
    "(error|warning|fatal|trace|note) *", "(delete|remove|drop|wipe|erase) [the] (generation|gen) [number|no|#] {n} *", "never mind *", "nevermind *", "forget it *", "cancel *", "stop *", "abort *",
    "have a (nice|good|great) (day|night|evening|weekend)",
    // "remove the dust from my laptop": housework, not a package called dust
    // ("from my laptop" is stripped as filler first; "remove dust" stays the package)
    "(remove|clean|wipe|get|brush|blow|clear) [the|some|all the] (dust|dirt|stain|stains|crumbs|fingerprints|smudges|fur|grime|grease|sand) (from|off|out of) *",
    "(remove|clean|wipe|brush|blow|clear) (the|all the) (dust|dirt|stain|stains|crumbs|fingerprints|smudges|fur|grime|grease|sand)",
    "(remove|delete|erase|get|cut|drop) * (from|out of) my (life|head|mind|memory|brain|heart)",
    // "stick with firefox": keep using it ("stick neovim on here" installs)
    "(stick|sticking) (with|to) *",
    // "npm install", "pip install": another tool's command without a package, not the tool itself
    "(npm|pip|pip3|pipx|cargo|gem|go|yarn|pnpm|apt|apt-get|brew|snap|flatpak|dnf|yum|pacman|zypper|conda|nix|sudo) (install|uninstall|remove|update|upgrade|i|add)",
    "get a life", "try (harder|again|later|it again|once more|that again)",
    // feelings about Nix are not questions about it
    "(i|we) (love|like|hate|adore|enjoy|dislike|miss) (nix|nixos|nixpkgs|this|it|you) *",
    "(nix|nixos|nixpkgs) (rocks|rules|sucks|is great|is awesome|is amazing|is the best|is hard|is confusing|is difficult|is weird|is cool|is fun)",
    // "remove the cat from the keyboard"
    "(remove|get|take|clean|wipe|brush) * (from|off|out of) (the|my) (keyboard|desk|table|couch|sofa|bed|room|house|car|shirt|carpet|floor|kitchen|fridge|garden|yard|screen|monitor|window|wall|lap|chair)", "(get lost|go away|shut up|leave me alone|get out|piss off|bugger off)",
    "(die|cry|sleep|go home|kill myself|give up|quit|scream|dance|eat|drink|go to bed|pee|poop|rest|relax|go out|leave|work|think|talk)", "(thanks|cheers|bye|goodbye|see you) *"
  ] },

  // "drop home-manager from NIX_PATH", "remove ~/bin from PATH", "remove nixos-unstable from my channels": an entry of a
  // search path or of the channels, not a package: how that is done, explained
  { kind: "explain", accept: (s) => /^(?:nix_path|nix path|path|\$path|channels|channel list|nix channels|nix-channels|flake registry)$/.test(s["query"] ?? ""), patterns: [
    "(remove|drop|delete|take) * (from|out of) [my|the|your] {query}"
  ] },
  // "add vlc to configuration.nix for my user": the user's own account's packages in the system
  // configuration (users.users.<name>.packages); said without the file, the scope decides (--system)
  { kind: "install", scope: "system", forUser: true, patterns: [
    "(add|put|include|insert|install) {pkgs} (to|in|into) [my|the] (configuration.nix|config|configuration|system config|system configuration|nixos config|nixos configuration) for (my|this) user",
    "(add|put|include|insert|install) {pkgs} (to|in|into) [my|the] (user packages|user's packages|users packages|user package list|users.users packages) [in|of] [my|the] [configuration.nix|config|configuration|system config|system configuration|nixos config|nixos configuration]"
  ] },
  { kind: "remove", scope: "system", forUser: true, patterns: [
    "(remove|delete|drop|take|uninstall) {pkgs} (from|out of) [my|the] (configuration.nix|config|configuration|system config|system configuration|nixos config|nixos configuration) for (my|this) user",
    "(remove|delete|drop|take|uninstall) {pkgs} (from|out of) [my|the] (user packages|user's packages|users packages|user package list|users.users packages) [in|of] [my|the] [configuration.nix|config|configuration|system config|system configuration|nixos config|nixos configuration]"
  ] },
  { kind: "install", forUser: true, patterns: ["(install|add|get|put) {pkgs} for (my|this) user"] },
  { kind: "remove", forUser: true, patterns: ["(remove|uninstall|delete|drop) {pkgs} (for|from) (my|this) user"] },
  // "add direnv to systemPackages in configuration.nix": a system install (the system backend edits the file)
  { kind: "install", scope: "system", patterns: [
    "(add|put|include|insert) {pkgs} (to|in|into) [my|the] (configuration.nix|system config|system configuration|nixos config|nixos configuration|systempackages|environment.systempackages|system packages) [in|of] [my|the] [configuration.nix|nixos config|nixos configuration|system configuration]"
  ] },
  { kind: "install", scope: "home", patterns: [
    "(add|put|include|insert) {pkgs} (to|in|into) [my|the] (home.nix|home.packages|home packages|home-manager config|home manager config|home-manager configuration|user home packages|home pkgs|user home pkgs) *"
  ] },
  { kind: "remove", scope: "system", patterns: [
    "(remove|delete|drop|take) {pkgs} (from|out of) [my|the] (configuration.nix|config|configuration|system config|system configuration|nixos config|nixos configuration|systempackages|environment.systempackages|system packages)"
  ] },
  { kind: "remove", scope: "home", patterns: [
    "(remove|delete|drop|take) {pkgs} (from|out of) [my|the] (home.nix|home packages|home.packages|home-manager config|home-manager configuration|home manager config|home config|home configuration)"
  ] },
  { kind: "unknown", confidence: 0, note: "Say what to change: \"enable bluetooth\", \"install firefox system-wide\", or \"apply my config\" to rebuild.", patterns: [
    "(edit|open|change|modify|show|print) [my|the] (configuration.nix|nixos config|nixos configuration|system configuration)", "what is in [my|the] configuration.nix"
  ] },

  // "Add a firefox module", "Allow users to mutate the time zone": asks for code to be written
  { kind: "unknown", confidence: 0, note: "That asks for NixOS or nixpkgs to be changed (a module, an option), which their maintainers do. To change a setting of yours, say e.g. \"enable bluetooth\".", patterns: [
    "(add|write|create|implement|make|provide) (a|an|new|a new) * (module|option|options|service module|nixos module|package|derivation|overlay)",
    "(allow|let) (users|people|the user|one) to *",
    // "Add module options", "add chaotic module and options": options are declared in code
    "(add|adds|added|write|writes|create|creates|implement|implements|provide|provides) * (options|module options)",
    // "Remove deprecated python2 packages", "Drop support for python2": a change to code, as its change log says it
    "(remove|removes|removed|drop|drops|dropped|delete|deletes|deleted|deprecate|deprecates) [the|all|any|some] (deprecated|obsolete|legacy|dead|redundant|duplicate|duplicated|vendored|superfluous|unmaintained) *",
    "(remove|removes|removed|drop|drops|dropped|deprecate|deprecates|end|ends) support for *", "(drop|drops|dropped) * support",
    // "nixos: add tailscale to systemPackages in the NixOS module": a change to a module's code
    "* (add|adds|added|remove|removes|removed|include|includes|drop|drops|put|puts|enable|enables|disable|disables) * (in|into|inside) [the|a|this|our|its|that] [nixos|home-manager|nix|darwin] module"
  ] },

  // --- settings of NixOS and home-manager (configure), and options -------------------------------------
  // The handler resolves the words to options; the parser only reads them. "enable", "turn off" and
  // "configure" take any words; the ambiguous verbs ("add", "set up", "use", "switch to") only words
  // that name a setting (grammar/settings.ts), so "set up zsh" stays an install.
  // "use zsh as my shell", "set fish as default shell", "Using zsh as default shell": the default shell is the
  // setting, the shell its value (before "set {setting} as {value}", which would read them the other way round)
  { kind: "configure", action: "set", setting: "default shell", accept: (s) => A_SHELL.test(s["value"] ?? ""), patterns: [
    "(use|set|make|get) {value} (as|to be) [my|the|our] [default|login|user|standard|main] shell", "make {value} [my|the] (login|user) shell",
    "(change|set|switch) [my|the] [default|login|user] shell to {value}"
  ] },
  { kind: "configure", action: "set", setting: "default shell", question: true, accept: (s) => A_SHELL.test(s["value"] ?? ""), patterns: [
    "(using|setting|making) {value} as [my|the|our] [default|login|user|standard|main] shell", "changing [my|the] [default|login|user] shell to {value}"
  ] },
  // "Switch to zsh", "use the fish shell", "move to nushell": a shell named as the one to use from now on, asked first
  { kind: "configure", action: "set", setting: "default shell", confidence: 0.6, accept: (s) => SHELLS.test(s["value"] ?? ""), patterns: [
    "(switch|move|migrate|change) [over] to [the] {value} [shell]", "use [the] {value} shell"
  ] },
  // "open port 8080 in the firewall", "how to open ports in firewall?": the firewall's open ports
  { kind: "configure", action: "set", setting: "firewall ports", accept: (s) => PORTS.test(s["value"] ?? ""), patterns: [
    "(open|allow|expose|unblock) [a|the|some|tcp|udp] (port|ports) {value} (in|on|through|at) [the|my] firewall",
    "open [up] [the|my] firewall (for|on|to) [port|ports|tcp port|udp port] {value}", "(open|allow|expose) [tcp|udp] (port|ports) {value}",
    // "Open firewall port 22", "open the firewall ports 80 and 443"
    "(open|allow|expose|unblock) [the|my|a] firewall [tcp|udp] (port|ports) {value}"
  ] },
  { kind: "configure", action: "set", setting: "firewall ports", patterns: [
    "(open|allow|expose|unblock) [a|the|some|tcp|udp] (port|ports) (in|on|through|at) [the|my] firewall"
  ] },
  // "Open the firewall for samba", "allow ssh through the firewall", "make the firewall allow kdeconnect": the
  // ports of a service (a setting or a module), named by the service
  { kind: "configure", action: "set", setting: "firewall ports", accept: (s) => (s["value"] ?? "").split(" ").length <= 2 && namesSettingOrModule(s["value"] ?? ""), patterns: [
    "open [up] [the|my] firewall (for|to) [the|my] {value}", "(allow|permit|unblock) [the|my] {value} (through|in|past|on) [the|my] firewall",
    "(make|let|have|get) [the|my] firewall (allow|accept|permit) [the|my] {value}",
    // "Open ports for syncthing", "open the firewall ports for kdeconnect"
    "(open|expose|unblock) [the|my|a|some] [firewall] (port|ports) (for|of|needed by|used by) [the|my] {value}"
  ] },
  // "Mount a second drive at boot", "automount usb drives", "mount to nas": file systems mounted by the system
  { kind: "configure", action: "enable", setting: "file systems", patterns: [
    `(mount|automount|auto-mount) * ${MOUNTED} *`
  ] },
  // "Blacklist nouveau", "blacklist the pcspkr module": a kernel module kept from loading
  { kind: "configure", action: "set", setting: "blacklisted kernel modules", accept: (s) => /^[a-z0-9_-]+$/.test(s["value"] ?? ""), patterns: [
    "blacklist [the] {value} [kernel] [module|driver|modules|drivers]"
  ] },
  // "Add a user to the docker group", "add my user to the libvirtd group": the user's extra groups
  { kind: "configure", action: "set", setting: "user groups", patterns: [
    "(add|put) (me|myself|user|users|a user|the user|my user|my account) (to|in|into) [the] {value} (group|groups)"
  ] },
  // Titles that name the task with a gerund ("Setting up syncthing on NixOS", "Configuring the firewall",
  // "Enabling flakes", "Switching to pipewire", "Need help setting up printing"): a task named, not ordered:
  // the plan is the answer, never carried out. Programs count after "setting up" and "configuring"
  // ("Configuring zsh with home-manager"); a statement is no title ("enabling bluetooth broke my boot").
  { kind: "configure", action: "set", question: true, accept: aTitledSetting, patterns: [
    "[i need|need|help|need help|i need help|help needed|question|questions|trouble|problem|problems] [help] [with|on|for|about] (setting up|configuring|reconfiguring) [the|my|a|an] {setting}"
  ] },
  { kind: "configure", action: "enable", question: true, accept: (s) => notConfig(s) && !STATED.test(s["setting"] ?? "") && settingOrName(s["setting"] ?? ""), patterns: [
    "[i need|need|help|need help|i need help|help needed|question|questions|trouble|problem|problems] [help] [with|on|for|about] (enabling|activating|turning on|re-enabling) [the|my|a|an] {setting}"
  ] },
  { kind: "configure", action: "disable", question: true, accept: (s) => notConfig(s) && !STATED.test(s["setting"] ?? "") && settingOrName(s["setting"] ?? ""), patterns: [
    "(disabling|deactivating|turning off) [the|my|a|an] {setting}"
  ] },
  { kind: "configure", action: "set", question: true, accept: aStatedFreeSetting, patterns: ["(changing|setting|adjusting|managing) [the|my|a|an] {setting}"] },
  { kind: "configure", action: "enable", question: true, accept: aStatedFreeSetting, patterns: [
    "(switching|moving|migrating) to [the|my|a] {setting}", "(switching|moving|migrating) from * to [the|my|a] {setting}",
    "(installing|adding) [the|my|a|an] {setting}"
  ] },
  { kind: "configure", action: "enable", confidence: 0.6, accept: aSetting, patterns: ["(switch|move|migrate) from * to [the|my|a] {setting}"] },
  // "Increase boot menu timeout", "lower the swappiness to 10", "raise the number of open files": a setting's
  // amount changed; its words name a setting, or every one of them is a word of the options ("boot menu timeout")
  { kind: "configure", action: "set", accept: anAmountOf, patterns: [
    "(increase|decrease|raise|lower|extend|shorten|lengthen) [the|my] [amount|number|count|size|length|value] [of] {setting} to {value}",
    "(increase|decrease|raise|lower|extend|shorten|lengthen) [the|my] [amount|number|count|size|length|value] [of] {setting}"
  ] },
  // "Limit the amount of menu entries in the boot loader menu", "limit the number of generations in the boot menu"
  { kind: "configure", action: "set", accept: aStatedFreeSetting, patterns: ["(limit|restrict|reduce|cap) [the] [amount|number|count] [of] {setting}"] },
  // "restrict boot entries to 5", "keep 10 systemd-boot generations": the boot loader's limit, with its number
  // ("keep 5 generations" alone is a clean-up that keeps them: a boot word must name the boot menu)
  { kind: "configure", action: "set", setting: "boot menu entries", accept: (s) => /^\d{1,3}$/.test(s["value"] ?? ""), patterns: [
    `(limit|restrict|reduce|cap) [the] [amount|number|count|maximum] [of] ${BOOT_ENTRIES} to {value}`,
    `keep [only|just|at most] [the] [last|latest|newest] {value} ${BOOT_ENTRIES}`
  ] },
  { kind: "configure", action: "set", setting: "boot menu entries", negated: true, accept: (s) => /^\d{1,3}$/.test(s["value"] ?? ""), patterns: [
    `keep [only|just|at most] [the] [last|latest|newest] {value} ${BOOT_ENTRIES} (instead of|rather than) {n}`
  ] },
  // "jellyfin not enabled", "automatic garbage collection is not enabled": what to turn on, asked about
  { kind: "configure", action: "enable", question: true, accept: namedAlone, patterns: [
    "{setting} [is|are|was|were] not (enabled|turned on|activated) [by default|yet|anymore]"
  ] },
  { kind: "configure", action: "set", accept: (s) => notConfig(s) && !notAValue(s["value"]), patterns: ["set [the|my] [nixos|home-manager] [option] {setting} (to|=|as) {value}", "configure [the|my] [nixos|home-manager] [option] {setting} (to|=|as) {value}"] },
  { kind: "configure", action: "set", accept: aSetting, patterns: ["(change|setup|set up|adjust|switch) [the|my] {setting} (to|=|as) {value}"] },
  // "make vim the default editor", "sets vim as default editor" -> the setting "default editor"
  { kind: "configure", action: "set", accept: (s) => DEFAULTS.test(s["setting"] ?? ""), patterns: [
    "(make|makes) {value} [the|my] (default|system default) {setting}", "(use|set|sets|make|makes) {value} as [the|my] (default|system default) {setting}",
    "(set|sets|change|changes) [the|my] (default|system default) {setting} to {value}"
  ] },
  // "Home-manager: set default browser", "change the default terminal": which program is the default, asked as it is named
  { kind: "configure", action: "set", accept: (s) => DEFAULTS.test(s["setting"] ?? ""), patterns: [
    "(set|sets|change|changes|choose|pick|configure) [the|my|a] (default|system default) {setting}"
  ] },
  { kind: "configure", action: "set", accept: (s) => isOptionPath(s["setting"] ?? "") && !statedOf(s["value"]), acceptNeeds: ".", patterns: ["(set|change) [option] {setting} [to|=] {value}", "{setting} (=|to) {value}"] },
  // "use services.xserver.layout = us"; not "How to use home.activation to run arbitrary commands?", which says what it is used for
  { kind: "configure", action: "set", accept: (s) => isOptionPath(s["setting"] ?? "") && !statedOf(s["value"]) && !notAValue(s["value"]), acceptNeeds: ".", patterns: ["use [option] {setting} [to|=] {value}"] },
  // "services.openssh.enable true" (a value alone after the path), not "users.users.x.packages is what I was looking for"
  { kind: "configure", action: "set", accept: (s) => isOptionPath(s["setting"] ?? "") && !statedOf(s["value"]) && !(s["value"] ?? "").includes(" "), acceptNeeds: ".", patterns: ["{setting} {value}"] },
  // "Enable NetworkManager instead of wpa_supplicant", "switch to pipewire rather than pulseaudio": the new setting, asked
  // first, as after "use" below ("instead" is a negation word: the phrase expects it; before the order alone, which reads it)
  { kind: "configure", action: "enable", confidence: 0.6, negated: true, accept: aStatedFreeSetting, patterns: [
    "(enable|activate|turn on|switch to|move to|migrate to) [the|my] {setting} (instead of|rather than|in place of) *"
  ] },
  { kind: "configure", action: "enable", accept: (s) => notConfig(s) && settingOrName(s["setting"] ?? ""), patterns: [
    "(enable|activate|turn on|switch on|re-enable|reenable) {setting}",
    "(allow|permit|accept) {setting}"
  ] },
  { kind: "configure", action: "disable", accept: (s) => notConfig(s) && settingOrName(s["setting"] ?? ""), patterns: ["(disable|deactivate|turn off|switch off) {setting}", "(disallow|forbid) {setting}"] },
  { kind: "configure", action: "enable", accept: (s) => (s["setting"] ?? "").includes("."), acceptNeeds: ".", patterns: ["use [the] (option|module) {setting}"] },
  { kind: "configure", action: "set", accept: (s) => notConfig(s) && settingOrName(s["setting"] ?? ""), patterns: ["configure {setting}"] },
  // Orders people give for a service or a module, in forms the verbs alone do not read (issue 13); the
  // words must name a setting or a module (grammar/settings.ts), so programs and other things stay as they were.
  // "Autostart syncthing", "start docker at boot", "make jellyfin start automatically": the service, turned on
  { kind: "configure", action: "enable", accept: (s) => aTitledSetting(s) || (notConfig(s) && settingOrName(s["setting"] ?? "") && !/\s/.test(s["setting"] ?? "")), patterns: [
    "(autostart|auto-start|auto start) [the|my] {setting}",
    "(start|run|launch|enable) [the|my] {setting} [service|daemon] (automatically|at boot|on boot|at startup|on startup|at login|on login|at log in|on log in|when the system boots|with the system|by default on boot)",
    "(make|let|have) [the|my] {setting} [service|daemon] (start|run|launch) (automatically|at boot|on boot|at startup|on startup|at login|on login|with the system)"
  ] },
  { kind: "configure", action: "enable", accept: (s) => aTitledSetting(s) && (s["setting"] ?? "").split(" ").length <= 2, patterns: [
    // (the last words split so that a request is tried only when it holds "boot", "startup" or "autostart", not any "on")
    "{setting} [service|daemon] (autostart|auto-start)", "{setting} [service|daemon] auto start", "{setting} [service|daemon] (on|at) (boot|startup)"
  ] },
  // "Use pipewire instead of pulseaudio", "Replace grub with systemd-boot": the new setting, asked before it is done
  // (a setting, not a program's module: "replace firefox with chromium" swaps packages, which is not read)
  // ("instead" is a negation word: the phrase expects it)
  { kind: "configure", action: "enable", confidence: 0.6, negated: true, accept: aStatedFreeSetting, patterns: [
    "(use|prefer) [the|my] {setting} (instead of|rather than|in place of) *", "replace * (with|by) [the|my] {setting}"
  ] },
  // "Install and configure syncthing", "set up and enable tailscale": the module, as one order
  { kind: "configure", action: "enable", accept: aTitledSetting, patterns: [
    "(install|add|get|set up|setup) and (configure|enable|set up|setup|activate|start) [the|my|a] {setting}"
  ] },
  // "Hyprland Desktop", "i3 window manager": a desktop or window manager named as what the system should run
  { kind: "configure", action: "enable", accept: (s) => aTitledSetting(s) && (s["setting"] ?? "").split(" ").length <= 2, patterns: [
    "[the|a] {setting} (desktop|desktop environment|window manager|wm|compositor|session)"
  ] },
  // "Get bluetooth working", "make steam work on nixos": the setting that makes it work, asked before it is done
  { kind: "configure", action: "enable", confidence: 0.6, accept: aTitledSetting, patterns: [
    "(get|make) [the|my] {setting} (working|to work|work|running|to run|run) [again|properly|correctly|right] [on nixos|in nixos|on my system|on my machine|on my laptop]"
  ] },
  { kind: "configure", action: "enable", question: true, accept: aTitledSetting, patterns: [
    "(getting|making) [the|my] {setting} (working|to work|work|running|to run|run) [again|properly|correctly|right] [on nixos|in nixos|on my system|on my machine|on my laptop]",
    // "Trying to get docker working", "I'm trying to make printing work": the task named, the plan as the answer
    "[i am] trying to (get|make) [the|my] {setting} (working|to work|work|running|to run|run) [again|properly|correctly|right] [on nixos|in nixos|on my system|on my machine|on my laptop]"
  ] },
  // "I need printing to work", "we need bluetooth working again": what is needed, the setting that gives it, asked first
  { kind: "configure", action: "enable", confidence: 0.6, accept: aTitledSetting, patterns: [
    "[i|we] (need|want) [the|my|our] {setting} (working|to work|to be working|running|to run) [again|properly|correctly|right] [on nixos|in nixos|on my system|on my machine|on my laptop]"
  ] },
  // "Install syncthing as a service", "run jellyfin as a systemd service": the module that runs it, asked first
  { kind: "configure", action: "enable", confidence: 0.6, accept: aTitledSetting, patterns: [
    "[install|run|start|set up|setup|add|configure] [the|my] {setting} as a [systemd|system|user|background] (service|daemon)"
  ] },
  // "Restore avahi", "bring back bluetooth": a setting turned back on (settings only: "restore firefox" is no setting)
  { kind: "configure", action: "enable", confidence: 0.6, accept: aStatedFreeSetting, patterns: [
    "(restore|bring back|re-add|readd) [the|my] {setting} [support]"
  ] },
  // "Move zsh config to home-manager", "use home-manager to configure neovim": the program's home-manager module
  { kind: "configure", action: "set", scope: "home", accept: aTitledSetting, patterns: [
    "(move|migrate|port|convert|switch|transfer) [my|the] {setting} [config|configuration|settings|dotfiles|setup] (to|into|under|over to) [my|the] (home-manager|home manager|hm|home.nix)",
    // ("Add alacritty dotfile to home manager": a program's own config added is its module, not its package)
    "(add|adds|added|put|bring|include) [my|the] {setting} (config|configs|configuration|settings|dotfile|dotfiles|rc) (to|into|under|in) [my|the] (home-manager|home manager|hm|home.nix)",
    "(use|using) (home-manager|home manager|hm) (to|for) (configure|manage|set up|setup|configuring|managing|setting up) [my|the] {setting}",
    "(declaratively|declarative) (configure|manage|set up|setup|enable) [my|the] {setting} (with|in|using|via|through) (home-manager|home manager|hm|home.nix)"
  ] },
  { kind: "configure", action: "set", accept: aTitledSetting, patterns: [
    "(declaratively|declarative) (configure|manage|set up|setup|enable) [my|the] {setting}"
  ] },
  // "install bluetooth", "install root certificate", "install kde plasma": a setting that no package is called
  // (not "install unfree packages": packages are installed)
  { kind: "configure", action: "enable", accept: (s) => aSetting(s) && !/^(?:some|any|a|an|new|more)\b/.test(s["setting"] ?? "") && (settingText(s["setting"] ?? "").split(" ").every((w) => isDictionaryWord(w)) || (/^\S+ \S+/.test(settingText(s["setting"] ?? "")) && !/\bpackages?\b/.test(s["setting"] ?? "") && settingWords.has(settingText(s["setting"] ?? "")))), patterns: [
    "(install|get|set up|setup) [the|my|a] {setting}"
  ] },
  // "Unable to start docker service"
  { kind: "configure", action: "enable", accept: notConfig, patterns: ["(start|run|launch) [the|my] {setting} (service|daemon|server)"] },
  { kind: "configure", action: "set", accept: aSetting, patterns: [
    "(set up|setup|change|set|fix|adjust|manage) [the|my] {setting}"
  ] },
  // ambiguous verbs ("add", "use", "try"): a setting read from them is asked about before it is carried out
  // (the words around the setting are not checked: "add bluetooth minecraft greet" is bluetooth)
  { kind: "configure", action: "enable", confidence: 0.6, accept: aSetting, patterns: ["(add|use|switch to|move to|migrate to|retry|try) [the|my] {setting}"] },
  { kind: "configure", action: "enable", setting: "automatic garbage collection", patterns: [
    "(collect garbage|garbage collect|gc|run garbage collection|run the garbage collector|delete old generations|clean up) (automatically|regularly)",
    "(collect garbage|garbage collect|gc|run garbage collection|run the garbage collector|delete old generations|clean up) (automatically|regularly) {value}"
  ] },
  // "collect garbage every week": a schedule makes it the setting, not a clean-up now
  { kind: "configure", action: "enable", setting: "automatic garbage collection", accept: (s) => /^(?:every|each|once a|daily|weekly|monthly|hourly|nightly)\b/.test(s["value"] ?? ""), patterns: [
    "(collect garbage|garbage collect|gc|run garbage collection|run the garbage collector|delete old generations) {value}"
  ] },
  // titles without a verb ("Pipewire Setup", "Automatic upgrades"): only a setting named alone, so that
  // "Automatic garbage collection depending on disk space ..." (a wish) is not an order
  // (said something about, it is no title: "is pipewire used by default", "does nixos use wayland by default?")
  { kind: "configure", action: "enable", accept: (s) => aStatedFreeSetting(s) && settingText(s["setting"] ?? "") === (s["setting"] ?? "").replace(/^(?:the|my) /, ""), patterns: [
    "[declarative|automatic] {setting} (setup|support|configuration|config|management|set up)",
    "(automatic|automatically|auto|automated) {setting}", "{setting} (automatically|by default)"
  ] },
  // titles naming a program's or a service's module ("Neovim setup", "Rootless podman setup", "Syncthing
  // configuration with home-manager"): the module's settings (programs count here, not after "set up")
  { kind: "configure", action: "enable", accept: (s) => aTitledSetting(s) && (s["setting"] ?? "").split(" ").length <= 3, patterns: [
    "[declarative|declaratively|automatic|rootless|basic|initial|custom] {setting} (setup|set up|configuration|config|configs|settings|timer|timers)",
    "[declarative|declaratively|automatic|rootless|basic|initial|custom] {setting} (setup|set up|configuration|config|configs|settings) (on|in|with|for|using|via|through) *"
  ] },
  // "set up neovim with home-manager", "configure git in configuration.nix": a program's module, by the
  // configuration named ("set up zsh" alone installs it)
  { kind: "configure", action: "set", accept: aTitledSetting, patterns: [
    "(set up|setup|configure|enable|manage) [the|my|a|an] {setting} (with|in|using|via|through|from) [my|the] (home-manager|home manager|hm|nixos|configuration.nix|nix config|nixos config|nixos configuration|home.nix|nix-darwin)"
  ] },
  // "use home-manager gpg-agent", "use the home-manager module for neovim": the program's home-manager module
  { kind: "configure", action: "enable", scope: "home", accept: (s) => aTitledSetting(s) && (s["setting"] ?? "").split(" ").length <= 2, patterns: [
    "(use|using) [the] (home-manager|home manager|hm) [module|modules] [for|of] [the|my] {setting}"
  ] },
  // "Use the NixOS module for jellyfin", "enable the nixos module for tailscale": the module of the system
  { kind: "configure", action: "enable", accept: (s) => aTitledSetting(s) && (s["setting"] ?? "").split(" ").length <= 2, patterns: [
    "(use|using|enable|add) [the|a] [nixos|system] (module|modules|service|service module) (for|of) [the|my] {setting}"
  ] },
  // "Neovim with home-manager", "Syncthing via home-manager": a title naming the task (no verb), a question
  { kind: "configure", action: "set", scope: "home", question: true, accept: (s) => aTitledSetting(s) && (s["setting"] ?? "").split(" ").length <= 2 && !TITLE_VERB.test(s["setting"] ?? ""), patterns: [
    "{setting} (with|via|through|using|in) (home-manager|home manager|hm)"
  ] },
  { kind: "option", accept: (s) => isOptionPath(s["query"] ?? ""), acceptNeeds: ".", patterns: [
    "{query}", "(show|describe|explain) [me] [the] [option] {query}", "what (does|is) [the] [option] {query} [option] (do|mean|for|set to|default to)"
  ] },
  // "which option enables ssh" -> "enables ssh" (the contract keeps the verb)
  { kind: "option", accept: (s) => /^(?:enables|sets|controls|configures|turns on|turns off|disables|changes|decides|makes) /.test(s["query"] ?? ""), patterns: [
    "(which|what) (option|options|setting|nixos option|nixos options|home-manager option|home-manager options) {query}"
  ] },
  { kind: "option", patterns: [
    "(which|what) (option|options|setting|settings|nixos option|nixos options|home-manager option|home-manager options) (is for|are for|do i use for|do i need for|should i use for|to use for) {query}",
    "(what|which) (is|are) the (option|options|setting|settings) (for|of|to|that) {query}",
    "(search|find|list|show|look up|lookup) [me] [the|all] [nixos|home-manager|home manager] (option|options|settings) (for|about|matching|with|to|named|called) {query}",
    "(search|find) [nixos|home-manager] options {query}", "[nixos|home-manager] (option|options) (for|about) {query}", "option {query}"
  ] },

  // --- the inputs of the user's flake (more forms are the flake-update spec's own phrases) -----------------
  { kind: "flake-update", patterns: [
    // "nix: flake update nixpkgs and home-manager" (a commit title), "update nixpkgs"
    "flake update", "flake update {query}",
    "(update|upgrade|bump) [the|my] flake (input|inputs) {query}",
    // "How to Update Single Inputs Within Nix Flakes Without Repinning nixpkgs"
    "(update|upgrade|bump) [a|one|single|individual|specific|some] [flake] (input|inputs) (within|in|of) [nix|my|the|a] (flake|flakes) *"
  ] },
  // "Add cpx to NixPkgs?": asks nixpkgs' maintainers for a package; ask-nix installs what nixpkgs has
  { kind: "unknown", confidence: 0, note: "That asks for a package to be added to nixpkgs (its maintainers do that). To see whether nixpkgs has it, say \"search ...\".", patterns: [
    "(add|package|include|merge|upstream|submit|get) {pkgs} (to|in|into) (nixpkgs|nix packages|the nixpkgs repo|the nixpkgs repository|upstream)",
    // "Update vlc in nixpkgs", "Remove vlc from nixpkgs": a change to nixpkgs itself
    "(update|upgrade|bump|remove|drop|delete|deprecate|backport|unbreak) {pkgs} (in|from|on) (nixpkgs|nix packages|the nixpkgs repo|the nixpkgs repository|upstream|master|staging)",
    "(package|packaging) {pkgs} for (nixpkgs|nix|nixos)",
 "(please|could you|can you|can someone|will you) (package|add) {pkgs} (to|in|for) (nixpkgs|nix|nixos)"
  ] },
  // "Include git in the installer", "add ripgrep to the default ISO": NixOS's installation images are built by its maintainers
  { kind: "unknown", confidence: 0, note: "That asks for NixOS's installation image to change (its maintainers build it). To install a package on this machine, say \"install ...\".", patterns: [
    "(add|adds|include|includes|ship|ships|put|bundle|preinstall) {pkgs} (to|in|into|on|with) [the|a] [default|minimal|graphical|live|nixos|official] (iso|isos|installer|installers|installation image|installation media|install image|install media|live image|live cd|live usb|iso image|installation iso|installer image|installer iso)",
    "(add|adds|include|includes|ship|ships|put|bundle|preinstall) {pkgs} (to|in|into|on|with) [the] (default|preinstalled|base) (packages|package set|software) (of|on|in) [the|a] [default|minimal|graphical|live|nixos|official] (iso|installer|installation image|live image|live cd|live usb)"
  ] },
  // "Remove nix-env -i from the docs": a change to documentation, which its writers make
  { kind: "unknown", confidence: 0, note: "That asks for documentation to change. To act on this machine, say what to do, e.g. \"install firefox\".", patterns: [
    "(add|adds|added|remove|removes|removed|drop|drops|delete|deletes|mention|mentions|document|documents|put|include|includes) * (to|from|in|into) [the] [nix|nixos|nixpkgs|home-manager] (docs|documentation|manual|readme|readme.md|wiki|website|changelog|release notes|faq|guide|tutorial)",
    "(add|adds|added|remove|removes|removed|drop|drops|delete|deletes|put|include|includes) {pkgs} (to|from|in|into) [the|an|our] (example|examples|sample|template|templates) [config|configuration|configs|file|flake]"
  ] },
  // "Install ripgrep in the CI image": an image built by a project, not this machine
  { kind: "unknown", confidence: 0, note: "That asks for an image built elsewhere (CI, a container) to change. To install a package on this machine, say \"install ...\".", patterns: [
    "(add|adds|install|installs|include|includes|put|ship|ships|preinstall|bundle) {pkgs} (to|in|into|on|with) [the|a|our] (ci|docker|container|oci|vm|cloud|base|build|runner) (image|images|container|containers)"
  ] },
  // "update channels": nix-channel, not the Python package "channels"
  { kind: "unknown", confidence: 0, note: "ask-nix does not manage channels (`nix-channel --update` does). To update your packages, say \"update everything\".", patterns: [
    "(update|upgrade|refresh|pull|fetch|sync) [my|the|all|all my|all the] [nix|nixos|nixpkgs] (channel|channels)", "nix-channel --update *", "nix-channel --update"
  ] },
  // "update my channels and packages", "How to update NixOS channel and packages?": the packages are what ask-nix updates
  // (never the Python package "channels")
  { kind: "update", note: "ask-nix updates the packages; the channel itself is updated by `nix-channel --update`.", patterns: [
    "(update|upgrade|refresh) [my|the|all|all my|all the] [nix|nixos|nixpkgs] (channel|channels) (and|&|then|plus) [update|upgrade] [my|the|all|all my|all the] [installed] (packages|software|programs|apps|everything|system)"
  ] },
  // "Updating all packages", "Upgrading packages installed with nix-env": a title naming the task; the plan answers it
  { kind: "update", question: true, patterns: [
    "(updating|upgrading) [all] [my|the|of my|of the] [installed] (packages|programs|apps|software) [installed] [with|through|via|using|by] [nix-env|nix profile|nix|nixpkgs]"
  ] },
  { kind: "unknown", confidence: 0, note: "ask-nix does not measure the store (`du -sh /nix/store` does). Say \"clean up\" to free space.", patterns: [
    "how (big|large|full|much space|much room|much disk space) (is|does|do) [my|the] [nix] store [take|take up|use|need] *", "how much (space|room|disk space) does [my|the] nix store (use|take|take up)"
  ] },

  // --- help -----------------------------------------------------------------------------------
  { kind: "help", patterns: [
    "help", "help me", "(show|list|give|tell) [me] [the|some|a few|an|any] (help|commands|examples|example|usage|options|ideas|tips|hints)", "usage", "examples",
    "commands", "man", "manual", "what can you do *", "what do you do", "what can i (say|ask|do|type) *",
    "what do you understand", "what (commands|requests|things) (are there|can i use|do you understand|do you know)",
    "how does (this|ask-nix|this tool|this program|this thing) work", "how (do|can|should) i use (this|you|ask-nix|this tool|this program)",
    // ("I am confused about networking, should I use networkmanager?" names what it is about: explained, not the help page)
    "(i am|i feel) (lost|confused|stuck)", "(i am|i feel) (lost|confused|stuck) (here|now|again|with this|with you|with ask-nix|with this tool|please|help|help me|help please)", "where do i start", "how do i start", "getting started", "tutorial",
    "what are my options", "who can help me", "what are you capable of", "what are your (features|capabilities|commands)",
    "i (do not know|have no idea) (what to do|how this works|how to use this|how to use you|where to start|what to say|what to type)", "what are you", "what is ask-nix", "what is this", "show me what you can do",
    "--help", "-h", "h", "instructions", "guide", "(i need|need|give me|get|i could use|i want) [some|a little|a bit of|more] help *",
    "what are [the|your|all the] (commands|options|features)", "how (do|can) i (search|look) for [a|some] (package|packages|program|programs|app|apps|software|things|stuff)",
    "how (do|can) i (find|search) [a|some] (package|packages|program|programs|app|apps|software)",
    "i have no (idea|clue) [what i am doing|what to do|what i am doing here|how this works]",
    "i (do not know|have no idea|have no clue) what (i am doing|i am doing here|to type|to ask)",
    "what (do|should|can|could) i (type|say|ask|write|enter)", "(where|how) do i (begin|start)", "what (do|should) i do [next|first]",
    "what is this (tool|program|thing|app|command|cli)", "what can (this|it|this tool|this thing|this program|ask-nix|you) do",
    // "install instructions for nix": a request for instructions, not for a package called "instructions"
    "(install|installation|installing|set up|usage) (instructions|instruction|guide|tutorial|docs|documentation|steps|howto|help) *"
  ] },

  // --- statements with a negation that mean something definite --------------------------------
  { kind: "remove", negated: true, confidence: 0.85, patterns: [
    "(i|we) do not (want|need|use|like|play) {pkgs} (anymore|any more|any longer|no more)",
    "(i|we) (no longer|do not) (want|need|use) {pkgs} (installed|on here|on this machine)",
    "(i|we) (no longer|never) (want|need|use|play) {pkgs} [anymore|any more|any longer]",
    "(i|we) (am|are) (done|finished) with {pkgs}", "(i|we) (am|are) not using {pkgs} (anymore|any more|any longer)",
    "(i|we) have no (use|need) for {pkgs} [anymore|any more|any longer]", "{pkgs} (can|may|should|must) go",
    "{pkgs} is not needed anymore", "{pkgs} (is|are) no longer needed", "(i|we) (stopped|quit) using {pkgs}",
    "(i|we) (hate|dislike) {pkgs} [,] (remove|uninstall|delete) it", "do not need {pkgs} anymore",
    "(i|we) do not (want|need) {pkgs} [installed] [anymore]", "(i|we) do not want {pkgs} on my (machine|computer|system|laptop) [anymore]",
    "(i|we) want {pkgs} (gone|removed|uninstalled|deleted)", "(i|we) (want|need|would like) {pkgs} (off|gone from) [my|this|the] (computer|machine|system|laptop|pc|box|profile|here)", "(i|we) want to be rid of {pkgs}", "(i|we) want rid of {pkgs}",
    "(i|we) would like {pkgs} (gone|removed|uninstalled)", "make {pkgs} go away", "{pkgs} (has|have|needs|need|got) to go",
    "(remove|uninstall|delete|get rid of|ditch|drop) {pkgs} (since|because|as) (i|we) (never|no longer|do not|hardly|rarely|barely) (use|play|need|want|open|touch|run) (it|them) [anymore|any more|any longer]",
    "(remove|uninstall|delete|get rid of|ditch|drop|nuke|purge) {pkg} (i|we) (hate|dislike|do not like|do not use|never use|no longer use|do not need|no longer need|never used|do not want|no longer want) (it|them) [anymore|any more|any longer]",
    "take {pkgs} (off|away|out) *", "out with {pkgs}", "away with {pkgs}", "{pkgs} begone", "goodbye {pkgs}", "bye bye {pkgs}", "bye {pkgs}",
    // "i don't play minecraft anymore, remove it": no wildcard before the order, so "..., don't remove it" cannot match
    "(i|we) (do not|no longer|never) (use|play|need|want|like|open|touch|run) {pkgs} [anymore|any more|any longer|these days|nowadays] [so|and|so please|so just|please|just] (remove|uninstall|delete|get rid of|ditch|drop|nuke|purge|trash) (it|them)",
    "{pkgs} (does not|do not|will not|would not|cannot|did not|no longer) (work|works|start|starts|open|opens|launch|run|runs|load|compile|build) [anymore|any more|properly|right|at all] [so|and|so please|so just|please|just] (remove|uninstall|delete|get rid of|ditch|drop|nuke|purge|trash) (it|them)"
  ] },

  // --- an order at the end about a package named before it ("htop is great, install it") --------
  // pointsBack: skipped when the words after the package hold a contrast or a question
  // ("firefox is fine but chrome crashes, remove it", "vim is old, do i need to update it").
  // 0.75: a word the index does not know ("my cat is sick, remove it") then falls below the threshold.
  { kind: "install", negated: true, patterns: [
    "{pkgs} (is not|are not) installed [yet|already] [so|and|so please|please|just|so just] (install|get|add) (it|them) [now|please]",
    "(install|get|add) {pkgs} (if|when|in case) (it is|they are) not (installed|there|already installed|present) [already|yet]",
    "{pkgs} (does not|do not|will not|cannot|no longer) (work|works|start|starts|open|opens|launch|run|runs|load) [anymore|any more|properly|right|at all] [so|and|so please|so just|please|just] (reinstall|re-install) (it|them)"
  ] },
  { kind: "install", pointsBack: true, confidence: 0.75, patterns: [
    "{pkgs} (is|are|was|were|looks|look|seems|seem|sounds|sound|keeps|keep|has|have|got) * (install|reinstall|re-install|get|add) (it|them) [again|back]",
    "(i|we) (use|need|love|like|want|rely on) {pkgs} * (so|and) [please|just] (install|get|add) (it|them)",
    // "firefox and vlc, install them please"
    "{pkgs} (install|get|add) (it|them) [now|both|all]"
  ] },
  { kind: "remove", pointsBack: true, confidence: 0.75, patterns: [
    "(i|we) (am|are|got|have got) (sick|tired|fed up) (of|with) {pkgs} [so|and|so please|so just|please|just] (remove|uninstall|delete|get rid of|ditch|drop|nuke|purge|trash) (it|them)",
    "(i|we) (am|are) (done|finished|through) with {pkgs} [so|and|so please|so just|please|just] (remove|uninstall|delete|get rid of|ditch|drop|nuke|purge|trash) (it|them)",
    "(i|we) (stopped|quit|gave up|have stopped|have quit) (using|playing|playing with|running) {pkgs} [so|and|so please|so just|please|just] (remove|uninstall|delete|get rid of|ditch|drop|nuke|purge|trash) (it|them)",
    "{pkgs} (is|are|was|were|keeps|keep|kept|has|have|seems|seem|looks|look|sucks|suck|crashes|crashed|broke|hangs|freezes|takes|uses|eats) * (remove|uninstall|delete|get rid of|ditch|drop|nuke|purge|trash|bin) (it|them)"
  ] },
  { kind: "remove", patterns: [
    // "Remove unused newelle package" ("delete unused code" is not vscode: the package is named as one)
    "(remove|uninstall|delete|drop|purge) [the|my] unused {pkg} (package|program|app|application)",
    "(remove|uninstall|delete|get rid of|ditch|drop|nuke|purge) {pkgs} (it|they) (is|are|was|were|keeps|keep|sucks|suck|crashes|crash|takes|take|uses|use|eats|eat|broke|hangs) *",
    "get {pkgs} (off|out of) (my|this|the) (computer|machine|system|laptop|pc|box|profile|desktop|server)"
  ] },
  { kind: "update", pointsBack: true, confidence: 0.75, patterns: [
    "{pkgs} (is|are|was|were|looks|look|seems|seem|feels|feel|has|have|keeps|keep|got) * (update|upgrade|bump|refresh) (it|them) [to the latest|to the latest version|to the newest version|to latest]",
    "there (is|are) (a|an) (new|newer|updated) [version of|release of|version for] {pkgs} [out|available|released|now] * (update|upgrade|bump|get|install) (it|them)"
  ] },
  { kind: "update", patterns: [
    "(update|upgrade|bump) {pkgs} (it|they) (is|are|was|were|looks|seems) (outdated|out of date|old|too old|ancient|behind|stale) *"
  ] },

  // --- titles that name a task ("Deleting old generations", "Rolling back system generations"): the plan
  // answers them, they are never carried out
  { kind: "clean", question: true, patterns: [
    "(deleting|removing|cleaning up|cleaning|clearing|pruning|purging|garbage collecting|getting rid of) [all] [the|my] [old|older|previous|unused|stale] [system|nixos|user|home-manager] (generations|gens|profiles|system profiles|profile generations|boot entries|store paths)",
    "(garbage collection|garbage-collection|cleaning up|cleanup) (of|for) [the] [nix] [store|generations|old generations]",
    "(garbage collection|garbage-collection|cleaning up|cleanup) (of|for) [the] (last|old|older) * (generations|gens)",
    // "Cleaning up the nix store", "Shrinking /nix/store"
    "(cleaning up|cleaning out|cleaning|clearing|pruning|purging|garbage collecting|shrinking|tidying up|tidying|freeing up|freeing) [my|the] [nix] (store|disk space|space) [on nixos]"
  ] },
  { kind: "rollback", question: true, patterns: [
    "(rolling back|reverting|going back) [to] [the|a|my] [previous|old|older|last|earlier] [system|nixos] [generation|generations|configuration|config|version]",
    // "Reverting a bad update", "Rolling back a failed switch"
    `(rolling back|reverting|undoing) [the|a|my|an] [last|latest|recent] [bad|broken|failed|faulty] ${UPDATE}`
  ] },
  { kind: "generations", patterns: ["(listing|list|show|showing) [all] [the|my] [nixos|system|old] generations (and|then) *", "(list-generations|list generations) (and|then) *"] },

  // --- home-manager's own commands -----------------------------------------------------------------
  { kind: "rebuild", mode: "switch", scope: "home", patterns: ["(home-manager|home manager) switch", "(home-manager|home manager) switch *", "(apply|activate) [my|the] (home-manager|home manager|home.nix) (config|configuration|changes)"] },
  { kind: "generations", scope: "home", patterns: ["(home-manager|home manager) generations", "(list|show) [my|the] (home-manager|home manager) generations"] },
  { kind: "clean", scope: "home", patterns: ["(home-manager|home manager) expire-generations *"] },

  // --- NixOS: rebuild the system from its configuration ----------------------------------------
  { kind: "rollback", scope: "system", patterns: ["nixos-rebuild [switch|boot] --rollback *"] },
  { kind: "rebuild", mode: "build", scope: "system", negated: true, patterns: [
    "rebuild [my|the] [system|config|configuration|nixos] (but|without) (do not|not|without) (switch|switching|activating|activate|applying|apply) [to it|it]",
    "(build|rebuild) [my|the] [new] (config|configuration|system|nixos) (but|without) (do not|not|without) (switch|switching|activating|activate|applying|apply) [to it|it]",
    "build [my|the] [new|nixos] (config|configuration|system) [only]", "nixos-rebuild build", "nixos-rebuild build *", "rebuild build",
    "(only|just) build [my|the] [new|nixos] (config|configuration|system)", "build without switching",
    "does my (config|configuration) build", "check that my (config|configuration) builds",
    "(build|rebuild) [my|the] [new|nixos] [config|configuration|system] without (switching|activating|applying) [to it|it]"
  ] },
  { kind: "rebuild", mode: "test", scope: "system", patterns: [
    "test [my|the] [new|nixos] (config|configuration|system) [without making it the default|temporarily|until reboot]",
    "nixos-rebuild test", "nixos-rebuild test *", "rebuild test", "try [my|the] [new] (config|configuration) [temporarily|without making it the default]",
    "(activate|apply) [my|the] [new] (config|configuration) (temporarily|until reboot|until the next boot|until next boot)",
    "switch (temporarily|until reboot)", "rebuild (temporarily|until reboot)"
  ] },
  { kind: "rebuild", mode: "boot", scope: "system", patterns: [
    "rebuild (for|on|at) [the] next (boot|reboot|restart|startup)", "nixos-rebuild boot", "nixos-rebuild boot *", "rebuild boot",
    "(apply|activate|use|switch to) [my|the] [new] (config|configuration) (on|at|after|for) [the] next (boot|reboot|restart|startup)",
    "make [my|the] [new] (config|configuration|system) the (boot|default|boot default|default boot) [entry|one|option]",
    "make [my|the] [new] (config|configuration|system) the default (on|at|for|after|from) [the] next (boot|reboot|restart|startup)",
    "(rebuild|build) [my|the] [new|nixos] [config|configuration|system] (for|on) [the] next (boot|reboot|restart|startup)",
    "(set|make) [my|the] [new] (config|configuration) [to be] active (on|at|after) [the] next (boot|reboot)"
  ] },
  { kind: "rebuild", mode: "dry-build", scope: "system", negated: true, patterns: [
    "nixos-rebuild dry-build", "nixos-rebuild dry-run", "nixos-rebuild dry-activate", "rebuild dry-build", "(dry build|dry-build|dry run|dry-run) [my|the] [new|nixos] [config|configuration|system]", "dry rebuild", "dry-run rebuild",
    "what would (a rebuild|rebuilding|nixos-rebuild|switching) (change|do|build)", "(show|preview) what (a rebuild|rebuilding) would (change|do|build)",
    "rebuild (dry run|dry-run|--dry-run|as a dry run)", "what would change if i (rebuild|switch|rebuilt|apply my config|applied my config)"
  ] },
  { kind: "rebuild", mode: "switch", scope: "system", patterns: [
    "(apply|activate|deploy|use|load) [my|the] [new|nixos|system|changed|latest|updated] (config|configuration|changes|nixos config|nixos configuration|configuration.nix|system config|system configuration)",
    "(apply|activate|deploy) [my|the] (changes|edits) [to|in] [my|the] [nixos|system] [config|configuration|configuration.nix]",
    "rebuild", "rebuild [my|the] (system|nixos|config|configuration|machine|nixos system)", "rebuild and switch",
    "rebuild switch", "nixos-rebuild switch", "nixos-rebuild", "nixos-rebuild switch *", "(rebuild|build) and (activate|switch|apply)", "switch [to] [my|the] new (config|configuration|system)",
    "(rebuild|switch) [my|the] [nixos] (system|config|configuration) [now|and switch|and activate]",
    "make [my|the] (config|configuration|changes) (live|active|take effect)", "i (changed|edited|updated) [my] configuration.nix *",
    "i (changed|edited|updated) my (config|configuration|nixos config|nixos configuration|system configuration) *",
    "reload [my|the] [nixos|system] (config|configuration)",
    "(rebuild|build) and (switch|activate|apply) (to it|it|to the new one|the new one)", "(do|run) [a|the] (nixos-rebuild|rebuild|nixos rebuild) [switch]",
    "(rebuild|build) [my|the] [nixos] (system|config|configuration) and (switch|activate|apply) [to it|it|to the new one]"
  ] },

  // --- clean up: before remove/delete, which would read "old generations" as packages -------------
  { kind: "clean", patterns: [
    "(clean|clean up|tidy|tidy up|prune) [my|the|old] * [but|and] keep [only|just] [the] [last|latest|newest|most recent] {count} [generations|gens|of them|versions]",
    "(clean|clean up|tidy up|prune|gc|nix gc|garbage collect|collect garbage|collect the garbage|run gc|run the gc|run garbage collection|run the garbage collector|do a gc|free up space|free space|free up some space) [but|and] (keep|keeping) [only|just] [the] [last|latest|newest|most recent] {count} [generations|gens|of them|versions]",
    "(delete|remove|drop|clear|wipe|purge|prune|clean up) [all] [my|the] [old|older] (generations|gens) [but|and] (keep|keeping) [only|just] [the] [last|latest|newest|most recent] {count} [generations|gens|of them|versions]",
    "(delete|remove|drop|clear|wipe|purge|prune|get rid of) [all] [my|the] (old|older|unused) (stuff|things|junk|versions|packages) [but|and] (keep|keeping) [only|just] [the] [last|latest|newest|most recent] {count} [generations|gens|of them|versions]",
    "(delete|remove|drop|clear|wipe|purge|prune) [all] [the] [old|older] (generations|gens) but [keep] [the] [last|latest|newest|most recent] {count} *",
    "keep [only|just] [the] [last|latest|newest|most recent] {count} (generations|gens) *", "only keep [the] [last|latest] {count} (generations|gens) *",
    "(delete|remove|drop|wipe|clear) (all|everything) but [the] [last|latest|newest] {count} (generations|gens)",
    "(delete|remove|wipe|clear|drop|purge) (everything|all|generations|all generations|all the generations) older than the (last|latest|newest) {count} [generations|gens]"
  ] },
  // "clean everything but keep my recent 'n' generations": a clean keeping a number not given; its plan is shown
  // (the number is asked for, nothing is done)
  { kind: "clean", question: true, note: "How many generations to keep was not said: say \"keep the last 5\" to choose.", patterns: [
    "(clean|clean up|tidy|tidy up|prune|delete|remove|wipe|clear|purge) * [but|and] (keep|keeping) [only|just] [my|the] [last|latest|newest|most recent|recent] (n|x|k|some|a few|few|several|a couple of|couple of|the recent|the last|the latest) [recent|last|latest] (generations|gens|of them|versions)"
  ] },
  // "My store grew to 144GB and filled my drive, so I couldn't update": the problem told, the plan answers it
  { kind: "clean", question: true, patterns: [
    "[my|the] [nix] store (filled|fills|has filled|filled up|is filling up|ate|eats|has eaten|is eating|grew|has grown|keeps growing|is growing|takes up|took up|is taking up) *"
  ] },
  // "except" is a negation word, expected here; no trailing wildcard, so nothing can hide a "do not"
  { kind: "clean", negated: true, patterns: [
    "(delete|remove|drop|clear|wipe|purge|prune|clean up) [all] [my|the] [old|older] (generations|gens) (except|excluding|apart from|other than|save) [for] [the] [last|latest|newest|most recent] {count} [generations|gens|ones|of them]",
    "(clean up|clean|delete|remove|wipe|clear|purge) (everything|all) (except|excluding|apart from|other than|save) [for] [the] [last|latest|newest|most recent] {count} [generations|gens|ones|of them]",
    // "remove all generations except the current one": every old generation
    "(delete|remove|drop|clear|wipe|purge|clean up) [all|every] [my|the] [old|older] (generations|gens|generation) (except|excluding|apart from|other than|save|but) [for] [the] (current|latest|newest|active|last) [one|generation|gen]"
  ] },
  { kind: "clean", patterns: [
    "clean [up] [some|my|the] [disk|hard drive] (space|storage)", "clean", "clean up", "clean out [my|the] [old] [stuff|things|junk|cruft|garbage|generations]", "clean [up] [my|the] (system|profile|store|nix store|nix/store|/nix/store|disk|nix|space|mess|junk|old stuff|old things|garbage|cache)",
    "clean (everything|it all|things|stuff|all this|all of it) up", "(clean|tidy) up (everything|it all|all the things)",
    "clean [up] [my|the|all] [old|older|unused] (generations|gens|packages|versions|stuff|builds|store paths|paths)",
    "(delete|remove|drop|clear|wipe|purge|prune|erase|get rid of|trash|nuke|throw away|throw out|toss) [all] [my|the] (old|older|previous|unused|stale|outdated) (generations|gens|versions|packages|builds|store paths|paths|stuff|profiles)",
    // "delete old home-manager generations", "get rid of old nixos generations in the boot menu", "remove old boot entries",
    // "remove unused packages from the nix store"
    "(delete|remove|drop|clear|wipe|purge|prune|erase|clean|clean up|get rid of) [all] [my|the] (old|older|previous|unused|stale|outdated) (nixos|system|user|home-manager|home manager) (generations|gens|profiles) [from|in] [the] [boot menu|grub|grub menu|boot loader|bootloader]",
    "(delete|remove|drop|clear|wipe|purge|prune|erase|clean|clean up|get rid of) [all] [my|the] (old|older|previous|unused|stale|outdated) (generations|gens) (from|in) [the] (boot menu|grub|grub menu|boot loader|bootloader)",
    "(delete|remove|drop|clear|wipe|purge|prune|erase|clean|clean up|get rid of) [all] [my|the] (old|older|previous|stale|outdated) (boot entries|boot menu entries|grub entries|kernels)",
    "(delete|remove|drop|clear|wipe|purge|prune|erase|get rid of) [all] [the] (unused|old|dead|stale) (packages|paths|store paths|stuff|things|files) from [my|the] [nix] (store|nix/store|/nix/store)",
    "(delete|remove|drop|clear|wipe|purge|prune|erase) [all] [my|the] (generations|gens)",
    // "clean up old versions of packages", "remove old versions of packages from the store", "apt autoremove"
    "(clean up|clean|delete|remove|drop|clear|purge|prune|get rid of) [all] [the|my] (old|older|previous|unused|outdated|stale) versions of [my|the|all] [installed] (packages|programs|software|apps) [from|in] [the|my] [nix] [store]",
    "(apt|apt-get) (autoremove|autoclean|clean)", "(dnf|yum) (autoremove|clean all)", "brew cleanup", "pacman -sc",
    // "garbage collect old generations", "gc the store"
    "(garbage collect|garbage-collect|gc) [all] [my|the] [old|older|previous|unused|stale] [nix] (generations|gens|profiles|store|store paths|paths|builds|packages|versions|stuff)",
    // nh's own cleaner ("Run `nh clean`", "nh clean all")
    "[run|do|execute|use] nh clean [all|user|profile]", "[run|do|execute|use] nh clean (all|user|profile) *",
    "(delete|remove|drop|clear|wipe|purge|prune|clean up) [all] [my|the] [old|older|previous|unused] (generations|gens) (and|then) [also] [do a|run a|run the|do the] (collect garbage|garbage collect|garbage collection|gc|garbage collector|free up space|free up the space|free space|clean up) [the|their|my] [old|unused|dead] [nix] [packages|store|store paths|paths]",
    "(collect|run|do|start) [a|the|some] (garbage|garbage collection|garbage collector|gc)", "(clear|reclaim) [some|more] [disk] (space|room|storage)", "garbage collect", "garbage collection", "gc", "nix gc",
    "nix-collect-garbage *", "nix store gc", "nix-store --gc", "nix-store --gc *", "nix-env --delete-generations *",
    "(run|do|execute) (nix-collect-garbage|nix-store --gc|nix store gc) *", "free [up] [some] [more] [disk|hard drive|hdd|ssd|nix store] (space|room|storage) *",
    "free up (my|the|some of my|some of the) (disk|drive|hard drive|hdd|ssd|nix store|store)",
    "(make|get|reclaim|recover|save) [some] [more] [disk] (space|room|storage) *", "i (need|want) [more] [some] [disk] (space|room|storage) *",
    "[my|the] (disk|drive|hard drive|hdd|ssd|nix store|store|root partition|partition) (is|are) (full|almost full|nearly full|filling up|getting full|too big|huge) *",
    "i am (running out of|out of|low on) [disk] (space|storage|room) *", "(running out of|out of|low on) [disk] (space|storage|room)", "[my] [disk] (space|storage) is (low|running out|running low|full|almost full) *", "(not|no) enough [disk] (space|room|storage) *",
    "(tidy|tidy up|prune|vacuum|declutter|shrink|slim down|trim|compact) [my|the] [nix] [store|profile|system]", "empty [the] (trash|garbage|store)",
    "the nix store is (too big|huge|full|enormous)", "(shrink|reduce) [the] [size of] [my|the] [nix] (store|nix/store|/nix/store)", "(optimize|optimise) [the|my] [nix] store",
    // "Nix store optimization", "Reduce disk usage of nix store", "gc old generations"
    "[the] [nix] store (optimisation|optimization|deduplication)", "(reduce|shrink|cut) [the] [disk] (usage|size|space) (of|used by) [the|my] [nix] store",
    "gc [all] [the|my] [old|older|unused] (generations|gens)",
    "(remove|delete|clear) [the] (garbage|junk|cruft|unused stuff|unused packages|dead paths)"
  ] },

  { kind: "unknown", confidence: 0, note: "I cannot delete generations by age. Say \"delete old generations\" (all but the current one) or \"keep the last 5\".", patterns: [
    "(delete|remove|clean up|clean|wipe|clear|purge|drop) [all] [my|the] [old] (generations|gens) older than *"
  ] },

  // --- generations ------------------------------------------------------------------------------
  { kind: "generations", patterns: [
    "generations", "gens", "(list|show|see|display|print|view|get|give me) [me] [all] [my|the] [available|old|previous|past|profile] (generations|gens|profile generations|history|profile history|snapshots|rollback points|restore points|versions of my profile)",
    "what (generations|snapshots|rollback points|restore points) (do i have|are there|exist|are available|can i roll back to|can i go back to) *",
    "(how many|which) (generations|snapshots) *", "(my|the) (generations|history|profile history|generation history|gens)",
    "history", "(show|list|see|display|view) [me] [my|the] [recent|latest|last|past] (history|changes|change history|past changes|generation list|generation history|profile history)",
    "(which|what) (generation|gen) (is|am i) (active|current|in use|running|booted|on)",
    "what (did i change|have i changed|changed) [recently|lately] *", "what can i (roll back|go back|revert) to",
    "(list|show) [me] [my|the] (generations|gens) of [my|the] profile", "nix-env --list-generations", "nix profile history",
    "nixos generations", "(list|show) [me] [my|the] nixos generations",
    // "sudo nix-env -p /nix/var/nix/profiles/system --list-generations", "nix-home --list-generations"
    "* --list-generations", "* --list-generations *",
    "(view|show|see|get|list) [me] [a|the] (diff|difference|differences|changes) between [two|2|the|my] (generations|gens)",
    "(list|show|see) and (delete|remove|clean|clean up) [old|the|my] [nixos|system] (generations|gens)",
    "(are|were) [the|my] [old] generations (deleted|removed|kept|gone) *", "(generation|generations|gen) (list|history)", "which generation am i on", "what generation am i on",
    "(what is|show) [my|the] current generation", "(list|show|see) [the] (generations|gens) (please|now)",
    "(show|list|see|view|display|print) [me] [all] [the] (history|generations|gens|change history|past versions) (of|for) [my|the] [user] [profile]",
    // "How can I see the list of generations?", "see what changed between generations"
    "(see|show|get|view|print|display|give me) [me] [the|a] list of [all] [my|the] [old|available|profile|system] (generations|gens)",
    "(see|show|view|list) what changed between [the|my|two] (generations|gens)",
    // what generations hold or how they differ, in any words around it ("nixos hosts: Add diff between generations",
    // "compare two system generations", "which packages would I lose if I delete a generation?"): the list answers it
    "* (diff|diffs|difference|differences|changes|changed) (between|across|among) * (generations|gens) *",
    "* (compare|comparing|comparison of) * (generations|gens) *",
    "* (packages|programs|software|apps) * (lose|lost|losing|disappear|go away|be removed|are removed) (if|when|by|after) * (generation|generations|gens) *"
  ] },

  { kind: "generations", scope: "system", patterns: ["nixos-rebuild list-generations"] },

  // --- rollback: generation numbers first ------------------------------------------------------
  { kind: "rollback", patterns: [
    "(roll back|go back|revert|return|switch|restore|reset|jump|change|move|get back|go) [back] [to] [the] (generation|gen|version|snapshot) [number|no|nr|#] {n} *",
    "(roll back|go back|revert|restore|return) [back] to {n}", "(use|activate|boot|load) [the] (generation|gen) [number] {n}",
    "(switch|change|set) [the] (generation|gen) to [number] {n}", "(boot|switch|go) (into|to) [the] (generation|gen) [number|no|nr|#] {n}",
    "(roll back|rollback) [to] {n}", "nix-env --switch-generation {n}", "nix-env -g {n}", "nix profile rollback --to {n}",
    "generation {n} please", "(i want|i would like|take me back to|back to) (generation|gen) {n}"
  ] },
  // "generation 9 please" ("please" is stripped): likely an order, but "generation 9" alone may be a question
  { kind: "rollback", confidence: 0.55, note: "Switching to that generation; I will ask first.", patterns: ["(generation|gen) {n}"] },
  // --- rollback by a count ("go back two generations"): before the plain and complaint phrases below,
  // which would read it as one step back. "roll back 2" and "roll back to 2" stay generation numbers.
  { kind: "rollback", patterns: [
    "(roll back|rollback|go back|step back|jump back|move back|get back|revert|rewind) [by] {back} (generations|generation|gens|gen|steps|step|versions|version|snapshots|states) [back|ago|earlier|please]",
    "(go|step|jump|move|roll|get) {back} (generations|generation|gens|steps|step|versions|snapshots) back [please]",
    // "go back by 2", "roll back twice" ("roll back 2" is generation 2, above)
    "(roll back|rollback|go back|step back|jump back|move back|rewind) by {back}",
    "(roll back|rollback|go back|step back|undo|revert|rewind) [it|that|this|things] {back} (times|time)", "(roll back|rollback|revert) [it|that|this|things] {times}", "(go back|step back|undo|rewind) [it|that|this|things] {back}",
    "(undo|revert|reverse|roll back|rollback|take back) [the|my] (last|past|previous|latest|recent) {back} (updates|upgrades|changes|installs|generations|gens|steps|actions|things|updates i did|changes i made)",
    "(undo|revert|reverse|roll back|rollback|take back) (the|my) (last|past|previous) {back}",
    "(undo|revert|reverse|take back) (1|one|a|an) (update|upgrade|change|install|step|action|thing)", "(undo|revert|reverse|take back) {back} (updates|upgrades|changes|installs|steps|actions|things)",
    "(restore|switch to|use|go to|go back to|back to|bring back) (the|my) (generation|version|state|snapshot|one|setup|profile|system|config|configuration) [from|of] {back} (generations|gens|steps|versions) (back|ago|before|earlier)",
    "(take|bring|put) (me|us|it|things|everything) back {back} (generations|generation|gens|steps|versions)",
    "* (broke|broken|messed up|ruined|screwed up|borked|killed|wrecked|stopped working|not working|does not work) * (go back|roll back|step back|revert|rewind) [by] {back} (generations|generation|gens|steps|versions) *"
  ] },
  { kind: "rollback", patterns: [
    "roll back", "roll [it|that|this|things|everything|the changes|my changes|back] back", "roll [it|that|this] back [please|now]",
    "(roll back|go back|revert|return|switch back|switch|restore|reset|downgrade|get back) [back] [to] [the|a|an|my] (previous|last|old|older|prior|earlier|former|before|good|working|last good|last working|previous working|previous good|stable|known good|earlier working) [one|version|generation|gen|state|profile|snapshot|config|configuration|setup|system|nixos generation|system generation|channel|release]",

    "(roll back|go back|revert|return|get back|switch back) [to] (how|the way|where) (it|things|everything) (was|were) [before] *",
    // "how do i boot into an older generation?", "how to undo nixos-rebuild switch"
    "boot [into|to|from|back into] [the|an|a|my] (previous|last|old|older|prior|earlier|former|last working|last good|working) (generation|gen|configuration|config|system|version|nixos generation|system generation)",
    "(undo|revert|reverse) [the|my|a] [last|latest|previous|recent] (nixos-rebuild switch|nixos-rebuild|home-manager switch)",
    "undo", "undo (it|that|this|everything|all that|the changes|my changes|what i did|what you did|the last one|that last one)",
    `undo [the|my|that|this|a] [last|latest|previous|recent|most recent] [bad|broken|failed|faulty] ${UPDATE} *`,
    `(revert|reverse|cancel|roll back|rollback|take back) [the|my|that|this|a] [last|latest|previous|recent|most recent] [bad|broken|failed|faulty] ${UPDATE} *`,
    "go back", "go back [one|a] [step|generation|version]", "(step|go) back [one|a] (step|generation|version)", "revert",
    "revert [it|that|this|everything]", `(restore|bring back) [the|my] (previous|last|old|earlier|prior|working) ${GEN}`,
    "(take|bring|put) me back", "(take|bring|put) (it|things|everything|me) back [to] (how|the way|where) * (was|were) *",
    "back to (before|the previous|the last|the old|how it was) *", "previous generation [please]", "last generation [please]",
    `(the|that|this|my) [last|latest|recent] ${UPDATE} (broke|broken|messed up|ruined|killed|destroyed|screwed up|wrecked|trashed) * (go back|roll back|undo|revert) *`,
    "* (broke|broken|messed up|ruined|screwed up|messed|screwed|borked|killed|wrecked|trashed|destroyed|bricked|busted|died|crashes|crashing|stopped working) * (go back|roll back|roll it back|roll that back|roll things back|roll everything back|undo it|undo that|undo the update|undo the upgrade|revert|revert it|revert that|take me back|put it back) *",
    "(take|bring|put|get) (me|it|us|things|everything) back to (before|the previous|the last|the old|how it was|the way it was|the state before) *", "(go|get) back to (before|the way it was|how it was) *",
    "(go back|roll back|undo|revert) * (broke|broken|messed up|ruined|screwed up|not working|does not work) *",
    "nix-env --rollback", "nix profile rollback", "nixos-rebuild switch --rollback", "nixos-rebuild --rollback",
    "(i want|i would like) (to go back|to roll back|to undo|the old version back|the previous version back|my old setup back)",
    "(i|we) (want|need) [to go] back to [the] (previous|last|old|earlier) (generation|version|state|setup|config)",
    "(rewind|revert|undo) [the|that] (last|latest|previous) (step|action|change|thing|one)",
    "(roll back|go back|revert|return|switch back) [to] the one before [that|this|it|the current one]",
    "(roll back|revert|undo) [my|the|a] (config|configuration|system config|system configuration|nixos config|nixos configuration|last change|last changes)"
  ] },
  // "Unable to rollback to 16.09": an earlier release; the generation built from it is the way back
  { kind: "rollback", accept: (s) => /^(?:nixos-?)?\d{2}\.\d{2}\b/.test(s["value"] ?? ""), patterns: ["(roll back|rollback|go back|revert|downgrade) [back] to [nixos|release] {value}"] },
  // "undo the steam install": a rollback undoes the last change, which may not be that one
  { kind: "rollback", confidence: 0.5, note: "Rolling back undoes the last change, whatever it was: I will ask first.", patterns: [
    "(undo|revert|reverse|roll back|rollback) [the|my|that] {pkg} (install|installation|update|upgrade|removal|uninstall)",
    "(undo|revert|reverse) (installing|updating|upgrading|removing|uninstalling) {pkg}"
  ] },
  // the negation is in the complaint; the order is fixed words at the end, so "..., do not roll back" cannot match
  { kind: "rollback", negated: true, patterns: [
    `* (is not working|are not working|does not work|do not work|will not boot|does not boot|will not start|does not start|cannot boot|is not booting) [anymore] (after|since) (the|my|that|this) [last|latest|recent] ${UPDATE} [so|and|so please|please|just] (go back|roll back|roll it back|undo it|undo that|revert|revert it|take me back)`
  ] },
  // (a complaint only reports: the way back is shown as the answer, never taken: "This update broke my bootloader")
  { kind: "rollback", confidence: 0.5, question: true, note: "A complaint about a change: rolling back is a guess; here is how, if you want it.", patterns: [
    `(the|that|this|my) [last|latest|recent] ${UPDATE} (broke|broken|messed up|ruined|killed|destroyed|screwed up|wrecked|trashed) *`,
    `* (broke|stopped working|does not work|is broken|is not working) (after|since) (the|my|that|this) [last|latest|recent] ${UPDATE} *`,
    `(everything|it|things|my system|stuff|something) (broke|is broken|broken|stopped working) *`
  ] },

  // "what programs are there for drawing": before the list below reads "what programs are ..." as installed ones
  { kind: "search", patterns: [
    "(what|which) (packages|programs|apps|tools|software|applications) (are there|exist|are available|do you have|can i use|can i install|could i use) (for|to) {query}",
    // "i'd like to start programming in python" (not "start" a program called programming)
    "(start|begin|get into|get started with) (programming|coding|developing|scripting|writing code) (in|with) {query}"
  ] },

  // --- list -------------------------------------------------------------------------------------
  { kind: "list", patterns: [
    "list", "list (packages|installed|installed packages|everything|all|my stuff|software|apps|programs|my software|my apps|my programs|it all)",
    "(list|show|see|display|print|view|give me|tell me) [me] [all] [of] [my|the] [installed|current] (packages|software|apps|programs|stuff|things|tools|applications|profile|installed stuff|installed things|packages i have|packages installed)",
    "(list|show|see|display|print|view|tell me) [me] [all] [the] (packages|software|apps|programs|things|stuff) [that] (i have|i have installed|installed|are installed|i installed|in my profile|on my system|on this machine)",
    // "list packages installed in my profile", "show the programs that are installed on the system": installed, then where
    "(list|show|see|display|print|view|enumerate) [me] [all] [of] [my|the] [installed|current] (packages|software|apps|programs|stuff|things|tools|applications|everything) [that|which] [are|were|i have|i] installed (in|on|into|with|by|through|via|using) *",
    "(list|show|see|display|print|view|tell me) [me] (what|everything|all) (i have|i have installed|is installed|i installed|i got|is in my profile|is on my system|i am running) *",
    "what (is|are|do i have|have i|did i|got) (installed|install|installed here|installed now|installed right now|on my system|in my profile|on this machine) *",
    "what (packages|software|apps|programs|tools|stuff|things) (are|do i have|have i got|have i|did i) [got] [installed] *",
    "(what|which) (packages|software|apps|programs|tools|stuff|things) (did i|have i|did we|have we) (install|installed|get|got|add|added) *",
    "what do i have [installed] *", "what have i [got] installed *", "what have i installed *", "what is in my profile *",
    "which (packages|software|apps|programs|tools) (are|is|do i have|have i) [got] [installed] *",
    "(get me|give me|show me|make me) a list of [my|the|all] [installed] (packages|programs|apps|software)", "what is installed already *",
    // "how do i get a list of installed packages", "hoping to get list of packages with their version numbers"
    "(get|obtain|produce|generate|output|export|print|see|view|have) [me] [a|the] list of [my|the|all] [currently] [installed] (packages|programs|apps|software|applications) [that are installed|i have installed|installed] [with|and] [their|the] [version|versions|version numbers]",
    "[my] [installed] (packages|software|apps|programs|stuff)", "(everything|all) (installed|i installed|i have installed)", "what is in", "what is (here|there)", "installed", "installed packages", "nix-env -q", "nix-env --query",
    "nix profile list", "(packages|apps|programs|software|applications)", "what is on my system", "what is (in|on) my (profile|environment|system)", "inventory",
    "[to] (see|show|view|list) what [the|my] [current] profile contains", "what did i install *",
    "(how many) (packages|programs|apps) (are installed|do i have|have i installed) *", "ls",
    "ls (packages|installed|installed packages|my packages|profile|-l|-la|all)",
    "(show|list|display|print|see|view) [me] [my|the|all] installed [ones]",
    "(show|list|display|print|see|view|give me) [me] [my|the] (package list|list of packages|list of my packages|list of installed packages|installed list|list of installed software|list of installed programs)",
    "how many (packages|programs|apps) (have i got|have i|did i install|are there in my profile) *",
    // "what is on my system", "what is on here": the place was stripped as filler
    "what is",
    "(list|show|see|display|print|view|tell me) [me] (everything|all|all the things|all the stuff) (installed|that is installed|i installed|i have installed|i have)",
    "what (have|did) (i|we) got", "enumerate [all] [my|the] [installed] (packages|software|apps|programs)"
  ] },

  // --- explain, questions about Nix itself (the engine keeps only known topics) -------------------
  { kind: "explain", patterns: [
    "(what|how) (is|are|does|do) [a|an|the] {query} (mean|work|do|for|used for|good for|about)",
    "what (is|are) [a|an|the] {query}", "what does [a|an|the] {query} mean", "explain [to me] [what] [a|an|the] {query} [is|are|means|does]",
    "(define|meaning of|definition of) [a|an|the] {query}", "how does [a|an|the] {query} work", "how do {query} work",
    "i do not (understand|get) [what] [a|an|the] {query} [is|are|means]", "(tell me|teach me) (about|what) [a|an|the] {query} [is|are]",
    "(eli5|explain like i am five) [a|an|the] {query}", "what is the (difference|diff) between {query}", "difference between {query}",
    "{query} (vs|versus|or) {query2}", "should i use {query} or {query2}", "why (use|should i use|do i need) [a|an|the] {query}",
    "what (is|are) [a|an|the] {query} (in nix|in nixos|in nixpkgs)", "what is this {query} thing",
    "(is|are) [a|an|the] {query} (safe|dangerous|risky|necessary|needed|required|important|useful) [on nixos|in nixos|with nixos|for nixos|on nix|in nix|with nix|for nix|in nixpkgs]", "what is that {query} thing",
    "help me understand [a|an|the] {query}", "what is meant by [a|an|the] {query}", "what do you mean by [a|an|the] {query}",
    "[show me] what [a|an|the] {query} (is|are|means)", "what (is|are) [a|an|the] {query} and how (do|does) (it|they) work", "what is (the deal|up) with [a|an|the] {query}",
    "what is the (difference|diff) between [a|an|the] {query} and [a|an|the] {query2}",
    "can you explain [a|an|the] {query}", "remind me (what|about) [a|an|the] {query} [is|are|means|does]", "explain", "what is nix", "what is nixos", "what is nixpkgs"
  ] },

  // "oh gosh, where do I get `iconv` from?", "Newbie: where is neovim?": a command or program, not "where are the docs"
  { kind: "provides", accept: (s) => aCommand(s["query"] ?? ""), patterns: [
    "where (do|can|would|could|should) (i|we|one|you) (get|find|obtain) [the] {query} [from]", "where (is|are) [the] {query}",
    "* where (do|can|would|could|should) (i|we|one|you) (get|find|obtain) [the] {query} from"
  ] },
  // --- provides: which package has a command ----------------------------------------------------
  { kind: "provides", patterns: [
    // "running jq says command not found", "the terminal says wget: command not found"
    "(running|typing|calling|starting) {query} (says|said|gives|gives me|shows|prints|returns) [a|an] (command not found|not found|unknown command) *",
    "why (do|does) (i|it) (get|see|say) [a|an] (command not found|not found|unknown command) (for|on|with|when running|when i run|when i type) {query}",
    "[the] (terminal|shell|bash|zsh|console|system|computer) (says|said|tells me|told me|shows|gives me) {query} (command not found|not found|unknown command) *",
    "who (provides|ships|has|owns|contains|includes) [the] [command|binary|program|executable|tool] {query}",
    // "sh: 1: make: not found" (dash's message)
    "(sh|bash|dash|zsh) {n} {query} not found",
    "(i|we) (keep getting|get|got|am getting|are getting|see|saw) [a|an|the] (command not found|not found|unknown command) (error|message) [for|on|with|when running|when i run|when i type|when typing] {query}",
    "(i|we) (keep getting|get|got|am getting|are getting|see|saw) [a|an|the] (command not found|not found|unknown command) [for|on|with|when running|when i run|when i type|when typing] {query}",
    "i (typed|ran|tried|tried to run|tried running|run) {query} and (it said|i got|got|it says|i get|it gave me) [a|an] (command not found|unknown command|not found|error) *",
    "(bash|zsh|fish|sh|-bash|-zsh|-sh) command not found {query}", "(bash|zsh|fish|sh|-bash|-zsh|-sh) unknown command {query}",
    "(i|we) (am|are) missing [the] {query} (command|binary|executable|program|tool)", "(bash|zsh|fish|sh|-bash|-zsh|-sh) {query} command not found *",
    "command not found {query}", "[the] {query} command not found *", "command {query} not found *",
    "[the] (program|command) {query} is (not currently installed|currently not installed|not installed) *",
    "{query} (is|was) not found", "{query} not found", "[the] command {query} (is|was) not found", "(unknown|missing) command {query}",
    "{query} (is|was) (missing|not installed|not available)", "i do not have [the] {query} command",
    "i (need|want) [the] (command|binary|program|tool|executable) {query}", "i (need|want) the {query} (command|binary|executable)",
    "(what|which) package (provides|has|contains|gives me|ships|includes|owns|offers|installs) [the] [command|binary|program|executable|tool] {query}",
    "(what|which) (provides|has|contains|gives me|ships|includes) [the] (command|binary|program|executable|tool) {query}",
    "(what|which) (provides|gives me|ships) {query}", "who provides {query}", "provides {query}",

    "(where|how) (can|do) i get [the] {query} (command|binary|executable|program|tool)",
    "where does [the] [command|binary|executable|program] {query} come from", "where (is|does) {query} (come from|from)",
    "(what|which) package (is|are) {query} in", "(what|which) package (is|are) [the] (command|binary|executable|program) {query} (in|from)",
    "(what|which) package do i need for [the] [command] {query}", "(what|which) package (should|do) i install to get [the] [command] {query}",
    "(what|which) package (do|does) [the] (command|binary|executable|program) {query} (come from|belong to)",
    "(what|which) package (does|do) {query} (come from|belong to)", "(find|locate) [the] package (for|with|that has) [the] (command|binary|executable|program) {query}",
    "how do i get [the] {query} command", "(install|get|i need) [the] (command|binary|executable) {query}",
    "how (do|can) i get [the] {query} (command|binary|executable) (on|in|for|under) *",
    "(where|how) (can|do) i (get|find) [the] {query} (command|binary|executable) [from]", "where (is|are) [the] {query} (command|binary|executable)",
    "(what|which) package (do|should) (i|we) (need|install|get|use) (to get|to have|to run|for) [the] [command|binary|program] {query}",
    "(what|which) (pkg|nix package|nixpkgs package|derivation|command) (provides|has|contains|gives me|ships|includes|owns) [the] [command|binary|program|executable|tool] {query}",
    "(install|get) [the] {query} (command|binary|executable)", "nix-locate [bin] {query}", "whereis {query}",
    "(find|locate) [the] package (for|with|that has) [the] {query} (command|binary|executable)",
    "(i|we) (cannot|can not|could not) find [the] {query} (command|binary|executable)",
    "what (do|should) (i|we) (need to install|have to install|install) (for|to get|to have) [the] {query} (command|binary|executable)"
  ] },

  // "install updates" is not a package called updates
  { kind: "update", patterns: [
    "(install|apply|get|download|fetch|pull|grab) [all|any] [the|my] [latest|newest|available|pending|new|recent] (updates|upgrades)",
    "(run|do|start|perform|kick off) [a|an|the] [full|complete|quick] (update|upgrade)",
    // "update nixos and rebuild" ("nixos" is read as the scope first)
    "(update|upgrade) [everything|all|it all] (and|then) (rebuild|switch|reboot|apply|activate) [it|everything]"
  ] },

  // --- try: use without installing ----------------------------------------------------------------
  { kind: "try", patterns: [
    // two qualifiers first ("use cowsay once without keeping it"), or "once" would be read as a package
    "(try|use|run|test|test drive|give me|open|start|launch|check out) [out] {pkgs} (without installing|without installing it|without keeping it|temporarily|for a bit|for a while|once|just once|in a shell|quickly) (without installing|without installing it|without installing them|without keeping it|without keeping them|but do not install it|but do not keep it|temporarily|for a bit|for a while|in a shell|in a temporary shell)",
    "(try|use|run|test|test drive|give me|open|start|launch|check out) [out] {pkgs} (without installing|without installing it|without installing them|without keeping it|but do not install it|but do not keep it|temporarily|for a bit|for a while|for now|once|just once|for a moment|in a shell|in a temporary shell|in a throwaway shell|in a sandbox|quickly)",
    "(try|try out|test|test drive|check out|play with) {pkgs} [but|and] (do not install it|do not install them|do not keep it|do not keep them|no install|no installing)",
    "(give me|open|start|launch|spawn|get|drop me into|enter|i want|i need) [me] [a|an] [temporary|temp|throwaway|nix|quick] (shell|environment|env|nix-shell) (with|that has|containing|including|for) {pkgs}",
    // "I would like to run a nix shell that has vim installed in it"
    "(run|open|start|get|enter|use) [me] [a|an] [nix|temporary|temp|quick] (shell|nix-shell|environment) (that has|with|which has|containing) {pkgs} (installed|available) [in it]",
    "(try|try out|test drive|check out|play with|play around with|experiment with) {pkgs}", "{pkgs} in a (shell|temporary shell|throwaway shell|nix shell|nix-shell)",
    "(i want to|i would like to|let me|can i) (try|test|test drive|play with) {pkgs} [first|before installing|without installing] [it|them]",
    "(run|execute) {pkgs} (without installing|without installing it|once|one time|temporarily|but do not install it)",
    "nix-shell -p {pkgs} --run {cmd}", "[a|an] [temporary|temp|throwaway|nix|quick] (shell|nix-shell|environment|sandbox) (with|that has|containing|including) {pkgs}", "nix-shell -p {pkgs}", "nix shell {pkgs}", "nix run {pkg} *", "nix run {pkgs}", ", {pkgs}", "comma {pkgs}",
    "(spin up|fire up|make|create|boot up|set up|whip up) [me] [a|an] [temporary|temp|throwaway|nix|quick] (shell|environment|env|nix-shell) (with|that has|containing|including|for) {pkgs}",
    "(test|try|test drive|check out|sample) [out] {pkgs} (first|before installing|before installing it|before installing them|before i install it|before i install them|before committing|before committing to it)",
    "give {pkgs} a (try|spin|test|go|whirl|test drive|shot)", "test {pkg}", "take {pkgs} for a (spin|test drive|test run|ride)", "have a (go|look|play) (at|with) {pkgs} [without installing|without installing it]"
  ] },
  // "can i use spotify on nixos": a question whether it is available, not an order
  { kind: "info", confidence: 0.85, patterns: ["(use|run|have|play) {pkgs} (on|under|with) (nixos|nix|linux|nixpkgs)"] },
  { kind: "try", confidence: 0.65, note: "Running a program without installing it.", patterns: ["(run|execute|launch|start) {cmd}"] },
  { kind: "install", confidence: 0.8, patterns: ["(play|use) {pkgs}"] },

  // "rustc is outdated": a statement, not an order: the dry run is the answer, nothing is updated
  { kind: "update", confidence: 0.5, question: true, note: "A statement about updates: a dry run shows what would change; nothing is updated until you say \"update ...\".", patterns: [
    "{pkgs} (is|are) (outdated|out of date|old|too old|ancient|stale|behind)"
  ] },
  { kind: "update", confidence: 0.5, note: "A question about updates: a dry run shows what would change; I will ask before updating.", patterns: [
    "(are|is) there [any] (updates|update|newer versions|a newer version|upgrades|an upgrade) [available]",
    "(are|is) there [any|an|a] (updates|update|newer versions|newer version|upgrades|upgrade) (for|of) {pkgs}",
    "any (updates|update|upgrades|newer versions|new versions) [available]", "any (updates|update|upgrades|newer versions|new versions) (for|of) {pkgs}",
    "check (for|if there are) [any] (updates|upgrades)", "check (for|if there are) [any] (updates|upgrades) (for|of) {pkgs}",
    "(is|are) {pkgs} (outdated|out of date|old)", "(is|are) there [any] (outdated|old) packages", "what (can|could|would|should) (be|i) (updated|upgrade|update)",
    "(does|do) {pkgs} need (an update|updating|upgrading)", "what (needs|need) (updating|an update|to be updated|upgrading|an upgrade)", "what is (outdated|out of date)",
    "(is|are) there (a|an) (newer|new|updated|more recent) [version of|release of] {pkgs}",
    "[if|whether] there (is|are) [any|an|a] (updates|update|newer version|new version|upgrades|upgrade) (for|of) {pkgs}",
    "(does|do) {pkgs} (have|need) [any] (updates|an update|a newer version|upgrades)", "(what|which) packages (are|need|can be) (outdated|updating|updated|upgraded)"
  ] },

  // "what is a good app for podcasts": before "what is {pkgs}" below reads "app for podcasts" as a kind of program
  { kind: "search", patterns: [
    "(what|which) (is|are) (a|the) (good|best|nice|popular|recommended|common) (app|program|tool|package|software|application) (for|to) {query}"
  ] },

  // --- info: questions about a package ------------------------------------------------------------
  { kind: "info", confidence: 0.85, patterns: [
    "is it (possible|safe|ok) to install {pkgs}", "can {pkgs} be installed *", "(is|are) {pkgs} (available|installable) *",
    "is there [a|an] {pkgs} (package|for nix|for nixos|in nixpkgs|on nix)", "(is|are) {pkgs} (in|on|part of) (nixpkgs|nix|nixos)", "does nix (have|ship|package) {pkgs}", "do you have {pkgs}", "does nixpkgs (have|include|contain|ship) {pkgs}"
  ] },
  { kind: "info", patterns: [
    "(is|are) {pkgs} (installed|installed already|already installed|present|there|on my system|in my profile|available on my system)",
    "(do|did) (i|we) [already] (have|install|get) {pkgs} [installed|already|yet]", "have (i|we) [already] (installed|got) {pkgs} [yet|already]",
    "(which|what) version of {pkgs} (is|do|am|have|did|will|would|are|does) *", "(which|what) version of {pkgs}", "{pkg} version", "(which|what) {pkg} version", "{pkg} installed",
    "(which|what) {pkgs} version (is|do|am|have|are|does|will|would|can|should|could) *", "how (old|new|recent|big|large) is {pkgs}", "how (old|new|recent|big|large) is {pkgs} *", "what does {pkgs} do",
    "what version is {pkgs} [at|on]",
    "[check|see|find out|tell me|look|know] (if|whether) {pkgs} (is|are) (installed|available|there|present|already installed|on my system)",
    "[show me|give me|tell me] {pkg} (info|details|information|description|homepage|license)", "{pkg} (--version|-v|-version)",
    // "what's the package name for vscode", "what is firefox called in nixpkgs"
    "what is the (package name|package|attribute name|attribute|attr name|attr|nix name|nixpkgs name|name) (for|of) {pkgs}",
    "what is {pkg} called (in|on) (nixpkgs|nix|nixos)",
    "where (can|do) (i|we) (read|learn|find out) (about|more about) {pkgs}", "(have you|did you) (heard|hear) (of|about) {pkgs}",
    "what version of {pkgs} (i have|i am running|i am using|i got|is installed)",
    "what is {pkgs} (for|used for|good for|about)", "(who|what) (makes|made|maintains|wrote) {pkgs}",
    "(tell me|show me|give me) [something|more|info|details] about {pkgs}", "is {pkg} (free|open source|unfree|broken|insecure|safe|good|any good) *",
    "is the {pkg} (package|app|program) (free|open source|unfree|broken|insecure|safe|good|any good) *",
    "(what|which) license (does|is) {pkgs} *", "(show|what is) [the] (homepage|license|description|version) (of|for) {pkgs}",
    "(where is|what is) the (homepage|website) (of|for) {pkgs}", "(is|are) {pkgs} up to date", "can i use {pkgs} *",
    "(does|do) {pkgs} exist [in|on] [nixpkgs|nix|nixos]",
    "what (is|are) the (details|info|information|description|homepage|license|version) (of|for|about|on) {pkgs}",
    "[show me|give me|tell me] [the] (homepage|home page|website|license|licence|description|version|maintainer|maintainers|source|source code) (of|for) {pkgs}",
    "what (is|are) {pkgs}",
    "(am|are) (i|we) (running|using|on) [the] (latest|newest|current|most recent) [version of] {pkgs}", "{pkg} (is|are) [already] installed", "is my {pkgs} (up to date|current|the latest|the latest version)"
  ] },

  // --- search: questions that look for packages ---------------------------------------------------
  { kind: "search", patterns: [
    "(is there|are there) (something|anything|a program|an app|a tool|programs|apps|tools|software) like {query}",
    "(something|anything|programs|apps|tools|software|applications|alternatives) like {query}",
    "[good|nice|decent|useful|best|the best|recommended|popular] (programs|apps|tools|software|applications) (for|to) {query}",
    "(a|an|some) (app|program|tool|package|application) (to|for|that) {query}",
    "what (can|could|will) (open|read|play|edit|view|convert|extract|unpack|unzip|handle|display|record|mount|decode|decompress) {query}",
    "is there (anything|something|a way|a tool|an app|a program) (for|to|that|which) {query}",
    "what (options|choices) (are there|do i have|exist|are available) (for|to) {query}",
    "(are|is) there (any|a|an|some|good|some good|any good) {query}", "is there [a|an|any] (package|program|app|tool|software) (for|to|that|which|called|named) {query}",
    "(are|is) there [any] (packages|programs|apps|tools) (for|to|that|which|called|named) {query}",
    "(do|does) (you|nix|nixpkgs|nixos) (have|know|package|ship) (any|a|an|some|good) {query}", "(what|which) {query} (are|is) (there|available) *",
    "(what|which) (packages|programs|apps|tools|software) (are there|exist|are available|can i use|can i install|do you have) (for|to) {query}",
    "(what|which) (is|are) (a|the) (good|best|nice|popular|recommended|common) {query}", "(what|which) {query} (should|do|would|can) (i|you) (use|install|recommend|get|suggest) *",
    "(any|some) (good|nice|decent|recommended|popular) {query}", "(recommend|suggest) [me] [a|an|some|any] [good] {query}",
    "i am (looking for|searching for|after|in search of) {query}", "[got] any {query}", "(do you|you) (have|got) any {query}", "(looking|searching) for {query}", "(packages|package) (for|about|with|named|called|matching) {query}",
    "(search|find|look) (nixpkgs|the index|packages|the package list|the package set) for {query}", "(show|list) [me] (packages|programs|apps|tools) (for|about|matching|named|called|that) {query}",
    "(show|list|give) me [some|a few|a list of] {query} (packages|apps|programs|options|choices|alternatives)", "(alternatives|alternative) (to|for) {query}",
    "what can i use (to|for) {query}", "what (would|do|can|could) you (recommend|suggest) (for|to) {query}", "what (do|does) (people|you|folks|most people|everyone|one) use (for|to) {query}",
    "what (should|could|would) (i|we|one) use (to|for) {query}",
    "show me (some|a few|any|all) {query}", "(what|which) packages (provide|offer|have|give me) {query}", "where (do|can) i find {query}",
    "(list|show) [me] [all] [the] available {query}", "something (to|for|that|which) {query}", "anything (to|for|that|which) {query}",
    "what is (out there|available|there|good) (for|to) {query}"
  ] },

  // "is vim on my system" (the place was stripped as filler)
  { kind: "info", confidence: 0.8, patterns: ["(is|are) {pkg}"] },

  // --- update, worded around the package ---------------------------------------------------------
  { kind: "update", patterns: [
    "(bring|get|make|keep) {pkgs} up to date", "(make sure|ensure) {pkgs} (is|are) up to date", "{pkgs} (needs|need) (an update|updating|to be updated)",
    "(i want|i need|give me|get me|get) the (latest|newest) (version|versions|release|releases) of {pkgs}"
  ] },

  // "would you mind installing tree" (the politeness is stripped): one package word only, so that
  // "installing firefox takes forever" is not read as three packages
  { kind: "install", confidence: 0.85, patterns: ["(installing|adding|reinstalling) {pkg}"] },
  { kind: "install", patterns: ["(add|install|get) (a|a new|new|this) (package|pkg|program|app) {pkg}"] },
  { kind: "remove", confidence: 0.85, patterns: ["(removing|uninstalling|deleting) {pkg}"] },
  { kind: "update", confidence: 0.85, patterns: ["(updating|upgrading) {pkg}"] },
  // "firefox install", "vlc uninstall": the order after one package name, as typed in a hurry
  // (not for update: "the update", "kernel update", "security update" are not orders)
  { kind: "install", confidence: 0.6, patterns: ["{pkg} (install|reinstall)"] },
  { kind: "remove", confidence: 0.6, patterns: ["{pkg} (uninstall|remove|delete)"] },

  // --- statements of need -------------------------------------------------------------------------
  { kind: "install", confidence: 0.8, negated: true, patterns: ["(i|we) (do not have|do not have got) {pkgs} [yet]"] },
  { kind: "install", confidence: 0.85, patterns: [
    "(i|we) (am missing|are missing|lack|miss) {pkgs} [yet]",
    "(i|we) (want|need|would like|would love|require) to (use|have|run|play|play with|work with|start using) {pkgs}",
    "(i|we) (need|want|would like|require) {pkgs} (installed|on my machine|on this machine|available|set up|on here|on my system|on my computer)",
    "make {pkgs} available", "(make sure|ensure) {pkgs} (is|are) installed",
    "(installing|adding|getting) {pkgs} (would be|is) (great|nice|good|awesome|cool|appreciated|helpful|lovely)", "{pkgs} (should|must) be installed",
    "get {pkgs} for me",
    "(can|could) (i|we) (have|get) {pkgs}", "(i|we) (would like|want|need) {pkgs}",
    "(my|the) (kid|kids|wife|husband|boss|team|friend|son|daughter|partner|colleague) (wants|needs|want|need) {pkgs}",
    // (not "my friend told me to install arch": advice, not an order)
    "(my|the|our) (boss|team|teacher|professor|manager|lecturer|tutor|school|course|class|company|job) (wants|want|told|tells|asked|asks|needs|need|wanted|requires) (me|us) to (install|get|use|have|set up) {pkgs}",
    "(the|a|this|my) (tutorial|guide|docs|documentation|readme|book|course|video|instructions|wiki) (says|said|tells me|told me|say|tell me) (to|i should|i need to|i must|we should) (install|get|use|set up) {pkgs}",
    "(my|this|the) (laptop|computer|machine|pc|box|desktop|server|system) (needs|is missing|lacks|could use) {pkgs}",
    "(i|we) (want|need) {pkgs}", "it would be nice to have {pkgs}", "(i|we) (must|should|gotta|got to) have {pkgs}", "[i|we] (have to|need to) have [my] {pkgs}",
    "(i|we) (accidentally|mistakenly|wrongly) (uninstalled|removed|deleted) {pkgs} [so|please|so please|can you] (bring it back|bring them back|get it back|get them back|reinstall it|reinstall them|put it back|put them back|restore it|restore them)",
    // "i just switched from ubuntu and i need vlc"
    "(i|we) (switched|moved|came|migrated|converted) (from|to|over) * (and|so) (i|we) (need|want|would like) {pkgs}"
  ] }
]
