import { parseRequest } from "../src/domain/parse/parseRequest.js"
import { channelNames } from "../test/parser/channelNames.js"
import { readFileSync } from "node:fs"
const names = await channelNames()
const lines = readFileSync(process.argv[2]!, "utf8").split("\n").filter((l) => l.trim() !== "")
for (const l of lines) {
  const u = parseRequest(l, { names })
  const i = u.intent as unknown as Record<string, unknown>
  const { _tag, ...rest } = i
  console.log(`${l}\n    -> ${_tag} ${JSON.stringify(rest)} q=${String((u as unknown as Record<string, unknown>).question ?? "")} c=${u.confidence}`)
}
