// Builds an index from a nix-env JSON file (default: the 2020 channel data) without the CLI:
// npx tsx bench/search-build.ts OUT [FROM]
import { Effect, Layer } from "effect"
import { buildIndex } from "../src/layers/index/buildIndex.js"
import { Nix } from "../src/services/Nix.js"
const [out, from] = [process.argv[2], process.argv[3] ?? "../shared/data/nixpkgs-channel-2020.json.gz"]
if (out === undefined) throw new Error("usage: npx tsx bench/search-build.ts OUT [FROM]")
Effect.runPromise(buildIndex({ from, out, onProgress: (p) => console.error(p.message) }).pipe(
  Effect.provide(Layer.succeed(Nix, {} as never))
)).then((r) => console.log(JSON.stringify(r.status)))
