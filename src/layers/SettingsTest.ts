/** Settings for tests: dry-run, a throwaway profile path, no terminal. Override fields as needed. */
import { Layer } from "effect"
import { Settings, type SettingsShape } from "../services/Settings.js"

export const defaultTestSettings: SettingsShape = {
  execute: false,
  json: false,
  showIntent: false,
  backend: undefined,
  profile: "/tmp/ask-nix-test-profile/profile",
  defaultProfile: false,
  file: undefined,
  flake: "nixpkgs",
  index: "/nonexistent/ask-nix-index",
  scope: undefined,
  root: "/",
  interactive: false,
  yes: false,
  stateDir: "/tmp/ask-nix-test-state",
  cwd: "/tmp",
  flakeDir: undefined,
  userDirs: { user: "alice", home: "/tmp/ask-nix-test-home", configHome: "/tmp/ask-nix-test-home/.config", stateHome: "/tmp/ask-nix-test-home/.local/state" }
}

export const SettingsTest = (overrides: Partial<SettingsShape> = {}) =>
  Layer.succeed(Settings, { ...defaultTestSettings, ...overrides })
