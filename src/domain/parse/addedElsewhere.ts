/**
 * "Add vmuser to sudoers", "add ~/.local/bin to PATH", "remove alice from the wheel group", "Add configurationLimit to
 * systemd-boot" (issue 13): something added to, or taken from, a list that holds no programs (users' groups and sudo
 * rights, search paths, keys, caches, ports), or an option's name added to a module, is no install or removal of a
 * package: the words before "to" are a user, a path, a key or an option, never installed "as written".
 */
import type { NameResolver } from "./NameResolver.js"

/** The place named after "to", "into", "from": lists of users, paths, keys, caches and ports, not of programs. */
const ELSEWHERE = /^(?:to|into|onto|from) (?:(?:the|my|our|your|a|an) )?(?:[\w.$/-]+ )?(?:sudoers|sudo|groups?|wheel|path|\$path|authorized_keys|authorizedkeys|known_hosts|substituters|trusted-substituters|trusted-users|trusted-public-keys|firewall|hosts|\/etc\/hosts|fstab|crontab|extragroups|allowedtcpports|allowedudpports|ports|keyring|allowlist|whitelist|blocklist|blacklist|denylist)(?: list| file)?$/
/** Where it goes, any place ("to systemd-boot", "to the ssh module"). */
const PLACE = /^(?:to|into|onto) \S/
/** An option's or an attribute's name, camelCased ("configurationLimit", "openFirewall"), which no program is called. */
const OPTION_NAME = /^[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*$/

/** Why the package words of an install or removal are not packages, or undefined when they may be. */
export const addedElsewhere = (
  leftOut: ReadonlyArray<string>, words: ReadonlyArray<string>, names: NameResolver | undefined
): string | undefined => {
  const place = leftOut.find((l) => ELSEWHERE.test(l))
  if (place !== undefined) return `"${place}" names a list of users, paths, keys or ports, not of programs: nothing here is a package to install or remove.`
  if (words.length > 0 && leftOut.some((l) => PLACE.test(l)) && words.every((w) => OPTION_NAME.test(w) && names?.exists(w) !== true)) {
    return `"${words.join(", ")}" reads like an option's name added to a module, not a package.`
  }
  return undefined
}
