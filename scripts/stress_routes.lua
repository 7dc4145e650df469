-- wrk script of scripts/stress.sh: each connection walks through the read routes of the API in
-- turn, registry and narcotics alike, with a few query variants so that not every answer comes
-- from the server's answer cache (which imports empty anyway, docs/api/README.md "Freshness").
local paths = {
  "/api/v1/relations?page_size=50",
  "/api/v1/relations?page=2&page_size=20",
  "/api/v1/countries/TUR",
  "/api/v1/countries/KAZ",
  "/api/v1/summary",
  "/api/v1/coverage",
  "/api/v1/timeline",
  "/api/v1/trade?partner=CHN",
  "/api/v1/organizations",
  "/api/v1/narcotics/hotspots",
  "/api/v1/narcotics/hotspots?weight=count&top=5",
  "/api/v1/narcotics/trends?by=drug",
  "/api/v1/narcotics/trends?by=region",
  "/api/v1/narcotics/routes",
  "/api/v1/narcotics/routes?top=3",
  "/api/v1/narcotics/seizures?page_size=50",
  "/api/v1/narcotics/stats",
}

local next_path = 0

function setup(thread)
  -- Threads start at different places in the list.
  thread:set("start", math.random(#paths))
end

function init(args)
  next_path = start or 0
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end
