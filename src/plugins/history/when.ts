/** "today", "yesterday", "last week", "in the last 3 days": a time window, in local time. Pure. */

export interface Window {
  readonly label: string
  readonly sinceMs?: number | undefined
  readonly untilMs?: number | undefined
}

const DAY = 24 * 60 * 60 * 1000
const startOfDay = (ms: number): number => { const d = new Date(ms); d.setHours(0, 0, 0, 0); return d.getTime() }
const words: Readonly<Record<string, number>> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10, few: 3, couple: 2 }

/** Undefined for text that names no time (then everything is shown). */
export const parseWindow = (text: string, nowMs: number): Window | undefined => {
  const t = text.toLowerCase().replace(/[?!.]/g, " ").replace(/\b(in|during|over|for|within|from|of|the|my|changes?|history)\b/g, " ").replace(/\s+/g, " ").trim()
  if (t === "" || t === "all" || t === "ever" || t === "all time") return undefined
  const today = startOfDay(nowMs)
  if (t === "today") return { label: "today", sinceMs: today }
  if (t === "yesterday") return { label: "yesterday", sinceMs: startOfDay(today - DAY / 2), untilMs: today }
  if (t === "since yesterday") return { label: "since yesterday", sinceMs: startOfDay(today - DAY / 2) }
  if (/^(last|past) (week|7 days)$|^recently$|^lately$/.test(t)) return { label: "in the last 7 days", sinceMs: nowMs - 7 * DAY }
  if (t === "this week") {
    const d = new Date(today)
    const monday = today - ((d.getDay() + 6) % 7) * DAY
    return { label: "this week", sinceMs: startOfDay(monday + DAY / 2) }
  }
  if (/^(last|past) month$/.test(t)) return { label: "in the last 30 days", sinceMs: nowMs - 30 * DAY }
  if (t === "this month") { const d = new Date(today); d.setDate(1); return { label: "this month", sinceMs: d.getTime() } }
  const m = /^(?:last|past) (\d+|a|one|two|three|four|five|six|seven|ten|few|couple)(?: of)? (day|week|hour)s?$/.exec(t)
  if (m !== null) {
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : words[m[1]!] ?? 1
    const unit = m[2] === "hour" ? DAY / 24 : m[2] === "week" ? 7 * DAY : DAY
    return { label: `in the last ${n} ${m[2]}${n === 1 ? "" : "s"}`, sinceMs: nowMs - n * unit }
  }
  return undefined
}

export const inWindow = (w: Window | undefined, ms: number): boolean =>
  w === undefined || ((w.sinceMs === undefined || ms >= w.sinceMs) && (w.untilMs === undefined || ms < w.untilMs))
