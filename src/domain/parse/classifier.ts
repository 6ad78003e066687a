/**
 * A small naive Bayes classifier over words and word pairs: which intent kind a request most likely
 * means. Trained at development time (scripts/gen-classifier.mjs) on labelled requests; the model ships
 * as a generated table, decoded on first use. It only ever proposes ("Did you mean ...?"); the grammar
 * decides what is understood.
 */

/** The model as the generator writes it. */
export interface Model {
  readonly kinds: ReadonlyArray<string>
  /** log P(kind) */
  readonly priors: ReadonlyArray<number>
  /** Per kind: log of (its feature count + alpha * vocabulary size): the denominator of every feature's probability. */
  readonly norms: ReadonlyArray<number>
  readonly alpha: number
  /** feature -> flat [kind index, count, kind index, count, ...] */
  readonly features: Readonly<Record<string, ReadonlyArray<number>>>
}

const TOKEN = /[a-z0-9][a-z0-9+._-]*/g

/** The request's words as the model counts them (numbers as "#"). */
const wordsOf = (text: string): ReadonlyArray<string> => {
  const lower = text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/n't\b/g, " not").replace(/'(s|m|re|ve|d|ll)\b/g, "")
  return (lower.match(TOKEN) ?? []).map((w) => w.replace(/[._-]+$/, "")).map((w) => (/^\d[\d.]*$/.test(w) ? "#" : w))
}

/** Words (numbers as "#"), word pairs, the first word, and whether it asks. */
export const featuresOf = (text: string): ReadonlyArray<string> => {
  const words = wordsOf(text)
  const out: Array<string> = []
  for (let i = 0; i < words.length; i++) {
    out.push(words[i]!)
    if (i + 1 < words.length) out.push(`${words[i]} ${words[i + 1]}`)
  }
  if (words.length > 0) out.push(`^${words[0]}`)
  if (text.includes("?")) out.push("?")
  return out
}

/**
 * A model ready to score: each feature's weight per kind (a logarithm of its count) taken once when the
 * model is loaded, not at every request that asks for a second opinion.
 */
export interface Classifier {
  readonly kinds: ReadonlyArray<string>
  readonly priors: ReadonlyArray<number>
  /** Per kind: what a known feature adds to every kind, seen with it or not (log(alpha) - norm). */
  readonly unseen: ReadonlyArray<number>
  /** feature -> flat [kind index, log(alpha + count) - log(alpha), ...]: what it adds to the kinds that saw it. */
  readonly weights: ReadonlyMap<string, ReadonlyArray<number>>
  /** The first words of the word pairs it knows: a pair is only made (and looked up) after one of them. */
  readonly pairStarts: ReadonlySet<string>
}

export const toClassifier = (model: Model): Classifier => {
  const logAlpha = Math.log(model.alpha)
  const weights = new Map<string, ReadonlyArray<number>>()
  for (const [f, counts] of Object.entries(model.features)) {
    weights.set(f, counts.map((c, i) => (i % 2 === 0 ? c : Math.log(model.alpha + c) - logAlpha)))
  }
  const pairStarts = new Set<string>()
  for (const f of weights.keys()) {
    const sp = f.indexOf(" ")
    if (sp > 0) pairStarts.add(f.slice(0, sp))
  }
  return { kinds: model.kinds, priors: model.priors, unseen: model.norms.map((n) => logAlpha - n), weights, pairStarts }
}

/** Kinds with their probability, most likely first. */
export const classify = (c: Classifier, text: string): ReadonlyArray<{ readonly kind: string; readonly p: number }> => {
  const scores = c.priors.slice()
  const add = (f: string) => {
    const weights = c.weights.get(f)
    if (weights === undefined) return
    // every kind pays for the feature; the kinds that saw it pay less
    for (let k = 0; k < scores.length; k++) scores[k]! += c.unseen[k]!
    for (let i = 0; i < weights.length; i += 2) scores[weights[i]!]! += weights[i + 1]!
  }
  // the features of featuresOf, in its order (the sums come out the same to the last bit), without making
  // the word pairs the model has never seen
  const words = wordsOf(text)
  for (let i = 0; i < words.length; i++) {
    add(words[i]!)
    if (i + 1 < words.length && c.pairStarts.has(words[i]!)) add(`${words[i]} ${words[i + 1]}`)
  }
  if (words.length > 0) add(`^${words[0]}`)
  if (text.includes("?")) add("?")
  const top = Math.max(...scores)
  const exp = scores.map((s) => Math.exp(s - top))
  const sum = exp.reduce((a, b) => a + b, 0)
  return c.kinds.map((kind, k) => ({ kind, p: exp[k]! / sum })).sort((a, b) => b.p - a.p)
}
