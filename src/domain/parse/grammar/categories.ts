/**
 * Words that describe a kind of program rather than name one ("a pdf viewer", "the thunderbird mail client").
 * Trailing words from this list are dropped from a package phrase; when nothing is left, the phrase is
 * a category request (a search where the user picks).
 */
export const genericNouns: ReadonlySet<string> = new Set([
  "viewer", "editor", "player", "manager", "client", "browser", "reader", "tool", "tools", "program",
  "programs", "app", "apps", "application", "applications", "software", "utility", "utilities", "game",
  "games", "emulator", "compiler", "ide", "environment", "downloader", "recorder", "converter", "server",
  "database", "font", "fonts", "launcher", "suite", "processor", "messenger", "monitor", "terminal",
  "program", "package", "packages", "thing", "stuff", "interpreter", "language", "runtime", "framework",
  "library", "libraries", "shell", "multiplexer", "daemon", "service", "extension", "plugin", "plugins",
  "mixer", "synth", "synthesizer", "sequencer", "daw", "workstation", "studio", "toolkit", "kit", "sdk",
  "cli", "gui", "frontend", "backend", "driver", "drivers", "codec", "codecs", "engine", "system", "os",
  "calculator", "calendar", "clock", "timer", "tracker", "organizer", "organiser", "sync", "syncer",
  "uploader", "scanner", "checker", "linter", "formatter", "debugger", "profiler", "analyzer", "analyser",
  "benchmark", "tester", "generator", "builder", "maker", "creator", "designer", "modeler", "modeller",
  "translator", "dictionary", "keyboard", "screenshotter", "capture", "streamer", "chat", "wallet",
  "miner", "notes", "notebook", "wiki", "blog", "diagram", "spreadsheet", "office", "mail", "email",
  "version", "alternative", "replacement", "clone", "utility", "solution", "thingy", "one", "command"
])

/** Adjectives and modifiers that describe a category ("pdf", "lightweight", "text"). */
export const genericModifiers: ReadonlySet<string> = new Set([
  "pdf", "text", "image", "photo", "picture", "video", "music", "audio", "sound", "media", "password",
  "mail", "email", "e-mail", "web", "internet", "file", "screen", "screenshot", "office", "code", "source",
  "programming", "document", "ebook", "e-book", "torrent", "bittorrent", "vpn", "backup", "chat", "irc",
  "ftp", "ssh", "markdown", "note", "notes", "note-taking", "todo", "to-do", "diagram", "vector", "raster",
  "3d", "2d", "graphics", "drawing", "paint", "painting", "podcast", "rss", "feed", "news", "calendar",
  "disk", "partition", "process", "network", "download", "youtube", "sql", "database", "spreadsheet",
  "word", "presentation", "font", "window", "tiling", "desktop", "archive", "zip", "compression", "good",
  "simple", "lightweight", "light", "fast", "small", "free", "open", "opensource", "open-source", "nice",
  "decent", "better", "modern", "cli", "command-line", "command", "line", "gui", "graphical", "terminal",
  "console", "system", "resource", "resources", "usage", "task", "clipboard", "screen-recording",
  "recording", "streaming", "remote", "desktop", "virtual", "machine", "vm", "container",
  "version", "control", "diff", "merge", "hex", "binary", "photo", "photos", "images", "videos",
  "movies", "movie", "tv", "iptv", "radio", "comic", "comics", "manga", "epub", "math",
  "scientific", "science", "strategy", "racing", "shooter", "puzzle", "retro", "arcade", "card",
  "board", "mp3", "flac", "dvd", "cd", "iso", "usb", "bluetooth", "wifi", "wireless", "printer", "print",
  "scan", "ocr", "translation", "dictionary", "spell", "spelling", "grammar", "writing", "journal",
  "accounting", "finance", "money", "budget", "crypto", "cryptocurrency", "bitcoin", "home", "secure",
  "encrypted", "encryption", "privacy", "anonymous", "p2p", "peer-to-peer", "file-sharing", "sharing",
  "sync", "cloud", "storage", "mind", "mapping", "mind-mapping", "project", "management", "time",
  "tracking", "http", "api", "rest", "json", "yaml", "xml", "csv", "log", "logs", "monitoring", "performance",
  "benchmarking", "testing", "load", "packet", "traffic", "port", "dns", "proxy", "firewall", "mp4",
  "another", "other", "different", "popular", "best", "recommended", "graphical", "visual", "interactive",
  "lightweight", "minimal", "minimalist", "fancy", "pretty", "basic", "advanced", "professional", "pro",
  "easy", "beginner", "friendly", "new", "open source", "gpu", "cpu", "memory", "battery", "power", "mouse",
  "drawing", "tablet", "digital", "audio-editing", "video-editing", "photo-editing", "image-editing",
  "editing", "player", "recording", "linux", "media"
])

/** Plural category nouns -> singular, so "video players" searches "video player". */
export const singular = (word: string): string => {
  if (word.length > 3 && word.endsWith("ies") && genericNouns.has(`${word.slice(0, -3)}y`)) return `${word.slice(0, -3)}y`
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") && genericNouns.has(word.slice(0, -1))) return word.slice(0, -1)
  return word
}
