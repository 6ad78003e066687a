/** Small hand-made package sets for index tests. */
import type { IndexRecord } from "../../src/domain/index/IndexRecord.js"
import { IndexReader } from "../../src/domain/index/IndexReader.js"
import { serializeIndex } from "../../src/domain/index/serializeIndex.js"

export const rec = (attrPath: string, fields: Partial<IndexRecord> = {}): IndexRecord => {
  const leaf = attrPath.slice(attrPath.lastIndexOf(".") + 1)
  const pname = fields.pname ?? leaf
  const version = fields.version ?? "1.0"
  return {
    attrPath, name: `${pname}-${version}`, pname, version, description: null, longDescription: null,
    homepage: null, license: [], mainProgram: null, position: `pkgs/applications/misc/${leaf}/default.nix`,
    maintainers: 1, broken: false, insecure: false, unfree: false, ...fields
  }
}

export const META = { source: "test", revision: null, builtAt: "2026-01-01T00:00:00.000Z", buildMs: 1, skipped: 0 }

export const memIndex = (records: ReadonlyArray<IndexRecord>): IndexReader =>
  IndexReader.fromBuffer(serializeIndex(records, META), "/test/index")

/** A miniature nixpkgs with the shapes that matter for ranking. */
export const SAMPLE: ReadonlyArray<IndexRecord> = [
  rec("firefox", { description: "A web browser built from Firefox source tree", maintainers: 3 }),
  rec("firefox-esr", { pname: "firefox", version: "68.5esr", description: "A web browser built from Firefox Extended Support Release source tree" }),
  rec("firefox-wayland", { pname: "firefox", description: "A web browser built from Firefox source tree" }),
  rec("nginx", { description: "A reverse proxy and lightweight webserver", position: "pkgs/servers/http/nginx/stable.nix" }),
  rec("nginxMainline", { pname: "nginx", version: "1.17.8", description: "A reverse proxy and lightweight webserver", position: "pkgs/servers/http/nginx/mainline.nix" }),
  rec("postgresql", { version: "9.6.15", description: "A powerful, open source object-relational database system", position: "pkgs/servers/sql/postgresql/default.nix" }),
  rec("postgresql_11", { pname: "postgresql", version: "11.5", description: "A powerful, open source object-relational database system", position: "pkgs/servers/sql/postgresql/default.nix" }),
  rec("postgresql_10", { pname: "postgresql", version: "10.10", description: "A powerful, open source object-relational database system", position: "pkgs/servers/sql/postgresql/default.nix" }),
  rec("tmux", { description: "Terminal multiplexer" }),
  rec("inkscape", { description: "Vector graphics editor" }),
  rec("krita", { description: "A free and open source painting application" }),
  rec("nodejs", { version: "10.19.0", description: "Event-driven I/O framework for the V8 JavaScript engine" }),
  rec("nodejs-12_x", { pname: "nodejs", version: "12.16.0", description: "Event-driven I/O framework for the V8 JavaScript engine" }),
  rec("zathura", { description: "A highly customizable and functional PDF viewer" }),
  rec("evince", { description: "GNOME's document viewer", position: "pkgs/desktops/gnome-3/core/evince/default.nix" }),
  rec("mupdf", { description: "Lightweight PDF, XPS, and E-book viewer and toolkit written in portable C" }),
  rec("pdftk", { description: "Command-line tool for working with PDFs" }),
  rec("keepassxc", { description: "Password manager to store your passwords safely and auto-type them into your everyday websites and apps" }),
  rec("pass", { description: "Stores, retrieves, generates, and synchronizes passwords securely" }),
  rec("python3Packages.requests", { pname: "requests", version: "2.22.0", description: "An Apache2 licensed HTTP library, written in Python, for human beings", position: "pkgs/development/python-modules/requests/default.nix" }),
  rec("python3Packages.tmux-helper", { pname: "tmux-helper", description: "Helpers for tmux", position: "pkgs/development/python-modules/tmux-helper/default.nix" }),
  rec("requests-tool", { description: "A tool that makes HTTP requests" }),
  rec("vlc", { version: "3.0.8", description: "Cross-platform media player and streaming server", position: "pkgs/applications/video/vlc/default.nix" }),
  rec("libsForQt5.vlc", { pname: "vlc", version: "3.0.8", description: "Cross-platform media player and streaming server", position: "pkgs/applications/video/vlc/default.nix" }),
  rec("oldcrypt", { description: "An encryption tool", broken: true }),
  rec("newcrypt", { description: "An encryption tool" }),
  rec("leakyssl", { description: "An encryption tool", insecure: true }),
  rec("ripgrep", { description: "A utility that combines the usability of The Silver Searcher with the raw speed of grep" }),
  rec("spotify", { description: "Play music from the Spotify music service", unfree: true, license: ["unfree"] }),
  rec("NetworkManager", { pname: "network-manager", description: "Network configuration and management tool" })
]
