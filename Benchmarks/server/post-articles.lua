-- wrk script: POST /api/articles with a new invented article on every request (one Lua state: run wrk with -t1).
-- Every fourth article starts a new made-up event, so stories grow to four articles and the collection keeps
-- growing; words are built from syllables, so events share no content word.
local syllables = {"ka", "lo", "mi", "ne", "pu", "ra", "si", "tu", "ve", "zo"}
local counter = tonumber(os.getenv("BENCH_START") or "0")

local function word(n)
  return syllables[n % 10 + 1] .. syllables[math.floor(n / 10) % 10 + 1] .. syllables[math.floor(n / 100) % 10 + 1]
    .. syllables[math.floor(n / 1000) % 10 + 1] .. syllables[math.floor(n / 10000) % 10 + 1] .. "n"
end

local function name(n)
  local w = word(n)
  return w:sub(1, 1):upper() .. w:sub(2)
end

request = function()
  counter = counter + 1
  local event = math.floor(counter / 4)
  local n = event * 8
  local text = string.format(
    "The %s bridge in %s opened on Monday after %d years of work, said mayor %s %s. "
      .. "It carries the %s line to %s and cost %d million. Reporter note %d: %s %s.",
    word(n + 1), name(n + 2), event % 9 + 2, name(n + 3), name(n + 4), word(n + 5), name(n + 6), event % 50 + 10,
    counter, word(counter * 3 + 7), word(counter * 5 + 11))
  local body = string.format('{"id": "bench-%d", "title": "%s %s opens in %s", "outlet": "Outlet %d", "text": "%s"}',
    counter, name(n + 1), name(n + 5), name(n + 2), counter % 4, text)
  return wrk.format("POST", "/api/articles", {["Content-Type"] = "application/json"}, body)
end
