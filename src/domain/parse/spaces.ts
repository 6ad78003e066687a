/**
 * Runs of white space -> one space, as `text.replace(/\s+/g, " ")` does, but matching only what changes:
 * a run of two or more, or a single tab or newline. On long forum texts the plain pattern matched (and
 * replaced by itself) every single space between words.
 */
const CHANGED_SPACE = /\s{2,}|[^\S ]/g

export const oneSpace = (text: string): string => text.replace(CHANGED_SPACE, " ")
