/** Types of scripts/check-layers.mjs, for its test. */
export declare const importsOf: (text: string) => ReadonlyArray<string>
export declare const checkLayers: (srcDir: string) => { readonly files: number; readonly problems: ReadonlyArray<string> }
