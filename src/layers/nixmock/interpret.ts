/** Interprets the argv the backends produce against the mock world. Pure apart from mutating `world`. */
import { attrOf, parseArgs, type ParsedArgs } from "./args.js"
import { mockStorePath, type MockInstalled, type MockPackage, type MockWorld } from "./model.js"
import { progressLines } from "./progress.js"

export type { MockWorld }

export interface MockResult {
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: ReadonlyArray<string>
}

const ok = (stdout = "", stderr: ReadonlyArray<string> = []): MockResult => ({ exitCode: 0, stdout, stderr })
const fail = (...stderr: ReadonlyArray<string>): MockResult => ({ exitCode: 1, stdout: "", stderr })

const modern = (w: MockWorld): boolean => {
  const [a = 0, b = 0] = w.version.split(".").map(Number)
  return a > 2 || (a === 2 && b >= 20)
}

const currentPackages = (w: MockWorld): ReadonlyArray<MockInstalled> =>
  w.generations.find((g) => g.number === w.current)?.packages ?? []

const commit = (w: MockWorld, packages: ReadonlyArray<MockInstalled>, kind: "profile" | "nix-env"): number => {
  const number = Math.max(0, ...w.generations.map((g) => g.number)) + 1
  w.clock += 60
  const date = new Date(Date.UTC(2026, 0, 1) + w.clock * 1000).toISOString()
  w.generations = [...w.generations, { number, date, packages }]
  w.current = number
  w.kind = kind
  return number
}

const installedOf = (p: MockPackage): MockInstalled => ({
  attr: p.attr, pname: p.pname, version: p.version, storePath: mockStorePath(p.pname, p.version)
})

const notFound = (attr: string, a: ParsedArgs): string =>
  a.options.has("-f") || a.options.has("--file")
    ? `error: attribute '${attr}' in selection path '${attr}' not found`
    : `error: flake 'flake:nixpkgs' does not provide attribute 'packages.x86_64-linux.${attr}', 'legacyPackages.x86_64-linux.${attr}' or '${attr}'`

const buildFailure = (p: MockPackage): ReadonlyArray<string> => [
  `@nix {"action":"start","id":9,"level":3,"parent":0,"text":"building '${mockStorePath(p.pname, p.version, ".drv")}'","type":105,"fields":["${mockStorePath(p.pname, p.version, ".drv")}","",1,1]}`,
  `@nix {"action":"result","id":9,"type":101,"fields":["compiling ${p.pname}..."]}`,
  `@nix {"action":"result","id":9,"type":101,"fields":["error: ${p.pname} cannot be built"]}`,
  `@nix {"action":"stop","id":9}`,
  `@nix {"action":"msg","level":0,"msg":"error: builder for '${mockStorePath(p.pname, p.version, ".drv")}' failed with exit code 1"}`
]

/** Resolve the package words; the first failure wins. */
const resolve = (w: MockWorld, a: ParsedArgs, words: ReadonlyArray<string>, channelPrefix: boolean) => {
  const found: Array<MockPackage> = []
  for (const word of words) {
    const p = w.packages.get(attrOf(word, channelPrefix))
    if (p === undefined) return { error: fail(notFound(attrOf(word, channelPrefix), a)) }
    if (p.broken) return { error: fail(...buildFailure(p)) }
    found.push(p)
  }
  return { found }
}

const incompatible = (w: MockWorld, want: "profile" | "nix-env"): MockResult | undefined =>
  w.kind !== "new" && w.kind !== want
    ? fail(`error: profile is incompatible with '${want === "profile" ? "nix profile" : "nix-env"}'; please use '${want === "profile" ? "nix-env" : "nix profile"}' instead`)
    : undefined

const addPackages = (w: MockWorld, found: ReadonlyArray<MockPackage>, kind: "profile" | "nix-env", json: boolean): MockResult => {
  const kept = currentPackages(w).filter((i) => !found.some((p) => p.attr === i.attr || p.pname === i.pname))
  commit(w, [...kept, ...found.map(installedOf)], kind)
  return ok("", json ? progressLines(found.map((p) => `${p.pname}-${p.version}`)) : found.map((p) => `installing '${p.pname}-${p.version}'`))
}

const matches = (i: MockInstalled, word: string): boolean =>
  i.attr === word || i.pname === word || i.storePath === word

const upgraded = (w: MockWorld, selected: (i: MockInstalled) => boolean): ReadonlyArray<MockInstalled> =>
  currentPackages(w).map((i) => {
    const p = w.packages.get(i.attr)
    return selected(i) && p !== undefined && !p.broken && p.version !== i.version ? installedOf(p) : i
  })

const rollbackTo = (w: MockWorld, target: number | undefined): MockResult => {
  const numbers = w.generations.map((g) => g.number)
  const to = target ?? [...numbers].reverse().find((n) => n < (w.current ?? 0))
  if (to === undefined) return fail(`error: no generation older than the current (${w.current ?? 0}) is available`)
  if (!numbers.includes(to)) return fail(`error: generation ${to} does not exist`)
  const from = w.current
  w.current = to
  return ok("", [`switching profile from version ${from} to ${to}`])
}

const deleteGenerations = (w: MockWorld, spec: ReadonlyArray<string>): MockResult => {
  const keep = new Set<number>(w.current === undefined ? [] : [w.current])
  const sorted = w.generations.map((g) => g.number).sort((x, y) => y - x)
  let doomed: ReadonlyArray<number>
  if (spec[0] === "old") doomed = sorted.filter((n) => !keep.has(n))
  else if (spec[0]?.startsWith("+")) {
    const n = Number(spec[0].slice(1))
    const newest = new Set(sorted.filter((g) => g <= (w.current ?? 0)).slice(0, n))
    doomed = sorted.filter((g) => !newest.has(g) && !keep.has(g) && g < (w.current ?? 0))
  } else doomed = spec.map(Number).filter((n) => !keep.has(n))
  const remaining = w.generations.filter((g) => !doomed.includes(g.number))
  const live = new Set(remaining.flatMap((g) => g.packages.map((p) => p.storePath)))
  const freed = w.generations.filter((g) => doomed.includes(g.number)).flatMap((g) => g.packages.map((p) => p.storePath))
  for (const p of freed) if (!live.has(p) && !w.dead.includes(p)) w.dead.push(p)
  w.generations = remaining
  return ok("", [...doomed].sort((x, y) => x - y).map((n) => `removing profile version ${n}`))
}

const generationLines = (w: MockWorld): string =>
  w.generations.map((g) => `   ${g.number}   ${g.date.replace("T", " ").slice(0, 19)}   ${g.number === w.current ? "(current)" : ""}`).join("\n") + "\n"

/** "these N derivations will be built:" for packages not in any generation yet. */
const dryRunLines = (w: MockWorld, found: ReadonlyArray<MockPackage>): ReadonlyArray<string> => {
  const have = new Set(w.generations.flatMap((g) => g.packages.map((p) => p.storePath)))
  const todo = found.filter((p) => !have.has(mockStorePath(p.pname, p.version)))
  if (todo.length === 0) return []
  return [
    todo.length === 1 ? "this derivation will be built:" : `these ${todo.length} derivations will be built:`,
    ...todo.map((p) => `  ${mockStorePath(p.pname, p.version, ".drv")}`)
  ]
}

const collectGarbage = (w: MockWorld): MockResult => {
  const n = w.dead.length
  w.dead = []
  return ok("", [`${n} store paths deleted, ${(n * 1.5).toFixed(2)} MiB freed`])
}

const searchJson = (w: MockWorld, query: string, prefix: string): string => {
  const re = new RegExp(query, "i")
  return JSON.stringify(Object.fromEntries([...w.packages.values()]
    .filter((p) => re.test(p.attr) || re.test(p.description))
    .map((p) => [`${prefix}${p.attr}`, { pname: p.pname, version: p.version, description: p.description }])))
}

const queryJson = (w: MockWorld, packages: ReadonlyArray<MockInstalled | MockPackage>, meta: boolean): string =>
  JSON.stringify(Object.fromEntries(packages.map((p) => [p.attr, {
    name: `${p.pname}-${p.version}`, pname: p.pname, version: p.version, system: "x86_64-linux", outputName: "out",
    outputs: { out: "storePath" in p ? p.storePath : mockStorePath(p.pname, p.version) },
    ...(meta ? { meta: { description: w.packages.get(p.attr)?.description ?? "", homepage: `https://example.org/${p.pname}`, license: { spdxId: "MIT" } } } : {})
  }])))

const nixProfile = (w: MockWorld, sub: string, a: ParsedArgs, rest: ReadonlyArray<string>): MockResult => {
  const json = a.options.get("--log-format") === "internal-json"
  switch (sub) {
    case "install": case "add": {
      if (sub === "add" && !modern(w)) return fail("error: 'add' is not a recognised command")
      const bad = incompatible(w, "profile")
      if (bad) return bad
      const r = resolve(w, a, rest, false)
      return r.error ?? addPackages(w, r.found, "profile", json)
    }
    case "remove": {
      const bad = incompatible(w, "profile")
      if (bad) return bad
      const cur = currentPackages(w)
      const kept = cur.filter((i, idx) => !rest.some((word) => matches(i, word) || (!modern(w) && word === String(idx))))
      if (kept.length === cur.length) return ok("", [`warning: No packages to remove.`])
      commit(w, kept, "profile")
      return ok("", [`removed ${cur.length - kept.length} packages, kept ${kept.length} packages`])
    }
    case "upgrade": {
      const bad = incompatible(w, "profile")
      if (bad) return bad
      const all = a.flags.has("--all") || rest.includes(".*")
      const cur = currentPackages(w)
      const next = upgraded(w, (i) => all || rest.some((word) => matches(i, word) || word === String(cur.indexOf(i))))
      commit(w, next, "profile")
      return ok("", json ? progressLines(next.filter((n, k) => n !== cur[k]).map((p) => `${p.pname}-${p.version}`)) : [])
    }
    case "list":
      if (a.flags.has("--json")) {
        if (!modern(w)) return fail("error: unrecognised flag '--json'")
        return ok(JSON.stringify({ version: 3, elements: Object.fromEntries(currentPackages(w).map((p) => [p.attr, { active: true, priority: 5, storePaths: [p.storePath] }])) }))
      }
      return ok(currentPackages(w).map((p, i) => modern(w) ? `Name: ${p.attr}\nStore paths: ${p.storePath}\n` : `${i} flake:nixpkgs#${p.attr} - ${p.storePath}`).join("\n"))
    case "rollback": {
      const to = a.options.get("--to")
      return rollbackTo(w, to === undefined ? undefined : Number(to))
    }
    case "history":
      return ok(w.generations.map((g) => `Version ${g.number} (${g.date.slice(0, 10)}):\n`).join("\n"))
    case "wipe-history":
      return deleteGenerations(w, ["old"])
    default:
      return fail(`error: 'profile ${sub}' is not a recognised command`)
  }
}

const nix = (w: MockWorld, a: ParsedArgs): MockResult => {
  if (a.flags.has("--version")) return ok(`nix (Nix) ${w.version}\n`)
  const [cmd, sub, ...rest] = a.words
  switch (cmd) {
    case "profile": return nixProfile(w, sub ?? "", a, rest)
    case "shell": {
      const r = resolve(w, a, [sub ?? "", ...rest.filter((x) => !x.startsWith("-"))].filter((x) => x !== ""), false)
      return r.error ?? ok()
    }
    case "build": {
      if (!a.flags.has("--dry-run")) return fail("error: the mock only knows `nix build --dry-run`")
      const r = resolve(w, a, [sub ?? "", ...rest].filter((x) => x !== ""), false)
      return r.error ?? ok("", dryRunLines(w, r.found))
    }
    case "show-config": case "config":
      return ok(JSON.stringify({ "experimental-features": { value: w.experimentalFeatures ? ["flakes", "nix-command"] : [] } }))
    case "search":
      return ok(searchJson(w, rest[0] ?? ".", "legacyPackages.x86_64-linux."))
    case "eval": {
      const p = w.packages.get(attrOf(sub ?? "", false))
      if (p === undefined) return fail(notFound(attrOf(sub ?? "", false), a))
      return ok(JSON.stringify({ name: `${p.pname}-${p.version}`, pname: p.pname, version: p.version, description: p.description, homepage: `https://example.org/${p.pname}`, license: ["MIT"], outPath: mockStorePath(p.pname, p.version) }))
    }
    case "store":
      return sub === "gc" ? collectGarbage(w) : fail(`error: unknown store command ${sub}`)
    default:
      return fail(`error: '${cmd}' is not a recognised command`)
  }
}

const nixEnv = (w: MockWorld, a: ParsedArgs): MockResult => {
  const f = a.flags
  const withFile = a.options.has("-f") || a.options.has("--file")
  const json = a.options.get("--log-format") === "internal-json"
  if (f.has("--version")) return ok(`nix-env (Nix) ${w.version}\n`)
  if (f.has("--list-generations")) return ok(generationLines(w))
  if (f.has("--rollback")) return rollbackTo(w, undefined)
  if (a.options.has("--switch-generation") || a.options.has("-G")) return rollbackTo(w, Number(a.options.get("--switch-generation") ?? a.options.get("-G")))
  if (a.options.has("--delete-generations")) return deleteGenerations(w, [a.options.get("--delete-generations")!, ...a.words])
  if (f.has("-q") || f.has("--query")) {
    if (f.has("-a") || f.has("--available")) {
      const selected = f.has("-A") ? a.words.map((word) => w.packages.get(attrOf(word, !withFile))) : [...w.packages.values()]
      if (selected.some((p) => p === undefined)) return fail(notFound(a.words.find((x) => !w.packages.has(attrOf(x, !withFile))) ?? "", a))
      return ok(queryJson(w, selected as ReadonlyArray<MockPackage>, f.has("--meta")))
    }
    const link = /-(\d+)-link$/.exec(a.options.get("-p") ?? a.options.get("--profile") ?? "")
    const gen = link ? w.generations.find((g) => g.number === Number(link[1]))?.packages ?? [] : currentPackages(w)
    return ok(queryJson(w, gen, f.has("--meta")))
  }
  if (f.has("--dry-run")) {
    if (f.has("-i")) {
      const r = resolve(w, a, a.words, !withFile)
      return r.error ?? ok("", ["(dry run; not doing anything)", ...dryRunLines(w, r.found)])
    }
    const names = a.words.map((x) => attrOf(x, !withFile))
    const cur = currentPackages(w)
    const next = upgraded(w, (i) => names.length === 0 || names.includes(i.attr) || names.includes(i.pname))
    const newer = next.filter((n, k) => n !== cur[k])
    return ok("", [
      "(dry run; not doing anything)",
      ...newer.map((n) => { const o = cur.find((c) => c.attr === n.attr)!; return `upgrading '${o.pname}-${o.version}' to '${n.pname}-${n.version}'` }),
      ...dryRunLines(w, newer.flatMap((n) => w.packages.get(n.attr) ?? []))
    ])
  }
  const bad = incompatible(w, "nix-env")
  if (bad) return bad
  if (f.has("-i") || f.has("--install")) {
    const r = resolve(w, a, a.words, !withFile)
    return r.error ?? addPackages(w, r.found, "nix-env", json)
  }
  if (f.has("-e") || f.has("--uninstall")) {
    const cur = currentPackages(w)
    const kept = cur.filter((i) => !a.words.some((word) => i.pname === word || i.attr === word || `${i.pname}-${i.version}` === word))
    commit(w, kept, "nix-env")
    return ok("", cur.filter((i) => !kept.includes(i)).map((i) => `uninstalling '${i.pname}-${i.version}'`))
  }
  if (f.has("-u") || f.has("--upgrade")) {
    const names = a.words.map((x) => attrOf(x, !withFile))
    const cur = currentPackages(w)
    const next = upgraded(w, (i) => names.length === 0 || names.includes(i.attr) || names.includes(i.pname))
    commit(w, next, "nix-env")
    return ok("", next.filter((n, k) => n !== cur[k]).map((p) => `upgrading to '${p.pname}-${p.version}'`))
  }
  return fail("error: no operation specified")
}

export const interpret = (w: MockWorld, argv: ReadonlyArray<string>): MockResult => {
  const a = parseArgs(argv)
  switch (argv[0]) {
    case "nix": return nix(w, a)
    case "nix-env": return nixEnv(w, a)
    case "nix-shell": {
      const r = resolve(w, a, a.words, false)
      return r.error ?? ok()
    }
    case "nix-channel":
      return ok("nixpkgs https://nixos.org/channels/nixpkgs-unstable\n")
    case "nix-collect-garbage": {
      if (a.flags.has("-d") || a.flags.has("--delete-old")) deleteGenerations(w, ["old"])
      return collectGarbage(w)
    }
    case "nix-store":
      return a.flags.has("--print-dead") ? ok(w.dead.map((p) => `${p}\n`).join("")) : collectGarbage(w)
    default:
      return fail(`${argv[0]}: not a command the mock knows`)
  }
}
