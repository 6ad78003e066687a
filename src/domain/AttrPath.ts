/**
 * Is a word a Nix attribute path we may pass to Nix? Checked before anything runs, so that no
 * package word can become a shell word or a Nix option ("-f", "--option", "$(...)").
 */
import { InvalidPackageName } from "./errors.js"
import { suspiciousText, visible } from "./suspiciousText.js"

/** Longest attribute path accepted (real ones are far shorter). */
export const MAX_ATTR_PATH_LENGTH = 200

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_+-]*$/

/** Why a word is not a valid attribute path, or undefined when it is. */
export const attrPathProblem = (word: string): string | undefined => {
  if (word.length === 0) return "it is empty"
  if (word.length > MAX_ATTR_PATH_LENGTH) return `it is longer than ${MAX_ATTR_PATH_LENGTH} characters`
  if (word.startsWith("-")) return "it starts with a dash, like a command-line option"
  const suspicious = suspiciousText(word)
  if (suspicious !== undefined) return suspicious
  if (/["'`‘’“”]/.test(word)) return "it contains a quote"
  if (/\s/.test(word)) return "it contains a space"
  if (/["`$;|&<>(){}\[\]\\*?!~#]/.test(word)) return "it contains a shell character"
  if (word.startsWith(".") || word.endsWith(".") || word.includes("..")) return "it has an empty part between dots"
  for (const seg of word.split(".")) {
    if (!SEGMENT.test(seg)) return `"${seg}" is not a valid attribute name`
  }
  return undefined
}

export const isValidAttrPath = (word: string): boolean => attrPathProblem(word) === undefined

/** The pipeline's check: an InvalidPackageName error for a bad word, else undefined. */
export const checkPackageName = (word: string): InvalidPackageName | undefined => {
  const reason = attrPathProblem(word)
  const shown = visible(word)
  return reason === undefined ? undefined : new InvalidPackageName({ name: shown.length > 80 ? `${shown.slice(0, 77)}...` : shown, reason })
}
