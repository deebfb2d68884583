-- wrk script for the baseline: the same percentiles line as checkin-put.lua.
function done(summary, latency, requests)
  io.write(string.format("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f; %.0f requests/s\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6)))
end
