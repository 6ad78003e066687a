/** `nix-env -q --json --out-path` output -> installed packages (same shape on Nix 2.8 and 2.26). */
import type { InstalledPackage } from "../../Plan.js"
import { parseDrvName } from "../../profile/drvName.js"

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v)

export const parseInstalled = (json: unknown): ReadonlyArray<InstalledPackage> | undefined => {
  if (!isObject(json)) return undefined
  return Object.values(json).flatMap((raw) => {
    if (!isObject(raw)) return []
    const full = typeof raw["name"] === "string" ? raw["name"] : ""
    const split = parseDrvName(full)
    const name = typeof raw["pname"] === "string" && raw["pname"] !== "" ? raw["pname"] : split.name
    const version = typeof raw["version"] === "string" ? raw["version"] : split.version
    const outputs = isObject(raw["outputs"]) ? Object.values(raw["outputs"]).filter((p): p is string => typeof p === "string") : []
    return [{ name, version, storePaths: outputs }]
  })
}

/** The channel nix-env's attributes are prefixed with: the first of `nix-channel --list`, "nixos" on NixOS. */
export const channelFrom = (listOutput: string, isNixOS: boolean): string => {
  const names = listOutput.split("\n").map((l) => l.trim().split(/\s+/)[0] ?? "").filter((n) => /^[A-Za-z0-9_-]+$/.test(n))
  if (names.includes("nixos")) return "nixos"
  if (names.includes("nixpkgs")) return "nixpkgs"
  return names[0] ?? (isNixOS ? "nixos" : "nixpkgs")
}
