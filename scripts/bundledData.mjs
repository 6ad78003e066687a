// An esbuild plugin: moves large data tables out of the bundle into a data file beside it
// (dist/ask-nix.data), read when first asked for (src/layers/bundledData.ts).
//
// The bundle's whole source lives in the startup snapshot that every call deserialises (at about
// 4.5 ms per MB here), also the string constants of code that never runs in the call: the parser's
// dictionary and classifier, and the index builder's tables (importance, command guesses, related
// words, Debian's commands, words and phrases), some 700 KB. Each module named below is evaluated here, at build time; each of its exports
// (a string, or a function of no arguments that returns one) is written to the data file, and the
// module is replaced in the bundle by one that reads it back: a string when the module loads (these
// load only with the index builder), a function when called. The sources are unchanged: tsx and the
// tests use the modules themselves.
//
// A function export of a module marked `ranged` takes (from, to) as String.prototype.slice does (no
// negative positions), and the bundle reads only those bytes: the dictionary reads the bucket of the
// word asked about, not all its 330 KB (whose buffer and string cost a parse about 0.5 ms in page
// faults alone). Such text must be ASCII, so that characters and bytes are the same positions.
import { build } from "esbuild"
import { writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, resolve } from "node:path"

/** Modules whose exports go to the data file. */
const ranged = new Set([resolve("src/domain/parse/dictionaryText.ts")]) // (read by parts: see above)
const modules = [
  "src/domain/parse/dictionaryText.ts", // the dictionary unpacked: no unpacking at run time, and its index
  "src/domain/parse/grammar/classifier.generated.ts",
  "src/domain/parse/grammar/topicVocabulary.generated.ts", // unpacked only for requests the grammar did not read
  "src/domain/parse/grammar/moduleNames.generated.ts", // read only when a settings phrase asks about a module's name
  "src/domain/parse/grammar/settingDescriptionWords.generated.ts", // 58 KB, read when a switch is first named by its option's words
  "src/domain/index/importance.generated.ts",
  "src/domain/index/commandGuesses.generated.ts",
  "src/domain/index/relatedWords.generated.ts",
  "src/domain/index/debianCommands.generated.ts",
  "src/domain/index/debianWords.generated.ts",
  "src/domain/index/debianPhrases.generated.ts"
].map((m) => resolve(m))

const reader = resolve("src/layers/bundledData.ts")

/** A module's exports, evaluated (bundled on its own first: it may import others, or Node built-ins). */
const evaluate = async (file) => {
  const out = await build({ entryPoints: [file], bundle: true, platform: "node", format: "cjs", write: false, logLevel: "silent" })
  const module = { exports: {} }
  new Function("module", "exports", "require", out.outputFiles[0].text)(module, module.exports, createRequire(file))
  return module.exports
}

/** The plugin; writes `dataFile` when the build ends. */
export const bundledData = (dataFile) => ({
  name: "bundled-data",
  setup(b) {
    const chunks = []
    let size = 0
    const exact = new Set(modules)
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (!exact.has(args.path)) return undefined
      const exports = await evaluate(args.path)
      const lines = [`import { readBundledData } from ${JSON.stringify(reader)}`]
      for (const [name, value] of Object.entries(exports)) {
        const text = typeof value === "function" && (value.length === 0 || ranged.has(args.path)) ? value() : value
        if (typeof text !== "string") throw new Error(`bundledData: ${args.path} exports ${name}, neither a string nor a function of no arguments that returns one`)
        const bytes = Buffer.from(text, "utf8")
        const read = `readBundledData(${size}, ${bytes.length})`
        if (ranged.has(args.path) && typeof value === "function") {
          if (bytes.length !== text.length) throw new Error(`bundledData: ${args.path} exports ${name}, read by parts, but its text is not ASCII`)
          lines.push(`export const ${name} = (from = 0, to = ${bytes.length}): string => readBundledData(${size} + from, Math.min(to, ${bytes.length}) - from)`)
        } else lines.push(`export const ${name} = ${typeof value === "function" ? `(): string => ${read}` : read}`)
        chunks.push(bytes)
        size += bytes.length
      }
      return { contents: lines.join("\n"), loader: "ts", resolveDir: dirname(args.path) }
    })
    b.onEnd((result) => {
      if (result.errors.length === 0) writeFileSync(dataFile, Buffer.concat(chunks))
    })
  }
})
