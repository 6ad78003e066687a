/**
 * Programs of other systems that people name when they look for one like it ("photoshop alternative", "winrar for
 * linux", "ms paint"): nixpkgs has none of them, and its texts (and Debian's) seldom name them, so the request has
 * no word to find but "alternative". Each is read as the kind of program it is, in the words package descriptions
 * use ("image editor"); the name itself stays in the request as a word that counts a little (notepadqq is
 * "Notepad++-like", pinta "modeled after Paint.NET"). A name that is a top-level package's (putty, teamviewer,
 * unetbootin) is left alone. Pure.
 *
 * Written from general knowledge of what these programs are (Windows, macOS and web applications people switch
 * from), not from the answers of any query set; keys are lowercase words as typed, values are what they are.
 * A few are also everyday names of packages (knownCommands.ts EVERYDAY_NAMES: photoshop -> gimp, krita), which stay
 * name matches; this reading adds the packages of the kind ("excel alternative": gnumeric, not only libreoffice).
 */
const KINDS: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  ["office suite", ["microsoft office", "ms office", "office 365", "microsoft 365", "iwork"]],
  ["word processor", ["microsoft word", "ms word", "wordpad", "pages app"]],
  ["spreadsheet", ["excel", "microsoft excel", "ms excel", "numbers app"]],
  ["presentation", ["powerpoint", "microsoft powerpoint", "keynote app"]],
  ["email client", ["outlook", "microsoft outlook", "outlook express", "windows mail", "apple mail", "mailbird", "em client"]],
  ["note taking", ["onenote", "microsoft onenote", "evernote", "simplenote"]],
  ["diagram editor", ["visio", "microsoft visio", "lucidchart", "smartdraw"]],
  ["project management", ["ms project", "microsoft project"]],
  ["desktop publishing", ["indesign", "adobe indesign", "quarkxpress", "microsoft publisher", "ms publisher"]],
  ["personal finance", ["quicken", "microsoft money", "ynab", "mint app"]],
  ["accounting", ["quickbooks", "sage accounting"]],
  ["text editor", ["notepad", "notepad++", "textpad", "ultraedit", "editplus", "textedit", "textmate", "bbedit", "pspad"]],
  ["pdf viewer", ["foxit", "foxit reader", "sumatra pdf", "sumatrapdf", "adobe acrobat reader", "acrobat reader"]],
  ["pdf editor", ["adobe acrobat", "acrobat pro", "foxit phantompdf", "pdf xchange", "nitro pdf"]],
  ["image editor", ["photoshop", "adobe photoshop", "photoshop elements", "affinity photo", "paintshop pro", "paint shop pro", "pixelmator", "photopea"]],
  ["paint program", ["ms paint", "mspaint", "microsoft paint", "paint.net", "paintdotnet", "paint 3d", "macpaint"]],
  ["vector graphics editor", ["illustrator", "adobe illustrator", "coreldraw", "corel draw", "affinity designer", "sketch app"]],
  ["digital painting", ["procreate", "clip studio paint", "paint tool sai", "paintool sai", "corel painter", "artrage"]],
  ["raw photo editor", ["lightroom", "adobe lightroom", "capture one", "aperture app"]],
  ["image viewer", ["irfanview", "acdsee", "xnview", "faststone", "faststone image viewer", "windows photo viewer", "honeyview"]],
  ["photo manager", ["picasa", "google photos", "iphoto", "apple photos", "windows photo gallery"]],
  ["screenshot tool", ["snagit", "sharex", "greenshot", "lightshot", "snipping tool"]],
  ["screen recorder", ["camtasia", "bandicam", "fraps", "screenflow"]],
  ["cad", ["autocad", "solidworks", "fusion 360", "inventor app"]],
  ["3d modeling", ["sketchup", "3ds max", "3dsmax", "cinema 4d", "zbrush", "rhino 3d"]],
  ["video editor", ["premiere", "premiere pro", "adobe premiere", "imovie", "final cut", "final cut pro", "sony vegas", "vegas pro", "davinci resolve", "movie maker", "windows movie maker", "virtualdub", "filmora", "camtasia studio"]],
  ["compositing", ["after effects", "adobe after effects", "nuke studio"]],
  ["audio editor", ["audition", "adobe audition", "sound forge", "cool edit", "goldwave", "wavepad"]],
  ["music production", ["garageband", "fl studio", "fruity loops", "fruityloops", "ableton", "ableton live", "cubase", "logic pro", "pro tools", "reason studio"]],
  ["music player", ["itunes", "foobar2000", "winamp", "musicbee", "mediamonkey", "groove music", "apple music", "aimp"]],
  ["video player", ["windows media player", "wmp", "quicktime", "quicktime player", "media player classic", "mpc-hc", "potplayer", "gom player", "kmplayer"]],
  ["audio tag editor", ["mp3tag", "tag&rename"]],
  ["dvd burning", ["nero", "nero burning rom", "imgburn", "cdburnerxp", "ashampoo burning studio"]],
  ["archive manager", ["winrar", "winzip", "the unarchiver", "bandizip", "izarc"]],
  ["file manager", ["total commander", "norton commander", "far manager", "directory opus", "windows explorer", "file explorer", "xyplorer", "forklift"]],
  ["system cleaner", ["ccleaner", "cleanmymac", "glary utilities"]],
  ["hard drive health", ["crystaldiskinfo", "crystal disk info", "hd tune", "hdtune", "hard disk sentinel"]],
  ["disk benchmark", ["crystaldiskmark", "crystal disk mark", "atto disk benchmark"]],
  ["hardware information", ["cpu-z", "cpuz", "gpu-z", "hwinfo", "speccy", "aida64", "sisoftware sandra"]],
  ["hardware sensors", ["speedfan", "hwmonitor", "core temp", "coretemp", "open hardware monitor"]],
  ["system monitor", ["windows task manager", "activity monitor", "mac activity monitor", "process explorer", "process hacker"]],
  ["disk usage analyzer", ["windirstat", "wiztree", "treesize", "spacesniffer", "daisydisk"]],
  ["bootable usb", ["rufus", "etcher", "balena etcher", "balenaetcher", "win32 disk imager", "universal usb installer", "yumi"]],
  ["partition editor", ["partition magic", "partitionmagic", "minitool partition wizard", "easeus partition master", "disk management"]],
  ["disk encryption", ["truecrypt", "bitlocker", "filevault"]],
  ["data recovery", ["recuva", "easeus data recovery", "r-studio recovery"]],
  ["stress test", ["prime95", "furmark", "occt"]],
  ["antivirus", ["windows defender", "avast", "avg antivirus", "mcafee", "norton antivirus", "kaspersky", "malwarebytes", "bitdefender"]],
  ["desktop automation", ["autohotkey", "autoit", "keyboard maestro"]],
  ["application launcher", ["launchy", "spotlight", "wox", "powertoys run", "raycast", "quicksilver"]],
  ["file search", ["everything search", "voidtools everything", "agent ransack"]],
  ["color temperature", ["f.lux", "flux app", "night light"]],
  ["sftp client", ["winscp", "cyberduck", "transmit app"]],
  ["ssh client", ["mobaxterm", "securecrt", "termius", "kitty ssh"]],
  ["serial terminal", ["hyperterminal", "realterm", "tera term", "teraterm", "coolterm"]],
  ["terminal emulator", ["windows terminal", "iterm", "iterm2", "conemu", "cmder"]],
  ["remote desktop", ["logmein", "splashtop", "mstsc", "microsoft remote desktop"]],
  ["bittorrent client", ["utorrent", "µtorrent", "vuze", "bitcomet"]],
  ["irc client", ["mirc"]],
  ["web browser", ["internet explorer", "microsoft edge", "safari"]],
  ["password manager", ["1password", "lastpass", "dashlane", "roboform"]],
  ["reference manager", ["endnote", "mendeley", "refworks", "citavi"]],
  ["statistical analysis", ["spss", "ibm spss", "stata", "minitab"]],
  ["computer algebra system", ["mathematica", "wolfram mathematica", "maple"]],
  ["numerical computation", ["matlab"]],
  ["ebook reader", ["kindle", "kindle app", "adobe digital editions", "apple books"]],
  ["virtual machine", ["hyper-v", "vmware workstation", "parallels", "parallels desktop"]],
  ["html editor", ["dreamweaver", "adobe dreamweaver", "frontpage", "microsoft frontpage"]],
  ["web server", ["iis", "xampp", "wamp", "mamp"]],
  ["mail server", ["microsoft exchange", "exchange server"]],
  ["sql client", ["navicat", "heidisql", "sql server management studio", "ssms", "toad for oracle", "sequel pro"]],
  ["git client", ["sourcetree", "github desktop", "tortoisegit", "gitkraken client"]],
  ["subversion client", ["tortoisesvn"]],
  ["diff merge", ["beyond compare", "winmerge", "araxis merge", "filemerge"]],
  ["game engine", ["unity3d", "unity engine", "unreal engine", "gamemaker", "game maker"]],
  ["sticky notes", ["stickies", "microsoft sticky notes"]],
  ["clipboard manager", ["ditto clipboard", "clipclip"]]
]

/**
 * Systems a request names its program's system by, anywhere in it ("task manager like on windows" names "windows task
 * manager"): tried before each name's words when the request says one.
 */
const SYSTEMS = new Set(["windows", "mac", "macos", "osx", "microsoft", "apple"])

/** name -> the words of what it is. */
const TABLE: ReadonlyMap<string, string> = new Map(KINDS.flatMap(([kind, names]) => names.map((n) => [n, kind] as const)))
/** The most words a name has. */
const LONGEST = Math.max(...[...TABLE.keys()].map((k) => k.split(" ").length))

/** A request with other systems' programs read as what they are. */
export interface OtherSystemsReading {
  /** The request with each name followed by what it is ("photoshop image editor alternative"). */
  readonly query: string
  /** The names found, as typed ("photoshop", "ms paint"). */
  readonly names: ReadonlyArray<string>
  /** What they are ("image editor"). */
  readonly kinds: ReadonlyArray<string>
}

/**
 * Reads a normalized request (normalizeQuery's) for other systems' programs, longest names first; undefined when it
 * names none. `isPackage` says whether a name (with its spaces as "-" and as nothing) is a package's own.
 */
export const readOtherSystems = (q: string, isPackage: (name: string) => boolean): OtherSystemsReading | undefined => {
  const typed = q.split(" ")
  // For the lookup only: quotes and punctuation around a word ("winrar?", "'ms paint'"); ASCII classes (no Unicode
  // property classes to compile at each start).
  const words = typed.map((w) => w.replace(/^[^a-z0-9\u00b5]+|[^a-z0-9+]+$/g, ""))
  const out: Array<string> = []
  const names: Array<string> = []
  const kinds: Array<string> = []
  const system = words.find((w) => SYSTEMS.has(w))
  const kindOf = (span: string) => {
    const own = TABLE.get(span)
    if (own !== undefined || system === undefined || span.startsWith(system)) return own === undefined ? undefined : [span, own] as const
    const said = TABLE.get(`${system} ${span}`)
    return said === undefined ? undefined : [`${system} ${span}`, said] as const
  }
  for (let i = 0; i < words.length;) {
    let found = 0
    for (let n = Math.min(LONGEST, words.length - i); n >= 1 && found === 0; n--) {
      const span = words.slice(i, i + n).join(" ")
      const hit = kindOf(span)
      if (hit === undefined || isPackage(span.replace(/ /g, "-")) || isPackage(span.replace(/ /g, ""))) continue
      const [name, kind] = hit
      out.push(span, kind)
      names.push(name)
      kinds.push(kind)
      found = n
    }
    if (found === 0) out.push(typed[i]!)
    i += Math.max(1, found)
  }
  return names.length === 0 ? undefined : { query: out.filter((w) => w !== "").join(" "), names, kinds }
}
