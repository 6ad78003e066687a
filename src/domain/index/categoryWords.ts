/**
 * What a package is, from where nixpkgs keeps it: the folders of its defining file
 * (pkgs/applications/networking/mailreaders/thunderbird -> networking, mail, email, reader, client;
 * pkgs/servers/http/nginx -> server, http, web). Pure; used at index build time only.
 */
import { stem } from "./text.js"

/** Folder names that say nothing about what the package is. */
const SKIP = new Set([
  "pkgs", "applications", "tools", "development", "misc", "os-specific", "build-support", "data", "top-level", "by-name",
  "default.nix", "generic", "common", "nixos", "modules", "services", "programs", "hardware", "config", "system"
])

/** Folder names whose words are not plain English split on "-" (nixpkgs' own taxonomy). */
const FOLDER_WORDS: Readonly<Record<string, string>> = {
  mailreaders: "mail email reader client",
  "instant-messengers": "instant messenger chat",
  "window-managers": "window manager",
  "display-managers": "display manager login",
  "version-management": "version control",
  "git-and-tools": "git",
  "cd-dvd": "cd dvd",
  p2p: "p2p peer",
  http: "http web server",
  "web-servers": "web server http",
  "web-apps": "web application",
  "web-browsers": "web browser",
  browsers: "browser web",
  nosql: "nosql database",
  sql: "sql database",
  databases: "database",
  "build-managers": "build",
  "package-management": "package manager",
  inputmethods: "input method",
  "python-modules": "python",
  "node-packages": "node",
  "pidgin-plugins": "pidgin plugin",
  x11: "x11",
  X11: "x11",
  amqp: "amqp message broker",
  mpd: "mpd music",
  dns: "dns",
  ftp: "ftp",
  irc: "irc chat",
  feedreaders: "feed reader rss",
  cluster: "cluster",
  "file-managers": "file manager",
  filesystems: "filesystem file system",
  "terminal-emulators": "terminal emulator",
  emulators: "emulator",
  typesetting: "typesetting",
  "science": "science"
}

/** The words of one folder name. */
const folderWords = (name: string): Array<string> =>
  (FOLDER_WORDS[name] ?? name.replace(/[-_]+/g, " ")).split(" ").filter((w) => w !== "").map((w) => stem(w.toLowerCase()))

/** Category words of some folders (skipping those that say nothing about a package). */
export const foldersWords = (dirs: ReadonlyArray<string>): Array<string> => {
  const out = new Set<string>()
  for (const d of dirs) {
    if (SKIP.has(d) || /\d/.test(d)) continue
    for (const w of folderWords(d)) out.add(w)
  }
  return [...out]
}

/**
 * Category words of a package's defining file (relative to the nixpkgs root). The last folder is the package's
 * own when the file is four or more folders down (pkgs/tools/backup/restic/default.nix), and is left out.
 */
export const categoryWords = (file: string | null): Array<string> => {
  if (file === null) return []
  const dirs = file.split("/").slice(0, -1)
  return foldersWords(dirs.length >= 4 ? dirs.slice(0, -1) : dirs)
}
