/**
 * Edits of the configuration fixtures (test/fixtures/config), shared by the pure test (the exact diff
 * each must produce) and the evaluation test (the edited configuration evaluates, on Nix 2.8 and 2.26,
 * and each option has the value asked for).
 */
import type { ConfigChange } from "../../src/domain/nixfile/configEdit.js"
import { type NixValue, nixBool, nixString } from "../../src/domain/nixfile/nixValue.js"

const sys = ["environment", "systemPackages"]
const home = ["home", "packages"]
export const add = (pkg: string, option: ReadonlyArray<string> = sys): ConfigChange => ({ kind: "addPackage", option, pkg: pkg.split(".") })
export const addFor = (user: string, pkg: string): ConfigChange => ({
  kind: "addPackage",
  option: ["users", "users", user, "packages"],
  pkg: pkg.split("."),
  owner: ["users", "users", user]
})
export const remove = (pkg: string, option: ReadonlyArray<string> = sys): ConfigChange => ({ kind: "removePackage", option, pkg: pkg.split(".") })
export const set = (option: string, value: NixValue): ConfigChange => ({ kind: "setOption", option: option.split("."), value })

const bluetooth = set("hardware.bluetooth.enable", nixBool(true))
const ssh = set("services.openssh.enable", nixBool(true))
const paris = set("time.timeZone", nixString("Europe/Paris"))
const gc = [set("nix.gc.automatic", nixBool(true)), set("nix.gc.dates", nixString("weekly"))]
const unfree = set("nixpkgs.config.allowUnfree", nixBool(true))

export interface EditCase {
  readonly name: string
  /** Folder under test/fixtures/config; its configuration.nix or home.nix is edited. */
  readonly fixture: string
  /** The module file to edit when it is not the folder's configuration.nix / home.nix. */
  readonly main?: string
  readonly changes: ReadonlyArray<ConfigChange>
}

/** Edits that succeed. Option values and package lists are checked by evaluation. */
export const editCases: ReadonlyArray<EditCase> = [
  { name: "generated 19.09 template: packages, ssh, time zone, bluetooth, gc, unfree", fixture: "nixos/template", changes: [add("firefox"), ssh, paris, bluetooth, ...gc, unfree, add("git")] },
  { name: "dotted style, sorted list", fixture: "nixos/dotted", changes: [add("firefox"), remove("vim"), bluetooth, ...gc] },
  { name: "nested attribute sets", fixture: "nixos/nested", changes: [add("firefox"), bluetooth, ...gc, paris, remove("wget")] },
  { name: "pkgs.x elements, one line", fixture: "nixos/pkgs-prefixed", changes: [add("firefox"), remove("vim"), ssh] },
  { name: "a list bound in let", fixture: "nixos/let-list", changes: [add("firefox"), remove("gnumake"), bluetooth, ...gc, paris] },
  { name: "lists joined with ++ and a conditional list", fixture: "nixos/concat", changes: [add("firefox"), remove("ncdu"), remove("git"), bluetooth] },
  { name: "imports: the list lives in packages.nix, services in services/", fixture: "nixos/split-modules", changes: [add("firefox"), remove("ripgrep"), set("services.openssh.permitRootLogin", nixString("no")), ...gc] },
  { name: "a new option goes to the imported module that sets its siblings (not the generated one)", fixture: "nixos/desktop-module", changes: [set("services.xserver.layout", nixString("fr")), set("services.xserver.libinput.enable", nixBool(true)), set("services.openssh.permitRootLogin", nixString("no")), bluetooth] },
  { name: "mkDefault / mkForce kept, mkForce list", fixture: "nixos/wrappers", changes: [paris, bluetooth, add("git")] },
  { name: "user packages", fixture: "nixos/users", changes: [addFor("alice", "vlc"), addFor("bob", "vlc"), remove("thunderbird", ["users", "users", "alice", "packages"])] },
  { name: "module-level with pkgs", fixture: "nixos/with-lib", changes: [add("firefox"), remove("wget"), ssh] },
  { name: "empty module", fixture: "nixos/empty", changes: [add("firefox"), bluetooth, paris] },
  { name: "no pkgs argument: pkgs is added", fixture: "nixos/no-pkgs-arg", changes: [add("firefox"), ssh] },
  { name: "long form: definitions under config", fixture: "nixos/long-form", changes: [add("firefox"), bluetooth] },
  { name: "CRLF line breaks kept", fixture: "nixos/crlf", changes: [add("firefox"), ssh, paris] },
  { name: "tab indentation kept", fixture: "nixos/tabs", changes: [add("firefox"), bluetooth] },
  { name: "comments everywhere; commented-out definitions taken up", fixture: "nixos/commented", changes: [add("firefox"), remove("htop"), ssh, paris, set("sound.enable", nixBool(true))] },
  { name: "nix.gc partly set in a nested set", fixture: "nixos/gc-partial", changes: [...gc] },
  { name: "nixpkgs.config set as a set", fixture: "nixos/unfree-set", changes: [unfree, add("steam")] },
  { name: "a computed list gets ++ [ … ]", fixture: "nixos/computed-list", changes: [add("firefox")] },
  { name: "one-line unsorted list", fixture: "nixos/one-line-list", changes: [add("firefox"), remove("wget"), ssh] },
  { name: "one formal a line, leading commas", fixture: "nixos/formals-multiline", changes: [add("firefox"), set("services.openssh.enable", nixBool(false))] },
  { name: "let helpers, rec set, list ++ optional", fixture: "nixos/let-helpers", changes: [add("firefox"), ...gc] },
  { name: "a definition inside mkIf is updated, the condition kept", fixture: "nixos/mkif-blocked", changes: [set("services.xserver.layout", nixString("fr"))] },
  { name: "flake host module", fixture: "nixos/flake", main: "hosts/laptop.nix", changes: [add("firefox"), ssh] },
  { name: "home-manager: pkgs.x list", fixture: "home/basic", changes: [add("ripgrep", home), remove("htop", home), set("programs.git.userName", nixString("Alice Liddell"))] },
  { name: "home-manager: with pkgs list, programs sibling", fixture: "home/with-pkgs", changes: [add("jq", home), set("programs.git.enable", nixBool(true))] },
  { name: "home-manager: nested home set", fixture: "home/nested", changes: [add("ripgrep", home), set("programs.git.enable", nixBool(true))] },
  { name: "home-manager: empty", fixture: "home/empty", changes: [add("ripgrep", home), set("programs.bash.enable", nixBool(true))] }
]
