/**
 * Work done once per request. The readings of one request ask the same pure questions more than once: the
 * whole text and then its sentences or its cleaned-up form (which often normalize to the same words), a
 * clause and the sentence it sits in, two checks of one verb's object. A function wrapped here answers a
 * text it was asked about before, within the same parseRequest, from what it answered then; nothing is kept
 * from one request to the next (each request pays for its own readings), and outside parseRequest it is
 * the plain function.
 */

/** The request being parsed (0: none); each parseRequest gets a new number. */
let current = 0
let last = 0

/** Runs one request's parse: the wrapped functions remember their answers until it returns. */
export const withinRequest = <T>(parse: () => T): T => {
  const outer = current
  current = ++last
  try {
    return parse()
  } finally {
    current = outer
  }
}

/** `read`, answering a text asked about before in the same request from its first answer (it must be pure). */
export const oncePerRequest = <R>(read: (text: string) => R): ((text: string) => R) => {
  let at = 0
  const answers = new Map<string, R>()
  return (text) => {
    if (current === 0) return read(text)
    if (at !== current) {
      answers.clear()
      at = current
    } else if (answers.has(text)) return answers.get(text)!
    const r = read(text)
    answers.set(text, r)
    return r
  }
}
