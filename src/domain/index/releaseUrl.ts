/**
 * Where a NixOS release publishes its package metadata (packages.json.br), from the name of the channel's
 * store path: `/nix/store/<hash>-nixos-23.11.5848.2a34566b67bf/nixos` -> releases.nixos.org/nixos/23.11/
 * nixos-23.11.5848.2a34566b67bf/packages.json.br (an unstable channel, nixos-24.05pre..., is under unstable/;
 * nixpkgs channels are not grouped: releases.nixos.org/nixpkgs/nixpkgs-24.05pre.../packages.json.br).
 * Pure. Flakes name a revision, not a release, so there is nothing to derive for them.
 */
export const RELEASES = "https://releases.nixos.org"

/** The release's packages.json.br URL, or undefined when no segment of the path names a release. */
export const packagesJsonUrl = (channelPath: string): string | undefined => {
  for (const seg of channelPath.split("/").reverse()) {
    const m = /^(?:[0-9a-z]{32}-)?((nixos|nixpkgs)-(\d\d\.\d\d)(pre)?[.\d]*\.[0-9a-f]{7,40})$/.exec(seg)
    if (m === null) continue
    // nixos releases are grouped by version (unstable ones under "unstable"), nixpkgs ones are not
    const group = m[2] === "nixpkgs" ? "" : `${m[4] !== undefined ? "unstable" : m[3]}/`
    return `${RELEASES}/${m[2]}/${group}${m[1]}/packages.json.br`
  }
  return undefined
}
