-- wrk script: each request PUTs the month's check-in of the next household in the list, so every
-- request creates a check-in until the list runs out (a repeat would replace one, not add one).
-- wrk ... -s checkin-put.lua URL -- MONTH TOKENS_FILE THREADS
-- TOKENS_FILE has lines "token householdId" (Mutua.Bench load-tokens).

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  month = args[1]
  local stride = tonumber(args[3])
  local all = {}
  for line in io.lines(args[2]) do
    local token, household = line:match("^(%S+) (%S+)$")
    if token then all[#all + 1] = { token, household } end
  end
  mine = {}
  for i = id + 1, #all, stride do mine[#mine + 1] = all[i] end
  sent, ok, other, wrapped = 0, 0, 0, 0
end

function request()
  sent = sent + 1
  if sent > #mine then wrapped = wrapped + 1 end
  local pair = mine[(sent - 1) % #mine + 1]
  local body = string.format(
    '{"income":[{"source":"job","amount":%d},{"source":"ownBusiness","amount":15000}],"savingsBalance":%d,"debts":0,' ..
    '"healthRating":4,"needs":["childcare","schoolCosts"],"wants":["training"],"whatsNew":"load test"}',
    40000 + sent % 1000 * 100, sent * 10)
  return wrk.format("PUT", "/api/v1/households/" .. pair[2] .. "/checkins/" .. month,
    { ["Authorization"] = "Bearer " .. pair[1], ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  else
    other = other + 1
    if other <= 3 then io.stderr:write("status " .. status .. ": " .. body .. "\n") end
  end
end

function done(summary, latency, requests)
  local acknowledged, failed, repeats = 0, 0, 0
  for _, t in ipairs(threads) do
    acknowledged = acknowledged + t:get("ok")
    failed = failed + t:get("other")
    repeats = repeats + t:get("wrapped")
  end
  io.write(string.format("acknowledged (200): %d, other statuses: %d, socket errors: %d, requests past the list: %d\n",
    acknowledged, failed, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, repeats))
  io.write(string.format("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f; %.0f requests/s\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6)))
end
