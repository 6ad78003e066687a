/** How a download's progress reads: a bar with the share and sizes, or the size alone when the total is unknown. Pure. */
const mb = (n: number) => (n / 1e6).toFixed(1)

export const downloadBar = (received: number, total: number | null, width = 24): string => {
  if (total === null || total <= 0) return `${mb(received)} MB`
  const share = Math.min(1, received / total)
  const filled = Math.round(share * width)
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${mb(received)} of ${mb(total)} MB`
}

/** Which tenth (or, for JSON events, twentieth) of a download this is: report a step once. */
export const downloadStep = (received: number, total: number | null, steps: number): number =>
  total === null || total <= 0 ? Math.floor(received / 5e6) : Math.floor((Math.min(1, received / total)) * steps)
