/** What the index answers: ranked search hits and the index's own status. */
import type { PackageSummary } from "../Plan.js"

export interface SearchHit extends PackageSummary {
  readonly score: number
}

export interface IndexStatus {
  readonly path: string
  readonly source: string
  readonly revision: string | null
  readonly packages: number
  readonly builtAt: string
  readonly sizeBytes: number
  readonly formatVersion: number
}
