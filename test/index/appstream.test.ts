// The development-time reader of Debian's AppStream catalogue (scripts/lib/appstream.ts), on an excerpt written in
// the catalogue's own layout (DEP-11 YAML as bookworm ships it).
import { describe, expect, it } from "vitest"
import { appStreamByPackage } from "../../scripts/lib/appstream.js"

const CATALOGUE = `---
File: DEP-11
Version: '0.16'
Origin: debian-bookworm-main
---
Type: addon
ID: org.kde.okular-mobipocket
Package: okular
Extends:
- org.kde.okular.desktop
Summary:
  de: Bietet Unterstützung zum Lesen von Mobipocket-E-Books
  C: Adds support for reading Mobipocket e-books
---
Type: desktop-application
ID: org.kde.okular.desktop
Package: okular
Name:
  C: Okular
Summary:
  de: Universeller Dokumentenbetrachter
  C: Universal document viewer
Description:
  de: "<p>Okular ist ein Dokumentenbetrachter</p>"
  C: "<p>\\n     Okular is a universal document viewer developed by KDE.\\n    </p>\\n<ul>\\n  <li>PDF,
    PostScript and DjVu</li>\\n</ul>"
Categories:
- Qt
- KDE
- Graphics
- Office
- Viewer
Keywords:
  de:
  - Betrachter
  C:
  - PDF
  - ebook
---
Type: desktop-application
ID: org.bleachbit.BleachBit
Package: bleachbit
Summary:
  C: Clean your system and protect your privacy
Categories:
- System
- FileTools
Keywords:
  C:
  - cache
  - clean
`

describe("AppStream catalogue (scripts/lib/appstream.ts)", () => {
  const apps = appStreamByPackage(CATALOGUE)

  it("reads the English summary, keywords and menu categories of applications, not of add-ons", () => {
    const okular = apps.get("okular")!
    expect(okular.words).toEqual(expect.arrayContaining(["universal", "document", "viewer", "graphic", "office", "pdf", "ebook"]))
    // the add-on's summary and other languages' words are not the application's
    expect(okular.words).not.toContain("mobipocket")
    expect(okular.words).not.toContain("betrachter")
    // toolkits and desktops are not what a program is for
    expect(okular.words).not.toContain("qt")
    expect(okular.words).not.toContain("kde")
    expect(apps.get("bleachbit")!.words).toEqual(expect.arrayContaining(["clean", "privacy", "cache", "file"]))
  })

  it("names the desktop an application's ID says", () => {
    expect([...apps.get("okular")!.desktops]).toEqual(["kde"])
    expect([...apps.get("bleachbit")!.desktops]).toEqual([])
  })

  it("reads the English long description without its markup", () => {
    const about = apps.get("okular")!.about
    expect(about).toEqual(expect.arrayContaining(["developed", "pdf", "postscript", "djvu"]))
    expect(about).not.toContain("li")
    expect(about).not.toContain("dokumentenbetrachter")
  })
})
