/**
 * What the configuration errors say (kept apart from their classes, so that rendering an error does not
 * load the configuration code on every call).
 */
import type { ConfigError } from "./configErrors.js"

export const configErrorMessage = (e: ConfigError): string => {
  switch (e._tag) {
    case "ConfigSyntaxError":
      return `${e.path}:${e.line}:${e.column}: ${e.message}. ask-nix changed nothing; fix the file (or run nix-instantiate --parse ${e.path}) and try again.`
    case "ConfigEditRefused":
      return `${e.path}${e.line !== undefined ? `:${e.line}` : ""}: ask-nix will not edit this: ${e.reason}.${e.hint ? ` ${e.hint}` : ""} Nothing was changed.`
    case "NotInConfig":
      return `"${e.name}" is not in ${e.option} (${e.files.join(", ")}).` +
        (e.present.length > 0 ? ` It lists: ${e.present.slice(0, 15).join(", ")}${e.present.length > 15 ? ", …" : ""}.` : " The list is empty.")
    case "UnknownOption":
      return (e.name.includes(" ") ? `No ${e.scope} option fits "${e.name}".` : `There is no ${e.scope} option called ${e.name}.`) +
        (e.suggestions.length > 0 ? ` Did you mean: ${e.suggestions.join(", ")}?` : ` Search with: ask-nix option ${e.name.split(".").pop() ?? e.name}`)
    case "OptionValueInvalid":
      return `${e.option} is ${withArticle(e.type)}; ${e.value} is not (${e.reason}). Nothing was changed.`
    case "ConfigEvalFailed":
      return `The edited configuration does not evaluate, so ${e.path} was left as it was:\n  ${e.message}` +
        (e.file !== undefined ? `\n  at ${e.file}${e.line !== undefined ? `:${e.line}` : ""}` : "")
    case "OptionsMissing":
      return `There is no ${e.scope} options data at ${e.path} yet. Build it with: ask-nix index build`
    case "ConfigChanged":
      return `${e.path} changed while ask-nix was working on it, so nothing was written. Run the request again.`
    case "ConfigFileError":
      return `${e.path}: ${e.detail}.${e.hint ? ` ${e.hint}` : ""}`
    case "OptionsCorrupt":
      return `The options data at ${e.path} is unreadable (${e.detail}). Rebuild it with: ask-nix index build`
  }
}

const withArticle = (type: string): string => (/^(a|an|one|list|null|attribute|strings|unspecified)\b/.test(type) ? type : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`)
