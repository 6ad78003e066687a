// The start-up budget: `parse` (no index, as in issue 18; and, unbudgeted, with the index, whose names
// the parser then reads), `search` (the full 2020 channel index), `list` (native, on a real profile)
// and `--help`, each against `node -e ''` in one hyperfine run, as shipped (bin/ask-nix, from the
// startup snapshot) and as a plain start (bin/ask-nix.mjs: the bundle and its code cache).
// Prints a table, and when NODE_EXTRA_CA_CERTS is set a second one without it; exits 1 when a command is
// over its budget in either. Needs hyperfine and Nix (the profile
// is made with the test package set); builds ask-nix first when dist/ is missing.
//   node bench/startup.mjs [--runs N]      ASK_NIX_DATA=FILE overrides the channel file
import { execFileSync } from "node:child_process"
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..")
process.chdir(root)
const runs = process.argv.includes("--runs") ? Number(process.argv[process.argv.indexOf("--runs") + 1]) : 20
const data = process.env.ASK_NIX_DATA ?? "../shared/data/nixpkgs-channel-2020.json.gz"

/** Budgets: mean wall time as a ratio to `node -e ''` in the same run, for the shipped command. */
const budgets = { parse: 1.6, search: 2.0, list: 2.0 }

if (!existsSync("dist/ask-nix.cjs")) execFileSync("npm", ["run", "build"], { stdio: "inherit" })
const tmp = mkdtempSync(join(tmpdir(), "ask-nix-bench-startup-"))
try {
  const index = join(tmp, "index")
  execFileSync("bin/ask-nix", ["--index", index, "index", "build", "--from", data], { stdio: "ignore" })
  // A real profile, made by ask-nix itself through Nix (offline, no sandbox: tiny /bin/sh packages).
  const pkgs = join(tmp, "pkgs")
  cpSync("test/fixtures/pkgs", pkgs, { recursive: true })
  const profile = join(tmp, "profile")
  const nixConfig = [process.env.NIX_CONFIG ?? "", "sandbox = false", "build-users-group =", "substituters ="].join("\n")
  execFileSync("bin/ask-nix", ["--profile", profile, "--file", pkgs, "--execute", "install", "greet", "hello"], {
    stdio: "ignore", env: { ...process.env, NIX_CONFIG: nixConfig }
  })
  const listed = JSON.parse(execFileSync("bin/ask-nix", ["--profile", profile, "--json", "list"], { encoding: "utf8" }))
  if (listed.backend !== "native" || listed.packages.length !== 2) throw new Error(`list did not read the profile natively: ${JSON.stringify(listed)}`)

  const commands = {
    parse: `--index ${join(tmp, "no-index")} parse --json "install firefox"`,
    "parse+index": `--index ${index} parse --json "install firefox"`,
    search: `--index ${index} search --json firefox`,
    list: `--profile ${profile} --json list`,
    "--help": "--help"
  }
  const rows = [["node -e ''", "node -e ''"]]
  for (const [name, args] of Object.entries(commands)) {
    rows.push([`${name} (snapshot)`, `bin/ask-nix ${args}`], [`${name} (plain)`, `node bin/ask-nix.mjs ${args}`])
  }
  /** One hyperfine run of every row under `env`, printed as a table; returns how many budgets it is over. */
  const table = (title, env) => {
    const out = join(tmp, "hyperfine.json")
    execFileSync("hyperfine", ["-N", "--warmup", "3", "--runs", String(runs), "--style", "none", "--export-json", out, ...rows.map((r) => r[1])], { stdio: ["ignore", "ignore", "inherit"], env })
    const results = JSON.parse(readFileSync(out, "utf8")).results
    const base = results[0]
    const cpu = (r) => r.user + r.system
    let over = 0
    console.log(`\n${title}`)
    console.log(`${"command".padEnd(24)} ${"mean ms".padStart(8)} ${"± ms".padStart(6)} ${"added".padStart(6)} ${"ratio".padStart(6)} ${"min ms".padStart(7)} ${"ratio".padStart(6)} ${"CPU ms".padStart(7)} ${"CPU ratio".padStart(9)}  budget (mean)`)
    results.forEach((r, i) => {
      const [label] = rows[i]
      const ratio = r.mean / base.mean
      const budget = label.endsWith("(snapshot)") ? budgets[label.split(" ")[0]] : undefined
      const verdict = budget === undefined ? "" : ratio <= budget ? `<= ${budget}x ok` : `<= ${budget}x OVER`
      if (budget !== undefined && ratio > budget) over++
      console.log(`${label.padEnd(24)} ${(r.mean * 1000).toFixed(1).padStart(8)} ${(r.stddev * 1000).toFixed(1).padStart(6)} ${((r.mean - base.mean) * 1000).toFixed(1).padStart(6)} ${ratio.toFixed(2).padStart(5)}x ${(r.min * 1000).toFixed(1).padStart(7)} ${(r.min / base.min).toFixed(2).padStart(5)}x ${(cpu(r) * 1000).toFixed(1).padStart(7)} ${(cpu(r) / cpu(base)).toFixed(2).padStart(8)}x  ${verdict}`)
    })
    return over
  }
  // NODE_EXTRA_CA_CERTS makes Node read a certificate file before V8 starts (about 37 ms on this project's
  // VM), in `node -e ''` and in ask-nix alike: with it set the ratios look better than what ask-nix adds
  // to Node's start deserves. So the budget is measured both ways when it is set.
  const extraCerts = process.env.NODE_EXTRA_CA_CERTS
  const { NODE_EXTRA_CA_CERTS: _, ...withoutCerts } = process.env
  let over = 0
  if (extraCerts) over += table(`With NODE_EXTRA_CA_CERTS (${extraCerts}): every Node start here, node -e '' too, loads it.`, process.env)
  over += table("Without NODE_EXTRA_CA_CERTS:", withoutCerts)
  console.log("(added: mean minus node -e ''s; min: the fastest run of each, less moved by other load; CPU: user + system time, all threads)")
  process.exitCode = over > 0 ? 1 : 0
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
