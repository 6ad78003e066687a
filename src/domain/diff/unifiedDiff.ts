/**
 * A unified diff (as `diff -u` prints it) between two texts, for showing an edit before it is made.
 * Lines are matched with Myers' O(ND) algorithm, so a small edit of a long file costs little.
 */

interface Line {
  readonly text: string
  /** The last line of a text that does not end with a newline. */
  readonly noEol: boolean
}

const splitLines = (text: string): ReadonlyArray<Line> => {
  if (text === "") return []
  const parts = text.split("\n")
  const endsWithNewline = parts[parts.length - 1] === ""
  if (endsWithNewline) parts.pop()
  return parts.map((p, i) => ({ text: p, noEol: !endsWithNewline && i === parts.length - 1 }))
}

type Op = { readonly kind: " " | "-" | "+"; readonly line: Line; readonly a: number; readonly b: number }

const same = (x: Line, y: Line) => x.text === y.text && x.noEol === y.noEol

/** The edit script: every line of both texts, kept, deleted or inserted, in order. */
const editScript = (a: ReadonlyArray<Line>, b: ReadonlyArray<Line>): ReadonlyArray<Op> => {
  const n = a.length
  const m = b.length
  const max = n + m
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Array<Int32Array> = []
  let found = false
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice())
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1
      let y = x - k
      while (x < n && y < m && same(a[x]!, b[y]!)) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) {
        found = true
        break
      }
    }
  }
  // walk back through the trace
  const ops: Array<Op> = []
  let x = n
  let y = m
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!
    const k = x - y
    const prevK = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1
    const prevX = d === 0 ? 0 : vd[offset + prevK]!
    const prevY = prevX - prevK
    while (x > prevX && y > prevY) {
      x--
      y--
      ops.push({ kind: " ", line: a[x]!, a: x, b: y })
    }
    if (d === 0) break
    if (x === prevX) {
      y--
      ops.push({ kind: "+", line: b[y]!, a: x, b: y })
    } else {
      x--
      ops.push({ kind: "-", line: a[x]!, a: x, b: y })
    }
  }
  while (x > 0 && y > 0) {
    x--
    y--
    ops.push({ kind: " ", line: a[x]!, a: x, b: y })
  }
  return ops.reverse()
}

const range = (start: number, count: number): string =>
  count === 1 ? `${start + 1}` : `${count === 0 ? start : start + 1},${count}`

export interface DiffLabels {
  readonly from: string
  readonly to: string
}

/** `diff -u` output for before -> after ("" when they are equal). */
export const unifiedDiff = (before: string, after: string, labels: DiffLabels, context = 3): string => {
  if (before === after) return ""
  const ops = editScript(splitLines(before), splitLines(after))
  const out: Array<string> = [`--- ${labels.from}`, `+++ ${labels.to}`]
  let i = 0
  while (i < ops.length) {
    while (i < ops.length && ops[i]!.kind === " ") i++
    if (i >= ops.length) break
    // a hunk: from `context` lines before this change to `context` lines after the last change that
    // is at most 2 * context lines after the previous one
    let start = Math.max(0, i - context)
    while (start > 0 && ops[start - 1]!.kind !== " ") start--
    let end = i
    let lastChange = i
    while (end < ops.length) {
      if (ops[end]!.kind !== " ") lastChange = end
      else if (end - lastChange > 2 * context) break
      end++
    }
    end = Math.min(ops.length, lastChange + context + 1)
    const hunk = ops.slice(start, end)
    const aStart = hunk[0]!.a
    const bStart = hunk[0]!.b
    const aCount = hunk.filter((o) => o.kind !== "+").length
    const bCount = hunk.filter((o) => o.kind !== "-").length
    out.push(`@@ -${range(aStart, aCount)} +${range(bStart, bCount)} @@`)
    for (const o of hunk) {
      out.push(`${o.kind}${o.line.text}`)
      if (o.line.noEol) out.push("\\ No newline at end of file")
    }
    i = end
  }
  return `${out.join("\n")}\n`
}
