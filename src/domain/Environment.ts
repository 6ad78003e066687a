/** What one call sees of the world it runs in, read once at start (src/layers/environment.ts). */
export interface Environment {
  readonly env: Readonly<Record<string, string | undefined>>
  readonly home: string
  /** The folder ask-nix was started in. */
  readonly cwd: string
  readonly interactive: boolean
  /** stdout is a terminal (colour may be used); absent: no. */
  readonly stdoutIsTerminal?: boolean | undefined
  readonly exists: (p: string) => boolean
  /** A file's text; undefined when there is no such file (any other failure throws). Read at once: start-up reads the settings file with it. */
  readonly readText: (p: string) => string | undefined
}
