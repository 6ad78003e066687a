/**
 * The ranking policy as plain numbers and functions: how much each kind of match is worth.
 * Final score = best name match + weighted word coverage + prior (prior.ts) + rerank bonuses.
 */

export const Score = {
  /** The query is this attribute path. */
  exactAttrPath: 1000,
  /** The query is this package's pname, last attribute segment or mainProgram. */
  exactName: 950,
  /**
   * The query is the last segment or pname of an add-on (rPackages.profileR for "profiler"), its set not named
   * (a prefix or a typo of one: that score less the difference to exactName).
   */
  exactAddonName: 250,
  /** The query is a command this package probably has (commands.ts). */
  command: 930,
  /** The query's words joined ("image viewer" -> imageviewer, image-viewer) are this name. */
  exactJoined: 850,
  /** The query is an everyday name or a well-known command of this package (java -> jdk, rg -> ripgrep). */
  alias: 900,
  /** The query's words, apart from those naming the set, are this package's name ("python requests"). */
  leafNamed: 300,
  /** The query starts this name: prefixBase + prefixSpan * (query length / name length). */
  prefixBase: 700,
  prefixSpan: 150,
  /** The query is a typo of this name: typoBase - typoPerEdit * edits. */
  typoBase: 800,
  typoPerEdit: 150,
  /** Taken off a typo's score when the query is itself a word of some package's text. */
  typoOfWord: 450,
  /**
   * Taken off a typo of a pname or program that is not also the attribute's own name: variants share those
   * (firefox-esr's pname is firefox), so "fierfox" is firefox's typo first.
   */
  typoOfSharedName: 30,
  /** Word coverage over name and description, 0..1, times this. */
  words: 420,
  /** Multi-word query found as a phrase in the description. */
  phrase: 90,
  /** The description likens the package to the other system's program the request names ("Notepad++-like editor"). */
  likensTo: 400,
  /** A verb-led request said as the package says what it is ("edit videos": "video editor" in the description). */
  agentPhrase: 90,
  /**
   * A two-word request is a phrase Debian's synopsis says and nixpkgs' description does not ("video player": mpv,
   * "Video player based on MPlayer/mplayer2"; "ftp server": vsftpd). More than the description's own phrase: those
   * packages also have the words in their description, which weigh more than Debian's. 45 / 90 / 135 / 225 / 270
   * points: dev MRR 0.9105 / 0.9105 / 0.9125 / 0.909 / 0.901 (180: 0.9148).
   */
  debianPhrase: 180,
  /** The description ends with the query's phrase ("A light-weight image viewer": it is one). */
  phraseIsHead: 30,
  /**
   * The description says all of a several-word query's words, in any order ("Tool to record your screen" for
   * "record my screen"), not only name, folders and long text between them.
   */
  together: 30,
  /** The description starts with the query's words ("Spreadsheet calculator"). */
  descriptionStarts: 40,
  /** A library found by words alone, when the query does not ask for one. */
  libraryByWords: 100,
  /** Nested package whose set the query names (python3Packages.x for "python x"): undo the nesting penalty. */
  setNamed: 120
} as const

/** How many edits a name of this length may be away from the query and still count as a typo. */
export const maxTypos = (len: number): number => (len <= 2 ? 0 : len <= 5 ? 1 : 2)

export const prefixScore = (queryLen: number, nameLen: number): number =>
  Score.prefixBase + Score.prefixSpan * (queryLen / nameLen)

export const typoScore = (edits: number): number => Score.typoBase - Score.typoPerEdit * edits

/** Weight of one query word found in one field of a package. */
export const FieldWeight = {
  nameWord: 1,
  nameSubstring: 0.8,
  /** Shorter descriptions get more: the word is more central to them. */
  description: (descChars: number): number => 0.45 + 0.25 * (60 / (60 + descChars)),
  longDescription: 0.25,
  /** From the folders nixpkgs keeps the package in (categoryWords.ts). */
  category: 0.4,
  /**
   * A word of a several-word request that is one of the package's commands and that at most
   * COMMAND_WORD_MAX_TEXTS package texts use ("open 7z files": p7zip's 7z), as a word of its name.
   */
  command: 1,
  /** From the package's NixOS module (what its enable option says it is). */
  module: 0.55,
  /** Share of the other fields' weights added to the best one's, and the most that can make (a name word's). */
  others: 0.5,
  most: 1,
  /** Multiplies the weight of a word found through its closest spelling. */
  typo: 0.8,
  /** Multiplies the weight of a word found through a related word (relatedWords.ts). */
  related: 0.85,
  /** Multiplies the weight of a word found through its verb ("editor" for "edit", search.ts agentNoun). */
  agent: 1,
  /** Multiplies the idf of a generic word ("software", "tool") that only qualifies the others. */
  soft: 0.3
} as const

/** Inverse document frequency of a word found in `df` of `n` packages. */
export const idf = (df: number, n: number): number => Math.log(1 + n / Math.max(1, df))

/** Coverage of the query words, idf-weighted (0..1), shrunk when some words are missing. */
export const wordComponent = (weightedSum: number, idfTotal: number, matched: number, tokens: number): number => {
  if (tokens === 0 || idfTotal === 0) return 0
  const base = weightedSum / idfTotal
  return matched === tokens ? base : base * 0.7 * (matched / tokens)
}

/** Do these query words name this set ("python" names python3Packages, "emacs" emacsPackages)? */
export const wordsNameSet = (words: ReadonlyArray<string>, set: string): boolean => {
  const lower = set.toLowerCase()
  return words.some((t) => t.length >= 3 && (lower.startsWith(t) || t.startsWith(lower)))
}

/** Does the query name this package's set ("python3Packages" for "python", "emacs" for "emacsPackages")? */
export const queryNamesSet = (tokens: ReadonlyArray<string>, attrPath: string): boolean => {
  const dot = attrPath.indexOf(".")
  return dot >= 0 && wordsNameSet(tokens, attrPath.slice(0, dot))
}
