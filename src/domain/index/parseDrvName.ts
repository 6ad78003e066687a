/**
 * Nix's builtins.parseDrvName: the version starts at the first dash followed by a character that is
 * not a letter ("hello-2.10" -> hello, 2.10; "git-minimal-2.23.1" -> git-minimal, 2.23.1).
 */
export const parseDrvName = (name: string): { readonly pname: string; readonly version: string } => {
  for (let i = 0; i < name.length - 1; i++) {
    if (name[i] === "-" && !/[a-zA-Z]/.test(name[i + 1]!)) {
      return { pname: name.slice(0, i), version: name.slice(i + 1) }
    }
  }
  return { pname: name, version: "" }
}
