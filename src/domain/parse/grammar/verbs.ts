/**
 * Verbs that start a request, per intent kind: "<verb> <packages or query>".
 * Longest phrase wins ("get rid of" before "get"). Add synonyms and misspellings here.
 */
import type { BuiltinKind, VerbEntry } from "./types.js"

export const verbs = {
  install: {
    words: [
      "install", "add", "get", "get me", "put", "put on", "set up", "grab", "download", "fetch", "bring in",
      "i need", "i want", "give me", "install me", "add in", "pull in", "pull down", "obtain", "include",
      "make available", "deploy", "load", "acquire", "use", "start using", "install package",
      "install packages", "install the package", "install the packages", "nix-env -i", "nix-env -ia",
      "nix-env --install", "nix profile install", "nix profile add", "apt install", "apt-get install",
      // commit and issue titles ("Adds skype and zoom clients", "readd thunderbird"), and guesses at Nix's CLI
      "adds", "readd", "re-add", "nix install", "nix-env install", "nix add",
      "brew install", "yum install", "dnf install", "pacman -s", "sudo apt install", "i would like",
      "i require", "i must have", "have", "must have", "need", "want", "play", "i need to have", "get hold of", "hook me up with", "equip me with", "set me up with",
      "fix me up with", "sort me out with", "reinstall", "re-install", "install again", "download and install",
      "fetch and install", "go and install", "get and install", "go ahead and install", "i will need", "we will need",
      "i am going to need", "we are going to need", "i could use", "we could use", "i would love", "i would love to have", "grab me",
      "fetch me", "download me", "get me a copy of", "grab me a copy of", "get a copy of", "grab a copy of",
      "download a copy of", "only install", "stick", "slap"
    ],
    asks: ["include", "enable", "deploy", "load", "use", "play", "slap", "acquire"],
    typos: [
      "instal", "instll", "intsall", "isntall", "insall", "intall", "instlal", "innstall", "installl",
      "insatll", "instsall", "inatall", "unstall", "instaal", "instlll", "insstall", "istall", "nstall",
      "intstall", "inastall", "installe", "instsll", "instakk", "onstall", "imstall", "insrall", "instaol", "reinstal", "reinsatll", "reintsall"
    ]
  },
  remove: {
    words: [
      "remove", "uninstall", "delete", "get rid of", "drop", "erase", "purge", "take off", "throw away",
      "throw out", "ditch", "trash", "nuke", "wipe", "take away", "kill off", "rip out", "yank",
      "rm", "rm -rf", "nix-env -e", "nix-env --uninstall", "nix profile remove", "apt remove", "apt-get remove",
      "apt purge", "brew uninstall", "pacman -r", "deinstall", "un-install", "clear out", "dump",
      "lose", "bin", "strip out", "take out", "do away with", "kick out", "eliminate", "discard", "only remove"
    ],
    typos: [
      "uninstal", "unistall", "uninstll", "uninsatll", "unintsall", "uinstall", "uninstal", "remvoe",
      "remov", "reomve", "rmove", "romove", "remoev", "remvove", "removee", "delte", "deleet", "dlete",
      "delet", "uninstalll", "uninnstall", "unisntall", "reamove", "revome", "uninastall"
    ]
  },
  update: {
    words: [
      "update", "upgrade", "refresh", "bring up to date", "update to the latest", "upgrade to the latest",
      "get the latest", "get the newest", "update to latest", "upgrade to latest", "nix-env -u",
      "nix-env --upgrade", "nix profile upgrade", "apt upgrade", "apt update", "brew upgrade",
      "apt-get upgrade", "apt-get update", "apt full-upgrade", "apt dist-upgrade", "apt-get dist-upgrade", "dnf upgrade",
      "dnf update", "yum update", "yum upgrade", "pacman -syu", "zypper update", "zypper up", "brew update",
      "renew", "freshen", "patch", "bump", "modernize", "update all", "upgrade all", "only update", "only upgrade"
    ],
    typos: [
      "updte", "upate", "udpate", "updat", "upadte", "updaet", "uppdate", "upgarde", "upgrad", "ugprade",
      "upgade", "upgrdae", "upgradee", "updatee", "upda", "updaate", "upgrate", "opdate", "pudate"
    ]
  },
  search: {
    words: [
      "search", "search for", "find", "find me", "look for", "look up", "search nixpkgs for", "seek",
      "hunt for", "locate", "query", "search packages for", "search the packages for", "nix search",
      "nix-env -qa", "i am looking for", "i am searching for", "i search", "i search for", "browse",
      "browse for", "show me packages for", "look around for", "search nixpkgs", "search the index for",
      "scan for", "dig up", "recommend", "suggest", "recommend me", "suggest me"
    ],
    typos: ["serach", "seach", "saerch", "searh", "sarch", "searc", "searhc", "serch", "fnd", "fidn", "lookup"]
  },
  info: {
    words: [
      "info", "info about", "info on", "nix show", "nix info", "tell me everything about", "everything about", "info for", "information about", "information on", "show info for",
      "show info about", "show info on", "show information about", "show details for", "show details of",
      "show details about", "details", "details about", "details for", "details of", "details on",
      "describe", "tell me about", "tell me more about", "what about", "about", "nix-env -qa --description",
      "get info on", "get info about", "get info for", "give me info on", "give me info about",
      "give me details on", "explain the package", "describe the package", "inspect", "show package",
      "package info", "package info for", "info for package", "what do you know about", "more info on", "more info about",
      "more information on", "more information about", "more details on", "more details about", "more about",
      "what can you tell me about", "show me info on", "show me info about", "show me details about"
    ],
    typos: ["ifno", "inof", "descibe", "decsribe", "detials"]
  },
  try: {
    words: [
      "try", "try out", "test drive", "test-drive", "testdrive", "give me a shell with", "shell with", "a shell with", "open a shell with",
      "start a shell with", "drop me into a shell with", "nix-shell -p", "nix shell", "temporarily use",
      "temporarily install", "run once", "sample", "experiment with", "play with", "play around with",
      "take for a spin", "give a try", "have a go at", "test out", "evaluate", "spawn a shell with",
      "get a shell with", "enter a shell with", "launch a shell with", "shell for", "a temporary shell with", "demo", "trial"
    ],
    typos: ["tyr", "tri", "trie"]
  },
  provides: {
    words: [
      "provides", "what provides", "which package provides", "which package has", "what package provides",
      "what package has", "which package contains", "what package contains", "who provides", "which provides",
      "where can i get the command", "what package gives me", "which package gives me",
      "what package is", "find the package for the command", "which package do i need for",
      "what package do i need for", "which package owns", "what package owns", "package providing",
      "package for the command", "find command", "locate command", "where is the command",
      "nix-locate", "what do i install to get", "what should i install to get", "how do i get the command",
      "how do i get the", "where do i get the command", "which package ships", "what ships"
    ]
  },
  explain: {
    words: [
      "explain", "explain to me", "explain what", "define", "what is", "what are", "what does", "whats",
      "what is a", "what is an", "what is the", "what are the", "tell me what", "how does", "how do",
      "i do not understand", "i do not get", "what exactly is", "what the heck is", "eli5", "teach me about",
      "help me understand", "can you explain", "meaning of", "what is meant by", "what do you mean by"
    ]
  }
} satisfies Readonly<Partial<Record<BuiltinKind, VerbEntry>>>
