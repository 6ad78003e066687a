/**
 * The startup snapshot made by `npm run build`: the program started from it behaves exactly as a
 * plain start (same output, same exit codes), reads the environment of the call rather than the
 * build's, and is not used when it cannot be right: a bundle rebuilt without it, another node.
 */
import { build } from "esbuild"
import { spawnSync } from "node:child_process"
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { askNixBin, ensureBuilt, nodeOnlyDir, repoRoot, startModes } from "../support/shippedBinary.js"

const dir = mkdtempSync(join(tmpdir(), "ask-nix-snapshot-"))
const nodeDir = dirname(process.execPath)

const run = (bin: string, args: ReadonlyArray<string>, env: Record<string, string> = {}, cwd?: string) =>
  spawnSync(bin, args, { encoding: "utf8", cwd, env: { PATH: `${nodeDir}:/usr/bin:/bin`, HOME: dir, ...env } })

/** Output without the parts that differ between any two calls (timings, times). */
const stable = (text: string) =>
  text.replace(/"timings":\{[^}]*\}/g, '"timings":{}').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, "TIME").replace(/in \d+\.\d s/g, "in N s")

/** A profile of one generation as `nix profile` writes it (the generation a plain folder). */
const profile = join(dir, "profile")

beforeAll(() => {
  ensureBuilt()
  writeFileSync(join(dir, "small.json"), JSON.stringify({
    hello: { name: "hello-2.10", pname: "hello", version: "2.10", meta: { description: "A greeting" } }
  }))
  const generation = join(dir, "store", "00000000000000000000000000000000-profile")
  mkdirSync(generation, { recursive: true })
  writeFileSync(join(generation, "manifest.json"), JSON.stringify({
    version: 3, elements: { hello: { active: true, priority: 5, storePaths: ["/nix/store/00000000000000000000000000000000-hello-2.10"] } }
  }))
  symlinkSync(generation, join(dir, "profile-1-link"))
  symlinkSync("profile-1-link", profile)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it("npm run build made a snapshot", () => {
  expect(existsSync(join(repoRoot, "dist/ask-nix.blob"))).toBe(true)
  expect(existsSync(join(repoRoot, "dist/ask-nix-read.blob"))).toBe(true)
  expect(readFileSync(join(repoRoot, "dist/ask-nix.blob.args"), "utf8").split("\n")[0]).toBe(process.execPath)
})

describe("started from the snapshot or not, the same program", () => {
  const index = join(dir, "index")
  const calls: ReadonlyArray<ReadonlyArray<string>> = [
    ["parse", "--json", "please remove vim and git"],
    ["--version"],
    ["--help"],
    ["frobnicate the wibble"],
    ["explain", "flake"],
    ["--index", index, "index", "build", "--from", join(dir, "small.json")],
    ["--index", index, "--json", "search", "hello"],
    ["--profile", join(dir, "no-profile"), "--backend", "native", "--json", "list"],
    ["--profile", profile, "--json", "list"],
    ["--profile", profile, "generations"]
  ]
  it.each(calls.map((c) => [c.join(" ").replaceAll(dir, "TMP"), c] as const))("%s", (_, args) => {
    // A time zone unlike the build's: dates are printed in the call's.
    const [snapshot, plain] = startModes.map((m) => run(askNixBin, args, { ...m.env, TZ: "Pacific/Chatham" }))
    expect(stable(snapshot!.stderr)).toBe(stable(plain!.stderr))
    expect(stable(snapshot!.stdout)).toBe(stable(plain!.stdout))
    expect(snapshot!.status).toBe(plain!.status)
  })

  it("reads the environment and the folder of the call, not the build's", () => {
    const cache = join(dir, "elsewhere")
    for (const mode of startModes) {
      const r = run(askNixBin, ["--json", "index", "status"], { ...mode.env, XDG_CACHE_HOME: cache })
      expect(r.stdout).toContain(join(cache, "ask-nix", "index"))
      const relative = run(askNixBin, ["--index", `index-${mode.name.length}`, "index", "build", "--from", "small.json"], mode.env, dir)
      expect(relative.status, relative.stderr).toBe(0)
      expect(existsSync(join(dir, `index-${mode.name.length}`))).toBe(true)
    }
  })
})

describe("the terminal", () => {
  /**
   * A preload that reports every read of process.stdin: creating that stream costs about a millisecond,
   * and only a call that asks something needs it. Preloads run only in a plain start; the program
   * started from the snapshot is the same code (the calls above compare the two).
   */
  const trap = join(dir, "stdin-trap.cjs")
  const plainStart = (args: ReadonlyArray<string>) =>
    run(process.execPath, ["--require", trap, join(repoRoot, "bin/ask-nix.mjs"), ...args])

  const index = join(dir, "trap-index")
  beforeAll(() => {
    expect(run(askNixBin, ["--index", index, "index", "build", "--from", join(dir, "small.json")]).status).toBe(0)
    writeFileSync(trap, [
      `const d = Object.getOwnPropertyDescriptor(process, "stdin")`,
      `Object.defineProperty(process, "stdin", { configurable: true, enumerable: d.enumerable, get() {`,
      `  require("node:fs").writeSync(2, "process.stdin opened " + new Error().stack + "\\n"); return d.get.call(process) } })`
    ].join("\n"))
  })

  it("(the trap reports a read of process.stdin)", () => {
    expect(run(process.execPath, ["--require", trap, "-e", "process.stdin"]).stderr).toMatch(/process\.stdin opened/)
  })

  const calls: ReadonlyArray<ReadonlyArray<string>> = [
    ["parse", "--json", "install firefox"],
    ["--version"],
    ["--help"],
    ["--index", index, "--json", "search", "hello"],
    ["--profile", profile, "--json", "list"]
  ]
  it.each(calls.map((c) => [c.join(" ").replaceAll(dir, "TMP"), c] as const))("a call that asks nothing leaves process.stdin unopened: %s", (_, args) => {
    const r = plainStart(args)
    expect(r.stderr).not.toMatch(/process\.stdin opened/)
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).not.toBe("")
  })

  // util-linux `script` gives the call a pseudo-terminal; the keys are what a person would type.
  const hasScript = spawnSync("script", ["--version"]).status === 0
  it.skipIf(!hasScript && process.env["ASK_NIX_REQUIRE_NIX"] !== "1").each(startModes.map((m) => [m.name, m] as const))("a choice is asked and answered (%s)", (_, mode) => {
    const index = join(dir, "pdf-index")
    writeFileSync(join(dir, "pdf.json"), JSON.stringify({
      zathura: { name: "zathura-0.4.7", pname: "zathura", version: "0.4.7", meta: { description: "A highly customizable and functional PDF viewer" } },
      evince: { name: "evince-3.38", pname: "evince", version: "3.38", meta: { description: "GNOME document viewer (PDF, PostScript)" } }
    }))
    expect(run(askNixBin, ["--index", index, "index", "build", "--from", join(dir, "pdf.json")]).status).toBe(0)
    // Nix is off the PATH: the pick is planned as the commands to type (no network to a flake registry needed)
    const command = [askNixBin, "--index", index, "--profile", join(dir, "no-profile"), "i need a pdf viewer"].map((a) => `'${a}'`).join(" ")
    const r = spawnSync("/usr/bin/script", ["-qfec", command, "/dev/null"], {
      input: "\x1b[B\r", // arrow down to the second choice, enter
      encoding: "utf8", timeout: 60_000, env: { PATH: nodeOnlyDir(join(dir, "node-only")), HOME: dir, ...mode.env }
    })
    expect(r.status, r.stdout).toBe(0)
    expect(r.stdout).toMatch(/Which pdf viewer\?/)
    // the menu as first drawn (its order is the ranking's): the arrow down picks its second line
    const plain = r.stdout.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "")
    const drawn = plain.slice(plain.indexOf("Which pdf viewer?")).split("\n").slice(1, 3).map((l) => /(\w+) {2}/.exec(l)?.[1])
    expect([...drawn].sort()).toEqual(["evince", "zathura"])
    expect(r.stdout).toMatch(new RegExp(`nixpkgs#${drawn[1]}\\b`))
  })
})

describe("installed with npm", () => {
  it.each([["npm link", ["link"]], ["npm i -g .", ["install", "--global", "."]]] as const)("%s: the command runs", (_, npmArgs) => {
    const prefix = join(dir, `prefix-${npmArgs[0]}`)
    const npm = spawnSync("npm", [...npmArgs, "--no-audit", "--no-fund"], { cwd: repoRoot, encoding: "utf8", env: { ...process.env, NPM_CONFIG_PREFIX: prefix } })
    expect(npm.status, npm.stderr).toBe(0)
    const r = run(join(prefix, "bin", "ask-nix"), ["parse", "--json", "install firefox"])
    expect(r.stderr).toBe("")
    expect(JSON.parse(r.stdout)).toMatchObject({ intent: "install", packages: ["firefox"] })
  })
})

describe("a snapshot that cannot be right is not used, silently", () => {
  /** A copy of the package's bin/ and dist/, to break one thing at a time. */
  const copyPackage = (name: string) => {
    const pkg = join(dir, name)
    for (const sub of ["bin", "dist"]) mkdirSync(join(pkg, sub), { recursive: true })
    for (const f of ["bin/ask-nix", "bin/ask-nix.mjs", "dist/ask-nix.cjs", "dist/ask-nix.cjs.cache", "dist/ask-nix.data", "dist/ask-nix.blob", "dist/ask-nix-read.blob", "dist/ask-nix.blob.args"]) {
      copyFileSync(join(repoRoot, f), join(pkg, f))
    }
    chmodSync(join(pkg, "bin/ask-nix"), 0o755)
    return pkg
  }
  const rebuildBundle = (pkg: string, newId: boolean) => {
    const file = join(pkg, "dist/ask-nix.cjs")
    let text = readFileSync(file, "utf8").replaceAll('"0.1.0"', '"9.9.9"')
    if (newId) text = text.replace(/askNixBuild=[0-9a-f]+/, `askNixBuild=${"ab".repeat(32)}`)
    writeFileSync(file, text)
  }

  it("a bundle rebuilt after the snapshot runs as built (the snapshot notices by the build id)", () => {
    const pkg = copyPackage("rebuilt")
    rebuildBundle(pkg, true)
    const r = run(join(pkg, "bin/ask-nix"), ["--version"])
    expect(r.stderr).toBe("")
    expect(r.stdout.trim()).toBe("9.9.9")
    expect(r.status).toBe(0)
  })

  it("... also when the launcher is started by a relative path (argv[1] is then relative too)", () => {
    const pkg = copyPackage("rebuilt-relative")
    rebuildBundle(pkg, true)
    const r = run("bin/ask-nix", ["--version"], {}, pkg)
    expect(r.stderr).toBe("")
    expect(r.stdout.trim()).toBe("9.9.9")
    expect(r.status).toBe(0)
  })

  it("... also from the snapshot search and list start from (dist/ask-nix-read.blob)", () => {
    const pkg = copyPackage("rebuilt-read")
    rebuildBundle(pkg, true)
    const r = run(join(pkg, "bin/ask-nix"), ["search", "--version"])
    expect(r.stderr).toBe("")
    expect(r.stdout.trim()).toBe("9.9.9")
  })

  it("(the check is the build id: with the old id the snapshot's own program runs)", () => {
    const pkg = copyPackage("same-id")
    rebuildBundle(pkg, false)
    expect(run(join(pkg, "bin/ask-nix"), ["--version"]).stdout.trim()).toBe("0.1.0")
  })

  it("with another node on PATH, the snapshot is not even read", () => {
    const pkg = copyPackage("other-node")
    writeFileSync(join(pkg, "dist/ask-nix.blob"), "not a snapshot")
    const shim = join(dir, "shim")
    mkdirSync(shim, { recursive: true })
    writeFileSync(join(shim, "node"), `#!/bin/sh\nexec ${process.execPath} "$@"\n`)
    chmodSync(join(shim, "node"), 0o755)
    const r = run(join(pkg, "bin/ask-nix"), ["--version"], { PATH: `${shim}:/usr/bin:/bin` })
    expect(r.stderr).toBe("")
    expect(r.stdout.trim()).toBe("0.1.0")
    // Control: the node that made it does read it (and fails on the garbage).
    expect(run(join(pkg, "bin/ask-nix"), ["--version"]).status).not.toBe(0)
  })
})

describe("building a snapshot", () => {
  /** A snapshot of a tiny program through src/layers/startupSnapshot.ts, warmed up by `warmUp`. */
  const buildTiny = async (name: string, warmUp: string) => {
    const entry = join(dir, `${name}.ts`)
    writeFileSync(entry, [
      `import { startOrBuildSnapshot } from ${JSON.stringify(join(repoRoot, "src/layers/startupSnapshot.ts"))}`,
      `startOrBuildSnapshot(() => console.log(JSON.stringify(process.argv.slice(2))), async () => { ${warmUp} })`
    ].join("\n"))
    const bundle = join(dir, `${name}.cjs`)
    await build({ entryPoints: [entry], bundle: true, platform: "node", format: "cjs", outfile: bundle, logLevel: "silent" })
    writeFileSync(bundle, `${readFileSync(bundle, "utf8")}\n//# askNixBuild=${"cd".repeat(32)}\n`)
    const blob = join(dir, `${name}.blob`)
    return { bundle, blob, built: spawnSync(process.execPath, ["--snapshot-blob", blob, "--build-snapshot", bundle], { encoding: "utf8" }) }
  }

  it("the snapshot's main reads argv at run time", async () => {
    const { bundle, blob, built } = await buildTiny("tiny", "")
    expect(built.status, built.stderr).toBe(0)
    const r = spawnSync(process.execPath, ["--snapshot-blob", blob, bundle, "a", "b c"], { encoding: "utf8" })
    expect(r.stdout.trim()).toBe('["a","b c"]')
  })

  it("fails when the warm-up draws from node:crypto's randomUUID (every run would repeat its values)", async () => {
    const { built } = await buildTiny("uuid", 'require("node:crypto").randomUUID()')
    expect(built.status).not.toBe(0)
    expect(built.stderr).toMatch(/the warm-up loaded node:crypto/)
  })

  it("fails when the warm-up draws from WebCrypto's randomUUID (the same batch of bytes)", async () => {
    const { built } = await buildTiny("webuuid", "globalThis.crypto.randomUUID()")
    expect(built.status).not.toBe(0)
    expect(built.stderr).toMatch(/the warm-up loaded node:crypto/)
  })
})
