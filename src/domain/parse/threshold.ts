/**
 * Mutating intents at or below CONFIDENCE_THRESHOLD are not carried out without asking (terminal) or
 * at all (non-interactive, without --yes): only a confidence above it acts.
 */
export const CONFIDENCE_THRESHOLD = 0.6

/** Does a mutating intent of this confidence act without a yes? Strictly above the threshold. */
export const actsWithoutAsking = (confidence: number): boolean => confidence > CONFIDENCE_THRESHOLD
