/** Types of scripts/snapshotFlags.mjs, for its test. */
export declare const snapshotFlags: ReadonlyArray<string>
