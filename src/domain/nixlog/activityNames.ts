/** Activity and result type numbers from Nix's src/libutil/logging.hh (stable from 2.4 to 2.26+). */
export const activityNames: Readonly<Record<number, string>> = {
  0: "unknown",
  100: "copyPath",
  101: "fileTransfer",
  102: "realise",
  103: "copyPaths",
  104: "builds",
  105: "build",
  106: "optimiseStore",
  107: "verifyPaths",
  108: "substitute",
  109: "queryPathInfo",
  110: "postBuildHook",
  111: "buildWaiting",
  112: "fetchTree"
}

export const activityName = (type: number): string => activityNames[type] ?? `type${type}`

export const ResultType = {
  fileLinked: 100,
  buildLogLine: 101,
  untrustedPath: 102,
  corruptedPath: 103,
  setPhase: 104,
  progress: 105,
  setExpected: 106,
  postBuildLogLine: 107,
  fetchStatus: 108
} as const
