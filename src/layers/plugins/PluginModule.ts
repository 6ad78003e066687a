/** One entry of the generated registry: a plugin module, imported only when asked. */
export interface PluginModule {
  /** The file or folder name under src/plugins. */
  readonly name: string
  /** Repository-relative path, for messages ("src/plugins/doctor/index.ts"). */
  readonly source: string
  readonly load: () => Promise<unknown>
}
