/**
 * A Nix assignment pasted as the request (issue 13): "services.openssh.enable = true;", "`time.timeZone =
 * "Europe/Paris";`", "add nixpkgs.config.allowUnfree = true to configuration.nix", "Add
 * `boot.loader.systemd-boot.configurationLimit = 10` to p620 and p510", "environment.systemPackages = with pkgs; [
 * firefox git ];". An option of NixOS or home-manager set to a value is that setting (its value without the `;`); a
 * list of packages set for the system, the home or a user is those packages installed there (`pkgs.foo` is foo).
 * Only the whole text is read here, as an assignment alone or after "add"/"set"/"put" with where it goes: an
 * assignment inside other words ("... = true; doesn't work", "Set `x = true;` and observe ...") is a report or steps
 * to reproduce, read elsewhere and never as an order.
 */
import { isOptionPath } from "./grammar/settings.js"

export type Assignment =
  | { readonly form: "packages"; readonly option: string; readonly scope: "system" | "home"; readonly packages: ReadonlyArray<string> }
  | { readonly form: "option"; readonly option: string; readonly value: string }

/** The verb that puts it in a configuration ("add", "set", "put"). */
const ORDER = /^(?:add|put|set|use|write|append|insert|include|paste)\s+/i
/** Where it goes, last: "to configuration.nix", "in my home.nix", "to p620 and p510". */
const PLACE = /\s+(?:to|in|into|inside|on)\s+(?:(?:my|the|your|our|a)\s+)?[\w./-]+(?:\s+(?:and|&)\s+[\w./-]+)?$/i
/** `path = value`, the path written as Nix writes it (`users.users."alice".shell`, `users.users.<name>.packages`). */
const ASSIGNMENT = /^([a-z][\w-]*(?:\.(?:[\w-]+|"[^"]*"|<[\w?]+>))+)\s*=\s*(.+?)\s*;?$/i
/** A value as Nix writes it: a boolean, a number, a string, a list, an attribute set, a name ("pkgs.zsh", "lib.mkForce true"). */
const VALUE = /^(?:true|false|null|-?\d+(?:\.\d+)?|"[^"]*"|\[[^\]]*\]|with pkgs\s*;\s*\[[^\]]*\]|\{[^}]*\}|[A-Za-z_][\w.-]*(?:\s+(?:true|false|-?\d+|"[^"]*"))?)$/
/** Options that hold the packages installed for the system, the home or a user. */
const PACKAGE_LISTS = /^(?:environment\.systemPackages|home\.packages|users\.users\.[^.]+\.packages)$/
/** One package of such a list: `firefox`, `pkgs.firefox`, `pkgs.python3Packages.flask` (not an expression in brackets). */
const ITEM = /^(?:pkgs\.)?([A-Za-z0-9_][\w+-]*(?:\.[A-Za-z0-9_][\w+-]*)*)$/

/** The assignment the whole text pastes, or undefined. */
export const nixAssignment = (text: string): Assignment | undefined => {
  let t = text.trim().replace(/[.!]+$/, "")
  const order = ORDER.exec(t)
  if (order !== null) t = t.slice(order[0].length)
  let quoted = false
  if (t.startsWith("`")) {
    const end = t.indexOf("`", 1)
    if (end < 0) return undefined
    const after = t.slice(end + 1)
    // (only where it goes may follow it, and only after a verb that puts it there)
    if (after.trim() !== "" && (order === null || !PLACE.test(after) || after.replace(PLACE, "").trim() !== "")) return undefined
    t = t.slice(1, end).trim()
    quoted = true
  }
  if (!quoted && order !== null) t = t.replace(PLACE, "")
  const m = ASSIGNMENT.exec(t)
  if (m === null) return undefined
  const option = m[1]!
  const value = m[2]!.trim()
  if (!VALUE.test(value) || !isOptionPath(option.toLowerCase())) return undefined
  if (!PACKAGE_LISTS.test(option)) return { form: "option", option, value }
  const list = /\[([^\]]*)\]/.exec(value)
  const items = list === null ? [] : list[1]!.trim().split(/\s+/).filter((w) => w !== "")
  const packages = items.map((w) => ITEM.exec(w)?.[1])
  if (packages.length === 0 || packages.some((p) => p === undefined)) return undefined
  return { form: "packages", option, scope: option.startsWith("home.") ? "home" : "system", packages: packages as ReadonlyArray<string> }
}
