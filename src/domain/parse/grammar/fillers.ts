/**
 * Words that carry no request: contractions to spell out, politeness and filler at either end.
 * Contributors: add to these lists; the engine reads them as they are.
 */

/** Single words spelled out before anything else ("don't" -> "do not", "pls" -> "please"). */
export const contractions: Readonly<Record<string, string>> = {
  "don't": "do not", "dont": "do not", "doesn't": "does not", "doesnt": "does not",
  "didn't": "did not", "didnt": "did not", "can't": "cannot", "cant": "cannot",
  "won't": "will not", "wont": "will not", "isn't": "is not", "isnt": "is not", "aren't": "are not",
  "shouldn't": "should not", "wouldn't": "would not", "haven't": "have not", "hasn't": "has not",
  "i'm": "i am", "im": "i am", "i'd": "i would", "i've": "i have", "i'll": "i will",
  "what's": "what is", "whats": "what is", "that's": "that is", "it's": "it is", "where's": "where is",
  "how's": "how is", "who's": "who is", "there's": "there is", "let's": "let us", "lets": "let us",
  "wanna": "want to", "gimme": "give me", "gonna": "going to", "gotta": "have to", "lemme": "let me",
  "pls": "please", "plz": "please", "plse": "please", "pleas": "please", "pleeease": "please", "plox": "please",
  "u": "you", "ur": "your", "y'all": "you",
  "whatprovides": "what provides", "rollback": "roll back", "cleanup": "clean up", "setup": "set up",
  "w/o": "without",
  "thx": "thanks", "ty": "thanks", "tia": "thanks", "kthx": "thanks", "kthxbye": "thanks", "thnx": "thanks",
  "thanx": "thanks", "thnks": "thanks", "tnx": "thanks", "pkgs": "packages", "pkg": "package",
}

/** Stripped from the start, repeatedly ("hey, could you please ..."). Longest first is not needed: all are tried. */
export const leadingFillers: ReadonlyArray<string> = [
  "please", "hey", "hi", "hello", "yo", "ok", "okay", "so", "um", "uh", "umm", "hmm", "well", "dear",
  "ask-nix", "asknix", "computer", "kindly", "just", "quickly", "now", "then", "and", "also", ",",
  "can you", "could you", "would you", "will you", "would you mind", "would you be so kind as to",
  "i would like you to", "i want you to", "i need you to", "i would love you to", "go ahead and",
  "be so kind and", "be a dear and", "be nice and", "do me a favor and", "for me", "alright", "right",
  "let us", "let me", "try to", "you should", "you can", "you could",
  // not "is it possible to": "is it possible to install steam?" asks whether it can be done (questions.ts)
  "it is time to", "time to", "is it possible for you to", "are you able to",
  "help me", "help me to", "thanks", "quick", "pretty please", "sudo", "oops", "whoops", "oh", "ugh",
  "argh", "damn", "dang", "darn", "ah", "aha", "hmmm", "right then", "btw", "by the way",
  "for work", "for school", "for uni", "for college", "for class", "for my job", "for my work", "for a project",
  "for my project", "for a class", "at work", "at school", "for my class", "for my course", "for my studies", "for my homework",
  // "yes, install firefox" (a bare "yes" stays chit-chat: only with the comma)
  "yes ,", "yeah ,", "yep ,", "sure ,", "ok so", "okay so", "alright so",
  "do you think you could", "do you think you can", "any chance you could", "any chance you can",
  "i was wondering if you could", "i wonder if you could", "would you be able to", "could you possibly",
  "hey there", "hi there", "hello there", "i would appreciate it if you could", "i would appreciate it if you would",
  "it would be great if you could", "it would be nice if you could", "i would love it if you could",
  "i would like it if you could",
  // context before the request ("i'm new to nixos, can you install firefox")
  "i am new", "i am new here", "new here", "i am new to nixos", "i am new to nix", "i am new to linux", "new to nixos here",
  "new to nix here", "first time using nixos", "first time using nix", "i am a beginner", "i am a complete beginner",
  "i am a newbie", "newbie here", "noob here", "beginner here",
  "all i want is to", "all i want is",
  // "i want to know what version of git i have", "do you know what package gives me make"
  "i want to know", "i would like to know", "i need to know", "i wonder", "i am wondering", "i was wondering",
  "do you know", "can you tell me", "could you tell me",
  "can you find out", "could you find out",
  "thanks a lot", "thanks so much", "thank you", "thank you so much", "thank you very much", "many thanks",
  "quick one", "quick question", "quick q", "one more thing", "one last thing", "another thing", "first", "first ,",
  "first of all", "next", "next ,", "yes please", "yeah please", "according to the docs", "according to the documentation",
  "according to the tutorial", "according to the guide", "according to the wiki", "according to the readme",
  "completely", "fully", "entirely", "permanently",
]

/** Leading words that state a need: "i want to edit videos" is then a search for programs that do it. */
export const needFillers: ReadonlyArray<string> = [
  "i would like to", "i want to", "i need to", "i wish to", "i would love to", "i have to",
  "i must", "we want to", "we need to", "we would like to", "i would really like to", "i really want to",
  "i really need to", "i am looking to", "i am hoping to", "i hope to", "i plan to", "i intend to"
]

/**
 * Leading words that state a goal or a plan rather than give an order ("my goal is just install numpy"):
 * what follows is answered with its plan, never carried out.
 */
export const statedFillers: ReadonlyArray<string> = [
  "my goal is", "my goal is to", "the goal is to", "our goal is to", "my plan is to", "the plan is to", "the idea is to",
  "my idea is to", "what i am after is", "the aim is to", "my aim is to",
  // an attempt told ("I'm trying to rollback to the previous configuration"): the task is asked about, its plan answers it
  "i am trying to", "we are trying to", "i have been trying to", "we have been trying to", "i was trying to", "i am attempting to",
  "i tried to", "we tried to"
]

/** Leading words that make a request tentative ("can i install x" asks more than it orders). */
export const tentativeFillers: ReadonlyArray<string> = [
  "can i", "could i", "may i", "can we", "could we", "may we", "maybe", "perhaps", "possibly", "maybe you could",
  "perhaps you could", "maybe you can", "i guess", "i suppose", "i think", "i believe", "probably",
]

/**
 * Single words that only add emphasis, dropped right after one of `emphasisFollows`: "i really need gparted"
 * reads as "i need gparted", "i just want to try cowsay" as "i want to try cowsay", "i do not really use x"
 * as "i do not use x".
 */
export const emphasisWords: ReadonlyArray<string> = [
  "really", "just", "actually", "seriously", "badly", "desperately", "definitely", "urgently", "totally",
  "absolutely", "honestly", "truly", "also", "literally", "so", "even"
]
export const emphasisFollows: ReadonlyArray<string> = ["i", "we", "am", "are", "is", "would", "could", "not", "what"]

/**
 * Another scope set against the order's own after it ("add spotify to my user packages, rather than system-wide",
 * "install it for my user, not globally"): where the order goes is said by its own words; the contrast does not
 * negate the order. Stripped from the end like the fillers below.
 */
const CONTRASTS = ["rather than", "instead of", "not", "and not", "but not"]
const OTHER_SCOPES = [
  "system-wide", "system wide", "systemwide", "globally", "for all users", "for every user", "for everyone", "for everybody",
  "for the whole system", "for the entire system", "in the system config", "in the system configuration", "per user", "per-user",
  "for my user", "for me", "as root", "with sudo"
]
export const scopeContrasts: ReadonlyArray<string> =
  CONTRASTS.flatMap((c) => ["", "just ", "only "].flatMap((j) => OTHER_SCOPES.map((o) => `${c} ${j}${o}`)))

/** Stripped from the end, repeatedly. */
export const trailingFillers: ReadonlyArray<string> = [
  "please", "for me", "thanks", "now", "right now", "asap", "quickly", "if you can", "if possible",
  "if you would", "if you could", "if you do not mind", "properly", "correctly", "cleanly", "safely", "the right way",
  "the proper way", "the nix way", "the nixos way", "in a nix way", "ok", "okay", "again", "here", "then", "real quick",
  "on my machine", "on my computer", "on my laptop", "on my pc", "on my box", "on this machine",
  "on this computer", "on my desktop", "on my workstation", "on here", "on my server",
  "to my profile", "from my profile", "into my profile", "for me please",
  "from my computer", "from my machine", "from my laptop", "from this machine", "from this computer",
  "from here", "to my system", "on my system", "from my system", "on the system", "from the system",
  "too", "as well", "immediately", "today", "at once", "for now", ",", "and", "also", "sir", "mate",
  "buddy", "dude", "friend", "ffs", "lol", "dammit", "damn it", "already please", "to me",
  "like i am five", "like i am 5", "in simple terms", "simply", "briefly", "in plain english", "for a beginner",
  "for beginners", "for dummies", "for a newbie", "in a nutshell", "in short", "for me to see", "already", "soon", "once more", "one more time", "thank you",
  "thank you so much", "thanks so much", "thanks a lot", "thank you very much", "thanks a bunch", "much appreciated",
  "cheers", "exactly", "precisely", "if that is ok", "if that is okay", "if that is alright", "if it is ok",
  "if it is okay", "if that is fine", "if that works", "or not", "thanks in advance", "thank you in advance", "in advance", "haha", "xd", "lmao", "rofl", "k thanks", "ok thanks", "okay thanks", "kk",
  // what comes along with a package ("uninstall vlc and all its dependencies", "purge vlc and its config"): the package is named
  "and its dependencies", "and all its dependencies", "and all of its dependencies", "with its dependencies",
  "with all its dependencies", "along with its dependencies", "and its config", "and its configuration",
  "and its config files", "and all its files", "and everything it installed",
  // who installs it: the user's own profile is where ask-nix installs anyway ("install ripgrep without sudo")
  "as a user", "as a normal user", "as my user", "as a regular user", "as non-root", "as a non-root user", "as non root",
  "without sudo", "without root", "without root access", "without root rights", "without admin rights", "without being root",
]
