--- The triage report (logonerr.events.triage) as text, Markdown, JSON or
-- one self-contained HTML page with a chart of failures over time by code
-- (inline SVG: no script, no stylesheet from the network).  The report is
-- a view of the triage rendered through templates (logonerr.events.
-- templates, or one's own), each value through its format's escaper.
-- @module logonerr.events.report

local report = require "logonerr.report"
local template = require "logonerr.template"
local escape = require "logonerr.escape"
local templates = require "logonerr.events.templates"
local FORMATS = require "logonerr.events.formats"
local rules = require "logonerr.events.rules"

local error, ipairs, tonumber, tostring, type = error, ipairs, tonumber, tostring, type
local concat = table.concat
local floor, max, math_min, math_ceil = math.floor, math.max, math.min, math.ceil
local format, sub, upper = string.format, string.sub, string.upper

local _ENV = nil -- luacheck: ignore 211

local M = {}

M.FORMATS = FORMATS

-- A list as "a, b, c (+N more)"; nil when it is empty.  total: how many
-- there are, where the list holds only the first of them.
local function list(t, limit, total)
  t = t or {}
  if #t == 0 then return nil end
  limit = limit or 8
  local shown = {}
  for i = 1, math_min(#t, limit) do shown[i] = tostring(t[i]) end
  local s = concat(shown, ", ")
  local n = total or #t
  if n > limit then s = s .. format(" (+%d more)", n - limit) end
  return s
end

local function span(a, b)
  if a == nil then return "" end
  if a == b then return a end
  return a .. " to " .. b
end

-- "1 event", "2 events".
local function count(n, word)
  return format("%d %s%s", n, word, n == 1 and "" or "s")
end

local function header(r)
  local s = format("%s read, %s, %d skipped", count(r.events, "event"),
                   count(r.failures, "failure"), r.skipped)
  if r.first then s = s .. " (" .. span(r.first, r.last) .. ")" end
  if r.filtered and r.filtered > 0 then
    s = s .. format("; %d more filtered out by --since, --until, --account or --source",
                    r.filtered)
  end
  -- (what the network's own public blocks left out of public_source,
  -- which is made from every record, whatever the filters keep)
  if r.internal then
    s = s .. format("; the network's own blocks (%s): %s from them%s not taken for the " ..
                    "internet", concat(r.internal.blocks, ", "),
                    count(r.internal.attempts, "attempt"), r.filtered and " in the whole log" or "")
  end
  return s
end

-- The names of platforms (rules.PLATFORMS), joined.
local function named(platforms)
  local names = {}
  for i, p in ipairs(platforms) do names[i] = rules.PLATFORMS[p] or p end
  return concat(names, "; ")
end

-- What a log of another platform than Windows is read as: its records
-- are counted as the Windows events that tell the same, the advice is its
-- own (nil for Windows).
local function platform_note(r)
  if r.platform == "mixed" then
    return "Read as: logs of several platforms (" .. named(r.platforms or {}) .. "). Records " ..
           "that are not Windows' are counted as the Windows events that tell the same; " ..
           "each finding's advice is for the platform of its records (each one's, where " ..
           "they are of several)."
  end
  local name = r.platform and r.platform ~= "windows" and rules.PLATFORMS[r.platform]
  if not name then return nil end
  return "Read as: " .. name .. ". Its records are counted as the Windows events that " ..
         "tell the same (the IDs under Events); the advice is for that platform."
end

-- Why the finding reads as it does: "attacker (...)".
local function reading(f)
  if f.reading == nil then return nil end
  local r = f.reading == "attacker" and "attacker" or "stale credential"
  return f.why and (r .. " (" .. f.why .. ")") or r
end

-- What a finding adds to its counts: the successes, the services, the
-- process or processes, their sessions and process IDs, the log's gaps,
-- a spray's tries at names unknown or refused, the names that exist but
-- were refused, the accounts disabled by design.  A list of {label, text}.
local function details(f, mixed)
  local d = {}
  -- (in a report of several platforms' logs, whose records a finding holds)
  if mixed then
    d[#d + 1] = { label = "read as", text = named(f.platforms or { f.platform }) }
  end
  if f.successes then
    local t = {}
    for i, x in ipairs(f.successes) do
      local n, own = x.failures or 0, x.own_failures
      -- (a spray's hit: the failures were the source's, for other accounts)
      if own == nil or own >= n then
        t[i] = format("%s at %s after %d failures", x.identity, x.time or "?", n)
      elseif own == 0 then
        t[i] = format("%s at %s after %d failures from its source for other accounts and none " ..
                      "for this one", x.identity, x.time or "?", n)
      else
        t[i] = format("%s at %s after %d failures from its source (%d of them for this account)",
                      x.identity, x.time or "?", n, own)
      end
    end
    d[#d + 1] = { label = "succeeded", text = list(t, 10) }
  end
  if f.logged_on then -- (public_source: the logons that worked from outside)
    local t = {}
    for i, w in ipairs(f.logged_on) do
      local last = w.last or w.first
      local when = w.first and (w.first == last and w.first or w.first .. " to " .. last)
      t[i] = format("%s from %s: %d%s", w.identity, w.source, w.count,
                    when and " (" .. when .. ")" or "")
    end
    d[#d + 1] = { label = "logged on", text = list(t, 10) }
  end
  if f.logged_on_later then -- (a spray: its accounts' logons from its source after it)
    local t = {}
    for i, w in ipairs(f.logged_on_later) do t[i] = format("%s at %s", w.identity, w.time) end
    d[#d + 1] = { label = "logged on later", text = list(t, 10) }
  end
  if f.services and #f.services > 0 then
    d[#d + 1] = { label = "services", text = list(f.services, 20) }
  end
  if f.refused_services then -- (a roasting burst's services refused for RC4: 0xE)
    d[#d + 1] = { label = "refused (0xE)", text = list(f.refused_services, 20) }
  end
  if f.targets then -- (4648: the hosts the credentials were given for)
    d[#d + 1] = { label = "given for", text = list(f.targets, 20) }
  end
  if f.process then d[#d + 1] = { label = "process", text = f.process } end
  if f.processes then d[#d + 1] = { label = "processes", text = list(f.processes, 20) } end
  if f.sessions then
    local t = {}
    for i, x in ipairs(f.sessions) do
      t[i] = format("%s (logon ID %s%s)", x.account, x.logon_id,
                    x.shared and ", " .. x.shared .. "'s, which its services and tasks share" or "")
    end
    d[#d + 1] = { label = "sessions", text = list(t, 20) }
  end
  if f.process_ids then -- (hex as the records write it; tasklist takes decimal)
    local t = {}
    for i, x in ipairs(f.process_ids) do
      local n = tonumber(sub(x, 3), 16)
      t[i] = n and format("%s (%d)", x, n) or x
    end
    d[#d + 1] = { label = "process IDs", text = list(t, 20) }
  end
  if f.gaps then
    local t = {}
    for i, g in ipairs(f.gaps) do
      t[i] = format("%d %s: %d", g.id, g.what, g.count)
      -- (where the first is: its time, record number and computer)
      if g.first then
        t[i] = t[i] .. format(" (first %s%s%s%s)", g.first,
                              g.record and format(", record %d", g.record) or "",
                              g.computer and " on " .. tostring(g.computer) or "",
                              -- (who did it, where the event says: a session to follow)
                              g.account and format(", by %s%s", g.account, g.logon_id and
                                                   " logon ID " .. g.logon_id or "") or "")
      end
    end
    d[#d + 1] = { label = "events", text = list(t, 10) }
  end
  if f.probed then -- (a spray's tries at names unknown or refused)
    d[#d + 1] = { label = "unknown or refused", text = format("%d of the %d tries", f.probed,
                                                               f.count) }
  end
  if f.refused then
    d[#d + 1] = { label = "exist, refused (0x12)", text = list(f.refused, 20) }
  end
  if f.disabled_by_design and #f.disabled_by_design > 0 then
    local names = {}
    for i, x in ipairs(f.disabled_by_design) do names[i] = x.account end
    d[#d + 1] = { label = "disabled by design", text = list(names, 20) }
  end
  return d
end

local function window_text(f)
  if f.peak == nil then return "" end
  local unit = (f.kind == "password_guessing" or f.kind == "unnamed_failures") and "failures" or
               f.kind == "kerberoasting" and "services" or "accounts"
  return format(", at most %d %s in one window", f.peak, unit)
end

-- Colour-blind-safe colours (Okabe and Ito).
local COLOURS = { "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7",
                  "#56B4E9", "#F0E442", "#000000" }

local UNITS = { { 86400, "day" }, { 3600, "hour" }, { 60, "minute" }, { 1, "second" } }

local function duration(secs)
  for _, u in ipairs(UNITS) do
    if secs % u[1] == 0 then
      local n = floor(secs / u[1])
      return n == 1 and u[2] or format("%d %ss", n, u[2])
    end
  end
end

-- Failures over time by code: stacked bars, one per timeline bucket, as
-- numbers for the template to draw; nil when there is nothing to chart.
local function chart(t)
  local rows, codes = t.rows, t.codes
  if #rows == 0 then return nil end
  local W, H, left, bottom, top = 760, 260, 48, 40, 10
  local most = 1
  for _, row in ipairs(rows) do most = max(most, row.total) end
  local bw = (W - left - 10) / #rows
  local plot = H - bottom - top
  local c = { width = W, height = H, left = left, right = W - 10, axis = H - bottom,
              tick_x = left - 4, top_y = top + 10, most = most, note_y = H - 8,
              bars = {}, labels = {}, legend = {} }
  local colour, shown, seen = {}, {}, {}
  for _, code in ipairs(codes) do seen[code.name] = (seen[code.name] or 0) + 1 end
  for i, code in ipairs(codes) do
    colour[code.key] = COLOURS[(i - 1) % #COLOURS + 1]
    -- a name two codes share is told apart by its namespace
    shown[code.key] = seen[code.name] > 1 and code.namespace and
                      (code.name .. " (" .. code.namespace .. ")") or code.name
    c.legend[i] = { colour = colour[code.key], code = shown[code.key] }
  end
  for i, row in ipairs(rows) do
    local x, y = left + (i - 1) * bw, H - bottom
    for _, code in ipairs(codes) do
      local n = row.counts[code.key]
      if n then
        local h = n / most * plot
        y = y - h
        c.bars[#c.bars + 1] = { x = format("%.1f", x + 1), y = format("%.1f", y),
          w = format("%.1f", max(bw - 2, 1)), h = format("%.1f", h),
          colour = colour[code.key], time = row.time, code = shown[code.key], n = n }
      end
    end
  end
  -- Labels at least 110 px apart; within a day, the time alone, and the
  -- day once under the axis; across days, the day too.
  local short = sub(rows[1].time, 1, 10) == sub(rows[#rows].time, 1, 10)
  local step = max(1, math_ceil(110 / bw))
  for i = 1, #rows, step do
    local label = rows[i].time
    if short then
      label = sub(label, 12, t.bucket < 60 and 19 or 16)
    elseif t.bucket < 86400 then
      label = sub(label, 6, 10) .. " " .. sub(label, 12, 16)
    else
      label = sub(label, 1, 10)
    end
    c.labels[#c.labels + 1] = { x = format("%.1f", left + (i - 1) * bw),
                                y = H - bottom + 14, text = label }
  end
  c.note = format("UTC, %s%s, one bar per %s", short and "" or "from ",
                  sub(rows[1].time, 1, 10), duration(t.bucket))
  return c
end

-- The first n items of a list, and how many more there are (nil for none).
local function top(t, n)
  local shown = {}
  for i = 1, math_min(#t, n) do shown[i] = t[i] end
  return shown, #t > n and #t - n or nil
end

--- The view of a triage report that the templates see: its counts and
-- lists, with the texts and padded columns the formats show.
function M.view(r)
  local v = { header = header(r), platform = platform_note(r), events = r.events,
              failures = r.failures,
              skipped = r.skipped, first = r.first, last = r.last,
              findings = {}, by_code = {}, by_account = {}, by_source = {},
              by_logon_type = {}, by_event = {}, chart = chart(r.timeline) }
  for i, f in ipairs(r.findings) do
    v.findings[i] = { n2 = format("%2d", i), title = f.title, kind = f.kind,
      severity = f.severity, SEVERITY = upper(f.severity or ""), reading = reading(f),
      details = details(f, r.platform == "mixed"), count = f.count,
      count_text = count(f.count, "event"), first = f.first, last = f.last,
      span = f.first and span(f.first, f.last) or nil, window = window_text(f),
      accounts = list(f.accounts, 8, f.accounts_total),
      sources = list(f.sources, 8, f.sources_total), codes = list(f.codes),
      accounts20 = list(f.accounts, 20, f.accounts_total),
      sources20 = list(f.sources, 20, f.sources_total),
      check = f.check }
  end
  for i, c in ipairs(r.by_code) do
    v.by_code[i] = { count = c.count, count6 = format("%6d", c.count),
      hex = c.hex or "", hex12 = format("%-12s", c.hex or ""), name = c.name,
      namespace = c.namespace, code = c.code, message = c.message, meaning = c.meaning,
      first = c.first, last = c.last, accounts = list(c.accounts, 20) }
  end
  for i, a in ipairs(r.by_account) do
    v.by_account[i] = { failures = a.failures, failures6 = format("%6d", a.failures),
      successes = a.successes or 0, successes6 = format("%6d", a.successes or 0),
      account = a.account, identity = a.identity or a.account,
      spellings = list(a.spellings or {}, 4) or "",
      written = a.spellings and #a.spellings > 1 and list(a.spellings, 4) or nil,
      codes3 = list(a.codes, 3) or "",
      coded = a.codes and #a.codes > 0 or nil, -- (text: no "()" for none)
      sources3 = list(a.sources, 3) or "", lockouts = a.lockouts,
      lockouts_note = a.lockouts > 0 and count(a.lockouts, "lockout") or nil }
  end
  for i, s in ipairs(r.by_source) do
    local unnamed = s.unnamed_failures or 0
    local note = unnamed > 0 and count(unnamed, "failure") .. " with no account name" or nil
    local accounts = format("%d account%s", s.accounts, s.accounts == 1 and "" or "s")
    v.by_source[i] = { failures = s.failures, failures6 = format("%6d", s.failures),
      source = s.source, accounts = s.accounts, unnamed_failures = unnamed, unnamed_note = note,
      accounts_note = note and (s.accounts > 0 and accounts .. "; " .. note or note) or accounts }
  end
  v.logon_summary = {}
  for i, l in ipairs(r.logon_summary or {}) do
    v.logon_summary[i] = { identity = l.identity, how = l.how, source = l.source or "-",
      successes = l.successes, failures = l.failures, first = l.first or "",
      last = l.last or "", successes6 = format("%6d", l.successes),
      failures6 = format("%6d", l.failures), span = span(l.first, l.last) }
  end
  v.logon_summary_top, v.logon_summary_more = top(v.logon_summary, 50)
  for i, t in ipairs(r.by_logon_type) do
    v.by_logon_type[i] = { count = t.count, count6 = format("%6d", t.count),
      logon_type = t.logon_type, name = t.name or "" }
  end
  for i, e in ipairs(r.by_event) do
    v.by_event[i] = { count = e.count, count6 = format("%6d", e.count), id = e.id,
                      what = e.what }
  end
  v.by_account_top, v.by_account_more = top(v.by_account, 20)
  v.by_source_top, v.by_source_more = top(v.by_source, 20)
  return v
end

--- The report r in fmt ("text", "markdown", "json" or "html"), or through
-- a template of one's own: fmt = { template = text, name = file name },
-- its values escaped by the name's extension (escape.of_file): names from
-- a log are never markup.
function M.render(r, fmt)
  fmt = fmt or "text"
  if type(fmt) == "table" then
    return template.render(fmt.template, M.view(r),
                           { name = fmt.name, escape = escape.of_file(fmt.name) })
  end
  if fmt == "json" then return report.json(r) .. "\n" end
  local tpl = templates[fmt]
  if tpl == nil then
    error("bad argument #2 to 'render' (unknown format '" .. tostring(fmt) ..
          "': expected text, markdown, json or html)", 2)
  end
  return template.render(tpl, M.view(r), { escape = escape.of(fmt), name = fmt })
end

return M
