// The V8 flags of ask-nix's startup snapshot (scripts/build.mjs), shared with the tests.
// V8 flags of every snapshot start. A snapshot only loads under the flags it was built with (V8
// checks), so these are written next to it for bin/ask-nix.
// - A new space of 16 MB: no garbage collection at all in a call (it paid a dozen scavenges, each
//   costlier with a snapshot's larger heap).
// - No rehashing after deserialisation: V8 would otherwise rebuild every hash table of the heap with
//   a fresh seed (measured: 6 ms of each call). The seed stays the one this build drew at random;
//   guessing it to flood ask-nix's hash tables would take reading the user's own dist/ask-nix.blob.
// - No Sparkplug: in a call of a tenth of a second, compiling baseline code costs more than it
//   saves (measured: 3 ms of parse and search; an index build takes as long either way, TurboFan
//   still optimises what runs hot).
// - No regexp tier-up: V8 first compiles a regular expression to bytecode and compiles it to machine
//   code on its second run. The warm-up runs most of the parser's once, so the snapshot held their
//   bytecode and every call compiled them again (the parser's are long alternations: judged,
//   changeTitle, isReport...). Compiled to machine code on their first run, in the warm-up, they are
//   ready in the snapshot (measured: parse's own work 4.6 -> 2.4 ms, snapshot 9 KB larger).
//   One limit comes with it: V8 11 (Node 20) aborts `--build-snapshot` ("unreachable code" in its
//   serializer) when one expression's machine code is very large: a long alternation of unrolled
//   loops (two of the parser's, ~1,100 characters each, did; a plain list of words that long does not).
//   Write such a one as a list of patterns; test/cli/snapshotRegex.test.ts builds a snapshot of every
//   long expression in src under these flags.
export const snapshotFlags = ["--min-semi-space-size=16", "--no-rehash-snapshot", "--no-sparkplug", "--no-regexp-tier-up"]
