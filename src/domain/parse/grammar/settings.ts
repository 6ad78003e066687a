import { isDictionaryWord } from "../dictionary.js"
import { describedSwitch } from "../topicVocabulary.js"
import { moduleNamesText, serviceNamesText } from "./moduleNames.generated.js"

/**
 * NixOS and home-manager settings in people's words, for the `configure` and `option` kinds. The parser
 * only reads words; the handler resolves them to real options (issue 14).
 */

/**
 * Words that name a setting rather than a package. "enable", "turn off", "configure" read anything as a
 * setting; the ambiguous verbs ("add bluetooth", "set up pipewire", "switch to plasma") only these.
 * Programs people install ("set up zsh", "set up docker") are left out on purpose.
 */
export const settingWords: ReadonlySet<string> = new Set([
  "bluetooth", "ssh", "sshd", "openssh", "firewall", "timezone", "time zone", "tz", "locale", "language", "keyboard",
  "keymap", "keyboard layout", "layout", "hostname", "networkmanager", "network manager", "networking", "wifi", "wi-fi",
  "wireless", "wlan", "sound", "audio", "pipewire", "pulseaudio", "alsa", "printing", "printer", "printers", "cups",
  "scanner", "scanning", "sane", "flatpak", "virtualbox", "libvirt", "libvirtd", "kvm", "virtualisation",
  "virtualization", "nvidia", "amdgpu", "opengl", "graphics", "zram", "zramswap", "swap", "swapfile", "hibernation",
  "hibernate", "autoupgrade", "auto upgrade", "auto upgrades", "automatic upgrades", "automatic updates", "auto updates",
  "garbage collection", "automatic garbage collection", "auto garbage collection", "gc", "unfree", "unfree packages",
  "flakes", "nix-command", "experimental features", "default shell", "default editor", "desktop", "desktop environment",
  "plasma", "plasma5", "plasma6", "kde", "kde plasma", "gnome", "xfce", "cinnamon", "lxqt", "sway", "hyprland", "i3",
  "xmonad", "bspwm", "xserver", "x11", "xorg", "wayland", "display manager", "sddm", "gdm", "lightdm", "autologin",
  "auto login", "automatic login", "tailscale", "zerotier", "syncthing", "wireguard", "openvpn", "vpn", "man pages", "manpages", "documentation", "fonts",
  "fontconfig", "numlock", "touchpad", "libinput", "trackpad", "bootloader", "boot loader", "grub", "systemd-boot",
  "plymouth", "firmware", "microcode", "fwupd", "tlp", "power management", "thermald", "redshift", "location",
  "ntp", "timesyncd", "dns", "ipv6", "fail2ban", "sudo", "doas", "polkit", "apparmor", "avahi", "samba", "nfs",
  "redis", "ollama", "jellyfin", "plex", "mdns", "udev", "cron", "flakes support", "nix-ld",
  "nix settings", "binary cache", "substituters", "cachix", "trusted users", "auto-optimise-store", "optimise store",
  "certificate", "certificates", "root certificate", "ca certificate", "kernel modules", "kernel parameters", "boot entries",
  "menu entries", "configuration limit", "input method",
  "reverse proxy", "virtual host", "virtual hosts", "session variables", "static ip", "login screen", "lock screen", "kernel", "kernel version", "plasma 6", "plasma 5",
  "kde plasma 6", "kde plasma 5"
])

/** Nouns after a setting that say it is one ("the ssh service", "kitty config"). */
export const settingNouns: ReadonlySet<string> = new Set([
  "service", "services", "daemon", "module", "modules", "option", "options", "config", "configuration", "settings"
])

/** The first part of NixOS and home-manager option paths: "services.openssh.enable", "programs.git.enable". */
export const optionRoots: ReadonlySet<string> = new Set([
  "services", "programs", "hardware", "boot", "networking", "nix", "nixpkgs", "time", "i18n", "users", "security",
  "virtualisation", "system", "environment", "fonts", "sound", "documentation", "xdg", "home", "zramswap", "console",
  "powermanagement", "location", "systemd", "qt", "gtk", "wayland", "xsession", "targets", "accounts", "manual", "news"
])

const LEADING = /^(?:(?:the|my|a|an|our|some|this|these|nixos|nixos's|nix|system|system's)\s+)+/
const TRAILING = /(?:\s+(?:please|now|too|as well|again|permanently|by default|on boot|at boot|on startup|system-wide|systemwide|globally|for everyone|for all users|everywhere|then))+$/
/** Where the setting's name ends: "tailscale on both nixos hosts", "ssh by default", "gc of nix stores". */
const CUT = /\s(?:on|for|in|via|with|using|through|by|of|from|at|so|because|when|if|where|which|that|instead|rather|without)\s.*$/

/** The words naming a setting, fillers off: "the ssh service by default" -> "ssh". */
export const settingText = (words: string): string => {
  let t = words.trim().replace(CUT, "").replace(TRAILING, "").replace(LEADING, "").trim()
  const ws = t.split(" ")
  while (ws.length > 1 && settingNouns.has(ws[ws.length - 1]!)) {
    ws.pop()
    // ("nas nixos module", "git home-manager module": where the module lives is no part of its name)
    if (ws.length > 1 && /^(?:nixos|nix|home-manager|hm|system)$/.test(ws[ws.length - 1]!)) ws.pop()
  }
  t = ws.join(" ")
  return t
}

/** The words name a setting the ambiguous verbs may mean ("add bluetooth", "kitty config", "pipewire setup"). */
export const namesSetting = (words: string): boolean => {
  const all = words.trim().split(" ")
  if (all.length > 1 && settingNouns.has(all[all.length - 1]!)) return true
  const t = settingText(words)
  if (settingWords.has(t)) return true
  const ws = t.split(" ")
  return ws.length <= 6 && ws.some((w, i) => settingWords.has(w) || (i + 1 < ws.length && settingWords.has(`${w} ${ws[i + 1]}`)) ||
    // a plural ("Timezones", "configure locales", "kernel parameters")
    (w.length > 3 && w.endsWith("s") && settingWords.has(w.slice(0, -1))))
}

/**
 * Words an unambiguous verb ("enable", "turn off", "allow") may set: a setting, an option path, or a name
 * that is not an ordinary word (a program: "enable git", "enable tailscale"); not "enable tests".
 */
export const settingOrName = (words: string): boolean => {
  const t = settingText(words)
  // ("fingerprint reader", "garbage collector": words a switch's description says one after the other)
  return namesSetting(words) || isOptionPath(t) || t.split(" ").some((w) => w.length > 1 && !isDictionaryWord(w.replace(/s$/, "")) && !isDictionaryWord(w)) ||
    describedSwitch(t)
}

/** A written option path ("services.openssh.enable", "boot.loader.grub.configurationLimit"), lower-cased. */
export const isOptionPath = (word: string): boolean => {
  const dot = word.indexOf(".")
  return dot > 0 && /^[a-z][a-z0-9]*(?:\.[a-z0-9_<>?*"-]+)+$/.test(word) && optionRoots.has(word.slice(0, dot))
}

let modules: ReadonlySet<string> | undefined
/** The name of a NixOS or home-manager module one turns on ("syncthing", "neovim", "podman", "plasma5", "auto upgrade"). */
export const isModuleName = (name: string): boolean => (modules ??= new Set(moduleNamesText().split(","))).has(name)

let services: ReadonlySet<string> | undefined
/**
 * The name of a NixOS service that no `programs.<name>` module shares: a daemon the system runs ("jellyfin", "nginx",
 * "fwupd", "sddm"), turned on rather than installed when a config's title names it alone or after "add".
 */
export const isServiceName = (name: string): boolean => (services ??= new Set(serviceNamesText().split(","))).has(name)

/**
 * The words name a setting or a module in a few words ("the printer", "rootless podman", "zsh", "jellyfin
 * on nixos"): what a title or a gerund ("Neovim setup", "Setting up syncthing") may be about. Programs
 * count here, unlike with the ambiguous verbs: "set up zsh" installs it, "Zsh setup" configures it.
 */
export const namesSettingOrModule = (words: string): boolean => {
  if (namesSetting(words)) return true
  const ws = settingText(words).split(" ")
  return ws.length <= 3 && ws.some((w, i) => isModuleName(w) || (i + 1 < ws.length && isModuleName(`${w} ${ws[i + 1]}`)))
}

/** Setting words too everyday to make a sentence about a NixOS setting ("the sound of it", "my location"). */
const EVERYDAY: ReadonlySet<string> = new Set(["kernel", "sound", "audio", "desktop", "location", "language", "layout", "documentation", "graphics", "swap", "keyboard", "printer", "scanner", "firmware", "sudo", "cron", "dns", "gc", "fonts"])

/** The text names a NixOS setting somewhere ("No wifi after the install", "Man pages doesn't work"). */
export const mentionsSetting = (text: string): boolean => {
  const ws = text.toLowerCase().split(/[^a-z0-9-]+/).filter((w) => w.length > 0)
  return ws.some((w, i) => (settingWords.has(w) && !EVERYDAY.has(w)) || (i + 1 < ws.length && settingWords.has(`${w} ${ws[i + 1]}`)))
}
