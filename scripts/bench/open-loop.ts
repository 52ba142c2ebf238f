/**
 * An open-loop load test: requests are sent at a steady rate whatever the server's answers (the
 * closed-loop test's 50 clients each wait for their answer, so a slow server is asked less). Each
 * latency is measured from the moment the request was due, not sent, so time spent queued behind
 * a slow request counts (no "coordinated omission").
 */
import { summarize, type Timing } from './stats'

export type OpenLoopResult = {
  ratePerSecond: number
  seconds: number
  sent: number
  completed: number
  errors: number
  statusCounts: Record<string, number>
  latency: Timing
  /** How far behind schedule the sender fell at worst (ms): above a few ms the client, not the server, limited the rate. */
  maxSendLagMs: number
}

export async function openLoop(
  request: () => Promise<Response>,
  { ratePerSecond, seconds }: { ratePerSecond: number; seconds: number },
): Promise<OpenLoopResult> {
  const total = ratePerSecond * seconds
  const interval = 1000 / ratePerSecond
  const latencies: number[] = []
  const statusCounts: Record<string, number> = {}
  let errors = 0
  let maxSendLagMs = 0
  const inFlight: Promise<void>[] = []
  const start = performance.now()
  const fire = (due: number) =>
    request()
      .then(async (response) => {
        await response.arrayBuffer()
        statusCounts[response.status] = (statusCounts[response.status] ?? 0) + 1
        if (response.status >= 400) errors++
      })
      .catch(() => {
        statusCounts.network = (statusCounts.network ?? 0) + 1
        errors++
      })
      .finally(() => latencies.push(performance.now() - due))
  for (let i = 0; i < total; i++) {
    const due = start + i * interval
    const wait = due - performance.now()
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait))
    maxSendLagMs = Math.max(maxSendLagMs, performance.now() - due)
    inFlight.push(fire(due))
  }
  await Promise.all(inFlight)
  return {
    ratePerSecond,
    seconds,
    sent: total,
    completed: latencies.length,
    errors,
    statusCounts,
    latency: summarize(latencies),
    maxSendLagMs: Math.round(maxSendLagMs * 10) / 10,
  }
}
