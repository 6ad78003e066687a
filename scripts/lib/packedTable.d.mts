/** Types of scripts/lib/packedTable.mjs, for the generators written in TypeScript. */
export declare const packText: (text: string) => string
export declare const packedTableSource: (comments: ReadonlyArray<string>, name: string, packed: string) => string
