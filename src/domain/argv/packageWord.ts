/**
 * Package words reach Nix only as single argv entries, and only when they are plain attribute paths:
 * letters, digits, `_`, `-`, `+` and dots between parts, never starting with `-` (so never an option).
 * Backends check again what the pipeline checked, because they are also called directly (plugins, tests).
 */
import { Either } from "effect"
import { attrPathProblem } from "../AttrPath.js"
import { InvalidPackageName } from "../errors.js"

/** The same rule the pipeline checks first (src/domain/AttrPath.ts), as an Either for the backends. */
export const validateAttrPath = (word: string): Either.Either<string, InvalidPackageName> => {
  const problem = attrPathProblem(word)
  return problem === undefined ? Either.right(word) : Either.left(new InvalidPackageName({ name: word, reason: problem }))
}

/** Validates every word; the first bad one fails. */
export const validateAttrPaths = (words: ReadonlyArray<string>): Either.Either<ReadonlyArray<string>, InvalidPackageName> =>
  Either.all(words.map(validateAttrPath))

/** A program name for `try` (`--command`): a plain file name, not an option. */
export const validateProgram = (word: string): Either.Either<string, InvalidPackageName> =>
  /^[A-Za-z0-9_+][A-Za-z0-9._+-]*$/.test(word) && word.length <= 100
    ? Either.right(word)
    : Either.left(new InvalidPackageName({ name: word, reason: "it is not a plain program name" }))
