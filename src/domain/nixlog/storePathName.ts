/** Name and version from a store path, as Nix's builtins.parseDrvName splits them. */
export interface NameVersion {
  readonly pname: string
  readonly version: string
}

/** "/nix/store/<hash>-hello-2.12" -> { pname: "hello", version: "2.12" } */
export const parseStorePathName = (storePath: string): NameVersion => {
  const base = storePath.split("/").pop() ?? storePath
  const name = /^[0-9a-z]{32}-(.*)$/.exec(base)?.[1] ?? base
  return parseDrvName(name)
}

/** The version starts at the first dash that is not followed by a letter. */
export const parseDrvName = (name: string): NameVersion => {
  const m = /^(.*?)-([^a-zA-Z].*)$/.exec(name)
  return m ? { pname: m[1]!, version: m[2]! } : { pname: name, version: "" }
}
