export declare const DESKTOP_SETS: ReadonlySet<string>
