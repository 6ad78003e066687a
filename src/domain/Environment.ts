/** What one call sees of the world it runs in, read once at start (src/layers/environment.ts). */
export interface Environment {
  readonly env: Readonly<Record<string, string | undefined>>
  readonly home: string
  /** The folder ask-nix was started in. */
  readonly cwd: string
  readonly interactive: boolean
  readonly exists: (p: string) => boolean
}
