/**
 * Where a call's time goes: with ASK_NIX_TIMING=1 (read at each mark, so never frozen into the startup
 * snapshot) each stage's mark, in milliseconds since the process started, is written to stderr when
 * the process exits, after Node's own (V8 started, the environment made, bootstrap done: with a
 * snapshot, deserialising it). Marks: main started, the CLI started, settings read, words routed,
 * command tree built (the chosen subcommand's), options parsed, the call's services being built and built, the command's work done,
 * the program's fiber done, output flushed.
 */
const marks: Array<readonly [string, number]> = []

export const mark = (label: string): void => {
  if (process.env["ASK_NIX_TIMING"] !== "1") return
  if (marks.length === 0) process.on("exit", report)
  marks.push([label, performance.now()])
}

const report = () => {
  const node = performance.nodeTiming
  const all = [["v8 started", node.v8Start], ["environment", node.environment], ["bootstrap done", node.bootstrapComplete], ...marks, ["exit", performance.now()]] as const
  process.stderr.write(all.map(([label, ms]) => `${label}\t${ms.toFixed(2)}\n`).join(""))
}
