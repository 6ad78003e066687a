/**
 * The real-request corpus files themselves (issue 13; format in test/corpus/real/README.md): every line is
 * well formed, the dev/held split is the sha1 rule's and was not chosen, and no text is in two places. A text
 * that is both a dev line and an unseen line would be tuned on while it is scored as never seen.
 * Failures name a file and line, never the text: held and unseen lines are not to be read.
 */
import { createHash } from "node:crypto"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { repoRoot } from "./channelNames.js"
import { isComment, readAllReal, readReal } from "./realCorpus.js"

const unseenFile = path.resolve(repoRoot, "test/corpus/real/unseen.tsv")
const splitOf = (text: string): string => (createHash("sha1").update(text, "utf8").digest()[0]! % 3 === 0 ? "held" : "dev")

describe("the real-request corpus files", () => {
  const rows = readAllReal()
  const unseen = readReal(unseenFile)

  it("split each line by the sha1 rule and give each a public source", () => {
    const wrong = rows.flatMap((r) => [
      ...(r.split !== splitOf(r.text) ? [`${r.file}:${r.line} split`] : []),
      ...(/^https?:\/\/\S+$/.test(r.source) ? [] : [`${r.file}:${r.line} source`])
    ])
    expect(wrong).toEqual([])
  })

  it("hold no text twice, within the tuning files or between them and unseen.tsv", () => {
    const seen = new Map<string, string>()
    const twice: Array<string> = []
    for (const r of [...rows, ...unseen]) {
      const at = `${r.file}:${r.line}`
      const first = seen.get(r.text)
      if (first !== undefined) twice.push(`${first} = ${at}`)
      else seen.set(r.text, at)
    }
    expect(twice).toEqual([])
  })

  it("read a request that starts with '#' (an issue's number) as a request, and only a line without a tab as a comment", () => {
    expect(isComment("# Columns (tab-separated): text, intent, expect")).toBe(true)
    expect(isComment("#12 Enable bluetooth\tconfigure\topt:hardware.bluetooth.enable=true\tdo\tsystem\thttps://example.org\tdev")).toBe(false)
    expect(isComment("   ")).toBe(true)
  })
})
