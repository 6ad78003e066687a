/**
 * Signs that a text reports or narrates rather than orders (issue 13): what went wrong ("enable docker
 * causes networking issues", "nixos-rebuild switch --rollback fails"), what the writer did ("I enabled
 * pipewire and now ...", "after rolling back ..."), how to reproduce a bug, a wish put to a project
 * ("Allow setting the time zone at runtime", "enabling pulseaudio should also enable alsa").
 * They read normalized text (lower case, contractions spelled out, ":" and quotes gone) unless said
 * otherwise, and are only tried on a reading that would change something.
 */
import { lean } from "./leanRegExp.js"

/** What went wrong: a failure, an error, a symptom, a consequence. */
const SYMPTOM = String.raw`(?:fails|failed|failing|failure|errors?|errored|hangs|hung|crashes|crashed|crashing|segfaults?|segfaulted|freezes|froze|freezing|breaks|broke|(?:is|was|are|were|got|gets|seems|looks) broken|(?:stops|stopped) (?:working|responding|starting)|(?:does|do|did|will|would|is|are|was|were)(?: not|n'?t) (?:work|start|run|boot|load|apply|build|connect|help|exist|do anything|change anything|show up|appear|take effect)|not working|won'?t (?:work|start|boot|build)|(?:cannot|can not) (?:see|find|connect|reach|access|open|load|start|boot|log ?in|detect|mount)|no longer|black screen|(?:boot|login|crash|restart|reboot) ?loops?|(?:kernel )?panic|regression|and now (?:it|i|my|the|there|nothing|everything|this|that)|causes|caused|conflicts with|conflicted with|clashes with|interferes with|(?:is|are|was|were) missing|missing from|(?:option|options|module|setting|settings) missing|leads to|led to|results in|resulted in|prevents|prevented|blocks|blocked|(?:has|had) no effect|(?:is|are|was|were|gets|got) ignored|does nothing|did nothing)`
const SYMPTOM_RE = lean(new RegExp(String.raw`\b${SYMPTOM}\b`), 0)
/** Words that open a reason or another clause: what follows them is not what the order does. */
const CLAUSE_OPENER = String.raw`(?:because|since|as|when|if|it|they|this|that|which|so|then|and|but|please|i|we|you)`
/** "install vlc via home-manager fails", "enable firewall blocks ssh": the order is the subject of what went wrong. */
const ORDER_FAILS = lean(new RegExp(String.raw`^(?:(?!\b${CLAUSE_OPENER}\b)[^,])*\b${SYMPTOM}\b`))
/** "enable docker, network breaks": a consequence after the order (not a reason: "remove x, it crashes"). */
const CONSEQUENCE = lean(new RegExp(String.raw`^[^,]*, (?!${CLAUSE_OPENER}\b)(?:(?!\b${CLAUSE_OPENER}\b)[^,])*\b${SYMPTOM}\b`))
/** "nixos-rebuild switch --rollback fails", "rollback to the previous generation does not work". */
const ROLLBACK_FAILS = lean(new RegExp(String.raw`\b(?:roll(?:ing|ed|s)? back|rollback|revert(?:ing|ed|s)?)\b(?:(?!\b(?:because|since|as|so|then|and|but|when|if)\b)[^,])*\b${SYMPTOM}\b`))
/** An order after the symptom ("vim crashes, remove it", "the update broke wifi so roll back"). */
const ORDER_FOLLOWS = /,|\b(?:so|please|then)\b/

/** Words that report what a program or command did or does, to the user's things too ("deleted my generations"). */
const DEED = lean(/\b(?:fails|failed|hangs|hung|crashes|crashed|errors|errored|deleted|deletes|removes|removed|uninstalled|downgrades|downgraded|wiped|wipes|ignores|ignored|segfaults|freezes|froze|breaks|broke|corrupts|corrupted|overwrites|overwrote|stopped working|is broken|was broken|are broken|were broken)\b/)
/** "Install vlc via home-manager fails": the order is the subject of what failed (not "... because it crashes"). */
const ORDER_DID = lean(/^(?:(?!\b(?:because|since|as|when|if|it|they|which|that|so|then|and)\b)[^,])*\b(?:fails|failed|hangs|hung|crashes|crashed|breaks|broke|errors|errored|freezes|froze|segfaults|is broken|does not work|did not work|is not working|not working)\b/)
/** An order's own verb first ("upgrade gimp because it crashes"): what follows is its reason. */
const ORDER_FIRST = /^(?:install|reinstall|remove|uninstall|delete|update|upgrade|add|clean|enable|disable|set|rebuild|switch|try|run|purge|get rid of|roll back|revert|undo)\b/

export const startsWithOrder = (text: string): boolean => ORDER_FIRST.test(text)

/**
 * What a program, a command or the order itself did or does, reported ("home-manager switch fails",
 * "nix-collect-garbage -d deleted my generations", "enable docker causes networking issues"): `text`
 * without fillers, `whole` with them ("..., so please ..." puts an order after the report), `orderFirst`
 * when the text starts with the order's verb ("upgrade gimp because it crashes" is an order with its reason).
 */
export const reportsFailure = (text: string, whole: string, kind: string, orderFirst: boolean): boolean => {
  // (a complaint about an update asks for the way back, which rollback's own phrases read)
  if (((kind !== "rollback" && !orderFirst) || (orderFirst && ORDER_DID.test(text))) && DEED.test(text) && !ORDER_FOLLOWS.test(whole)) return true
  if (!SYMPTOM_RE.test(text)) return false
  if (orderFirst) return ORDER_FAILS.test(text) || CONSEQUENCE.test(text)
  // "the update broke my wifi" asks for the way back; a rollback that is itself what fails is reported
  if (kind === "rollback") return ROLLBACK_FAILS.test(text)
  return !ORDER_FOLLOWS.test(text)
}

/**
 * A Nix command named as the subject of what it does ("`nixos-rebuild switch --rollback` downloads new
 * packages", "nix-collect-garbage needs to be run twice", "nix-env -u upgrades nothing", "nix-collect-garbage
 * --delete-older-than is too aggressive", "`nix-store --gc` somehow purges my shells", "nix-collect-garbage -d will
 * remove old generations", "nixos-rebuild can take ages"): a description, with adverbs or a modal before its verb.
 * (The verbs are listed: after "--uninstall" or "-p" come package names, and "nix flake update nixpkgs" names an
 * input, not a verb.) Reads the text as typed, in lower case.
 */
const COMMAND_DOES = lean(/^[`'"]?(?:sudo )?(?:nix(?:os)?-[a-z-]+|nix|home-manager|nh|darwin-rebuild)(?: (?:--[a-z][a-z-]*|-d|-u|switch|boot|test|build|rollback|gc|profile|flake|update|upgrade|os|home|clean|all))*(?:(?: -[a-z]{1,3}| --[a-z][a-z-]*)+(?: [\w.#:/+-]+){1,2})?[`'"]?(?: (?:somehow|still|also|always|never|sometimes|often|now|just|only|even|apparently|suddenly|randomly|silently|partially|completely|actually|really|constantly|repeatedly|occasionally))* (?:is|was|has|does|did|will|would|can|could|may|might|cannot|won't|wouldn't|can't|needs|tries|downloads|keeps|takes|seems|wants|requires|asks|says|shows|prints|leaves|removes|deletes|purges|collects|clears|misses|loses|forgets|frees|fails|hangs|breaks|crashes|runs|builds|fetches|rebuilds|restarts|uses|gives|returns|upgrades|updates|installs|ignores|refuses|complains|creates|changes|overwrites|wipes|kills|stops|starts|copies|[a-z]{2,}ed)\b/)

export const commandDoes = (lower: string): boolean => COMMAND_DOES.test(lower)

/**
 * The writer telling what they did or saw ("I enabled flakes and ...", "we switched to pipewire",
 * "after rolling back ...", "since the upgrade ...", "steps to reproduce").
 */
const NARRATION = /(?<!\b(?:before|until|since|when) )\b(?:i|we) (?:(?:have|had|just|already|then|also|recently|finally|now|previously|accidentally|successfully|did) )*(?:enabled|disabled|installed|uninstalled|reinstalled|removed|added|tried|switched|upgraded|rolled|ran|cleaned|configured|turned|deleted|rebuilt|followed|garbage collected)\b|\bafter (?:enabling|disabling|installing|removing|upgrading|updating|rolling|switching|cleaning|rebuilding|running|setting|adding|turning|the (?:upgrade|update|rollback|rebuild|switch|install|installation))\b|\bsince (?:the (?:upgrade|update|last|latest|rebuild|switch|release)|upgrading|updating|enabling|switching|version|release|nixos \d|\d)|\b(?:steps )?to reproduce\b|\b(?:expected|actual) (?:behaviou?r|result|outcome)\b/
/**
 * The order named, then judged ("Set timezone via timedatectl is impossible", "enable ssh password
 * authentication is insecure", "gc --delete-old is far too aggressive", "enable zram is on my todo list"): a
 * statement about doing it.
 */
const JUDGED = lean(new RegExp(String.raw`^(?:(?!\b${CLAUSE_OPENER}\b)[^,])*\b(?:is|are|was|were|seems|looks) (?:not |very |really |too |so |still )?(?:impossible|possible|insecure|unsafe|slow|unsupported|missing|required|needed|necessary|dangerous|confusing|hard|difficult|annoying|tricky|painful|buggy|flaky|deprecated|undocumented|useless|pointless|a pain|a nightmare)\b|\b(?:is|are|was|were|seems|looks|feels) (?:(?:way|much|far|a bit|a little) )?too \w+|\b(?:is|are) (?:on|in) (?:my|our|the) (?:todo|to-do|wish|bucket) ?list\b`))
/**
 * A setting of a package or of its build, asked of its maintainers ("Can you enable aarch64 builds for
 * this package?", "Please enable wayland support in the package", "enable wayland in the chromium package", "enable
 * parallel building").
 */
const FOR_MAINTAINERS = /\b(?:this|the) (?:package|derivation|module|repo|repository|project)\b|\b(?:in|for|of) (?:the )?[\w.+-]+ (?:package|derivation)\b|\b(?:builds?|building|tests|checks|test suite|hydra|upstream|strictdeps|docheck)\b/

/**
 * What came of it ("enable flakes fixed it for me", "Enable bluetooth? It works for me", "Enable ssh! It finally works",
 * "enable firewall and ssh, both work now"), or thanks for the advice that led to it ("enable ssh - thanks for the
 * tip"): an outcome told.
 */
const OUTCOME = /\b(?:fixed|fixes|solved|solves|resolved|resolves) (?:it|this|that|the (?:issue|problem))\b|\bworks for me\b|(?<!\b(?:so|that|until|make|makes|ensure|sure|if|whether) )\b(?:it|both|everything) (?:now |finally |also )?works?(?: now)?\b|\bdid the trick\b|\bworked (?:for me|fine|great|perfectly)\b|\bthanks? (?:you )?for (?:the|your) (?:tip|help|hint|pointer|suggestion|answer|reply|advice)\b/
/** (On the text as typed.) Thanks to someone in a thread ("Enable firewall. Thanks @foo"): a reply, not an order. */
const THANKS_TO = /\bthanks?,? @[\w-]+/

/**
 * "enabling pulseaudio should also enable alsa", "Allow setting the time zone at runtime", "Consider enabling zram
 * by default", "Allow to mask services", "The ability to enable experimental features using a module": a wish or
 * a suggestion put to a project, not an order.
 */
const WISH = lean(/(?<=\S) should (?!i |we |you )|\b(?:we|one) (?:could|might) (?:also |just |simply )?(?:enable|disable|set|add|turn|switch|use|make|install|remove|run)\b|^(?:the )?(?:ability|possibility) to \w+|^(?:allow|support|permit) (?:users? to |\w+ing\b)|^(?:consider|suggest|propose|recommend) (?!\w+ing (?:to|for) me\b)\w+ing\b|^(?:allow|permit|support) to \w+|^make it (?:possible|easier|easy|simpler|optional) to \w+|\bit (?:should|would|could) be (?:possible|nice|great|good|useful|handy) to (?!have\b|get\b|install\b|use\b)\w+|^(?:allow|let|permit) (?:users?|people|one|someone|admins?) (?:to )?\w+/)

/**
 * Advice given to someone else, as replies in a thread give it ("You might want to enable zram", "you need to enable flakes
 * first", "Just enable bluetooth in your configuration.nix"): what the reader may do, not an order to ask-nix.
 */
const ADVICE = lean(/^(?:you|u) (?:(?:really|probably|just|also) )?(?:need to|have to|must|might want to|may want to|ought to|can just|can simply)\b|\b(?:in|to|into|from) your (?:configuration\.nix|config|configuration|system config|home\.nix|flake\.nix|flake|dotfiles|nixos config)\b/)

/**
 * (On the text as typed, in lower case.) In a text of several sentences, one reports what went wrong or how to reproduce it ("enable nvidia:
 * black screen", "clean up the store. it fails with permission denied"), what came of it or thanks someone: an order in
 * another is not meant.
 */
export const reportsAround = (lower: string): boolean => SYMPTOM_RE.test(lower) || NARRATION.test(lower) || OUTCOME.test(lower) || THANKS_TO.test(lower)

/** Told, wished, advised or reported rather than ordered: a change it names is at most answered with its plan. */
export const tellsRatherThanOrders = (text: string): boolean => {
  const m = NARRATION.exec(text)
  // "i just switched from ubuntu and i need vlc", "firefox broke after the update, roll back": an order follows
  if (m !== null && !ORDER_AFTER.test(text.slice(m.index + m[0].length))) return true
  return WISH.test(text) || OUTCOME.test(text) || ADVICE.test(text)
}
/** A configure reading of words that ask the package's maintainers. */
export const askedOfMaintainers = (text: string): boolean => FOR_MAINTAINERS.test(text)

/** An order's words followed by a judgement of them (the text starts with the order's verb). */
export const judged = (text: string): boolean => JUDGED.test(text)

/**
 * A change to a program's or a module's code, named rather than ordered: an option or support added to it ("systemd:
 * add `enable` option", "Add support for `programs.delta` module", "add hardware acceleration support"), an option
 * called by its own name ("Use default config enable option instead of named ones"), a behaviour under a
 * condition of the platform or of another setting ("enable systemd only when it's available on hostPlatform",
 * "enable flakes when use flake is used"), a step added to a routine of code ("add nix garbage collection to the
 * cleanup script", "add gc to the update task"), a command or a flag added to a tool ("Add list-generations command to
 * darwin-rebuild"), support taken out of it ("remove python2 support", "drop support for i686"). An option written out
 * after the words is an order about it ("Use option services.flatpak.enable"); a package built with a feature
 * ("add vim with python support") is an install.
 * A list of patterns rather than one alternation: as one expression its machine code was too large for the
 * startup snapshot (`npm run build` aborted; scripts/snapshotFlags.mjs, test/cli/snapshotRegex.test.ts).
 */
const CODE_CHANGE: ReadonlyArray<RegExp> = [
  /\b(?:add|adds|added|adding|implement|implements|implemented|implementing|introduce|introduces|introduced|expose|exposes|exposed)\b(?: (?!(?:and|but|so|then|to|for|with|in|on)\b)\S+){0,4} (?:options?|support|(?:sub)?commands?|flags?|arguments?|parameters?)\b(?! [\w-]+\.[\w.-])/,
  /\b(?:remove|removes|removed|removing|drop|drops|dropped|dropping|deprecate|deprecates|deprecated)\b(?: (?!(?:and|but|so|then|to|for|with|in|on)\b)\S+){1,3} support\b/,
  /\b(?:drop|drops|dropped|dropping|remove|removes|removed|removing) support (?:for|of)\b/,
  /\benable options?\b(?! [\w-]+\.[\w.-])/,
  /\b(?:enable|disable)s? (?:the |this |that |our |its )?(?:nix |nixos |home-manager |hm )?modules?\b(?! [\w-]+\.[\w.-])/,
  /\b(?:when|if|where) (?:it is|they are|this is) (?:available|supported|present|possible)\b/,
  /\b(?:when|whenever|if|once|unless) (?:\S+ ){1,3}(?:is|are|gets|get) (?:used|in use|enabled|imported|loaded|detected|specified)\b/,
  /\b(?:add|adds|added|adding)\b(?: \S+){1,6} to (?:the |our |its |a |an )?(?:(?!my\b)\S+ ){0,2}(?:cleanup|clean-up|clean up|script|scripts|subcommand|task|tasks|step|steps|job|jobs|hook|hooks|workflow|workflows|pipeline|routine|justfile|makefile|recipe)\b/
].map(lean)

/**
 * A setting asked of what a project ships, not of the writer's own system: its installer, images and templates
 * ("Enable bluetooth in the installer ISO", "enable ssh on the live iso", "Disable the firewall in the default
 * configuration.nix template", "Turn on auto-upgrade for all new installs"), its documentation, tests and CI ("Enable
 * flakes in the docs", "enable ssh in the VM test", "Enable cachix in CI"), its releases ("Enable flakes by default in
 * NixOS 24.05", "for nix 2.4"), its new users ("enable flakes by default for new users"), or a setting that should
 * become settable ("Allow the firewall to be disabled").
 */
const FOR_THE_PROJECT: ReadonlyArray<RegExp> = [ // a list, as CODE_CHANGE is
  /\b(?:in|on|for|to|into) (?:the |all |every |each |any )(?:(?!my\b)\S+ ){0,3}(?:installer|installers|iso|isos|installation (?:media|image|iso)|live (?:cd|usb|image|system|session)|(?:sd|disk|vm|cloud|install|installer|installation|docker|container|oci|qemu) images?|devcontainers?|test vms?|template|templates|(?:default|example|sample|starter|base|generated|initial|minimal) (?:config|configs|configuration|configurations|configuration\.nix|flake|flake\.nix)|nixos-generate-config|new (?:installs?|installations|systems|users)|fresh (?:installs?|installations))\b/,
  /\b(?:in|on|into) (?:the |our |its )?(?:\S+ )?(?:docs|documentation|manual|readme|wiki|tutorial|nixos test|vm test|vm tests|test suite|ci|pipeline|workflow|workflows|github actions)\b/,
  /\bnixos-generate-config\b/,
  /\b(?:for|to) (?:new|fresh|first-time) (?:installs?|installations|systems|users|machines)\b/,
  /\b(?:in|for|from|since|with|starting with) (?:nixos|nixpkgs|nix|home-manager|release) v?\d+\.\d+\b/,
  /^(?:allow|let|permit) (?:\S+ ){1,4}to be (?:enabled|disabled|configured|set|changed|overridden|customi[sz]ed|turned (?:on|off))\b/
].map(lean)

/** What a reading names is code to be written or changed, or what a project ships, not a setting or a package of the user's (normalized text). */
export const changesCode = (text: string): boolean => CODE_CHANGE.some((r) => r.test(text)) || FOR_THE_PROJECT.some((r) => r.test(text))

/** After the narration, an order or a need ("..., roll back", "... so please ...", "... and i need vlc"). */
const ORDER_AFTER = /,|\b(?:so|please|then|now)\b|\bi (?:need|want|would like)\b/
