--- The triage report (logonerr.events.triage) as text, Markdown, JSON or one
-- self-contained HTML page with a chart of failures over time by code
-- (inline SVG: no script, no stylesheet from the network).
-- @module logonerr.events.report

local report = require "logonerr.report"
local FORMATS = require "logonerr.events.formats"

local error, ipairs, tostring = error, ipairs, tostring
local concat = table.concat
local floor, max, math_min, math_ceil = math.floor, math.max, math.min, math.ceil
local format, gsub = string.format, string.gsub

local _ENV = nil -- luacheck: ignore 211

local M = {}

M.FORMATS = FORMATS

local function list(t, limit)
  t = t or {}
  limit = limit or 8
  local shown = {}
  for i = 1, math_min(#t, limit) do shown[i] = tostring(t[i]) end
  local s = concat(shown, ", ")
  if #t > limit then s = s .. format(" (+%d more)", #t - limit) end
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
  return s
end

local function window_text(f)
  if f.peak == nil then return "" end
  local unit = (f.kind == "password_guessing") and "failures" or "accounts"
  return format(", at most %d %s in one window", f.peak, unit)
end

---------------------------------------------------------------- text

local function text(r)
  local o = { "Security events: " .. header(r), "" }
  local function add(s) o[#o + 1] = s end
  if #r.findings == 0 then
    add("Findings: none.")
  else
    add("Findings")
    for i, f in ipairs(r.findings) do
      add(format("%2d. %s [%s]", i, f.title, f.kind))
      add(format("    %s, %s%s", count(f.count, "event"), span(f.first, f.last), window_text(f)))
      if #f.accounts > 0 then add("    accounts: " .. list(f.accounts)) end
      if #f.sources > 0 then add("    sources:  " .. list(f.sources)) end
      if #f.codes > 0 then add("    codes:    " .. list(f.codes)) end
      add("    what to check next:")
      for _, c in ipairs(f.check) do add("    - " .. c) end
    end
  end
  add("")
  add("Failures by code")
  for _, c in ipairs(r.by_code) do
    add(format("  %6d  %-12s %s%s", c.count, c.hex or "", c.name,
               c.message and (": " .. c.message) or ""))
  end
  add("")
  add("Failures by account")
  for i, a in ipairs(r.by_account) do
    if i > 20 then add(format("  ... %d more", #r.by_account - 20)); break end
    add(format("  %6d  %s (%s)%s", a.failures, a.account, list(a.codes, 3),
               a.lockouts > 0 and ", " .. count(a.lockouts, "lockout") or ""))
  end
  add("")
  add("Failures by source")
  for i, s in ipairs(r.by_source) do
    if i > 20 then add(format("  ... %d more", #r.by_source - 20)); break end
    add(format("  %6d  %s (%d account%s)", s.failures, s.source, s.accounts,
               s.accounts == 1 and "" or "s"))
  end
  if #r.by_logon_type > 0 then
    add("")
    add("Failures by logon type")
    for _, t in ipairs(r.by_logon_type) do
      add(format("  %6d  %d %s", t.count, t.logon_type, t.name or ""))
    end
  end
  add("")
  add("Events")
  for _, e in ipairs(r.by_event) do
    add(format("  %6d  %s%s", e.count, tostring(e.id), e.what and ("  " .. e.what) or ""))
  end
  return concat(o, "\n") .. "\n"
end

---------------------------------------------------------------- markdown

local function md(s)
  return (gsub(tostring(s or ""), "[|\\`*_]", "\\%0"))
end

local function markdown(r)
  local o = { "# Security events", "", header(r), "", "## Findings", "" }
  local function add(s) o[#o + 1] = s end
  if #r.findings == 0 then add("None.") end
  for _, f in ipairs(r.findings) do
    add(format("### %s (`%s`)", md(f.title), f.kind))
    add("")
    add(format("%s, %s%s.", count(f.count, "event"), span(f.first, f.last), window_text(f)))
    add("")
    if #f.accounts > 0 then add("- Accounts: " .. md(list(f.accounts))) end
    if #f.sources > 0 then add("- Sources: " .. md(list(f.sources))) end
    if #f.codes > 0 then add("- Codes: " .. md(list(f.codes))) end
    add("")
    add("What to check next:")
    add("")
    for _, c in ipairs(f.check) do add("1. " .. md(c)) end
    add("")
  end
  add("## Failures by code")
  add("")
  add("| count | code | name | first | last |")
  add("|---:|---|---|---|---|")
  for _, c in ipairs(r.by_code) do
    add(format("| %d | `%s` | %s | %s | %s |", c.count, c.hex or "", md(c.name),
               c.first or "", c.last or ""))
  end
  add("")
  add("## Failures by account")
  add("")
  add("| failures | account | codes | lockouts |")
  add("|---:|---|---|---:|")
  for _, a in ipairs(r.by_account) do
    add(format("| %d | %s | %s | %d |", a.failures, md(a.account), md(list(a.codes, 3)),
               a.lockouts))
  end
  add("")
  add("## Failures by source")
  add("")
  add("| failures | source | accounts |")
  add("|---:|---|---:|")
  for _, s in ipairs(r.by_source) do
    add(format("| %d | %s | %d |", s.failures, md(s.source), s.accounts))
  end
  add("")
  add("## Events")
  add("")
  add("| count | event | meaning |")
  add("|---:|---|---|")
  for _, e in ipairs(r.by_event) do
    add(format("| %d | %s | %s |", e.count, tostring(e.id), md(e.what)))
  end
  return concat(o, "\n") .. "\n"
end

---------------------------------------------------------------- html

local function esc(s)
  return (gsub(tostring(s == nil and "" or s), "[&<>\"']", {
    ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&#39;" }))
end

-- Colour-blind-safe colours (Okabe and Ito), then greys.
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

-- Failures over time by code: stacked bars, one per timeline bucket.
local function chart(t)
  local rows, codes = t.rows, t.codes
  if #rows == 0 then return "<p>No failures to chart.</p>" end
  local W, H, left, bottom, top = 760, 260, 48, 40, 10
  local most = 1
  for _, row in ipairs(rows) do most = max(most, row.total) end
  local bw = (W - left - 10) / #rows
  local o = { format('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" ' ..
    'viewBox="0 0 %d %d" role="img" aria-label="Failures over time by code">', W, H, W, H) }
  local plot = H - bottom - top
  o[#o + 1] = format('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#444"/>',
                     left, H - bottom, W - 10, H - bottom)
  o[#o + 1] = format('<text x="%d" y="%d" font-size="11" text-anchor="end">%d</text>',
                     left - 4, top + 10, most)
  o[#o + 1] = format('<text x="%d" y="%d" font-size="11" text-anchor="end">0</text>',
                     left - 4, H - bottom)
  local colour = {}
  for i, c in ipairs(codes) do colour[c] = COLOURS[(i - 1) % #COLOURS + 1] end
  for i, row in ipairs(rows) do
    local x, y = left + (i - 1) * bw, H - bottom
    for _, c in ipairs(codes) do
      local n = row.counts[c]
      if n then
        local h = n / most * plot
        y = y - h
        o[#o + 1] = format('<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" ' ..
          'fill="%s"><title>%s %s: %d</title></rect>', x + 1, y, max(bw - 2, 1), h,
          colour[c], esc(row.time), esc(c), n)
      end
    end
  end
  -- Labels at least 110 px apart; within a day, the time alone, and the
  -- day once under the axis.
  local short = t.bucket < 86400
  local step = max(1, math_ceil(110 / bw))
  for i = 1, #rows, step do
    local label = rows[i].time
    if short then label = label:sub(12, t.bucket < 60 and 19 or 16) end
    o[#o + 1] = format('<text x="%.1f" y="%d" font-size="10">%s</text>',
                       left + (i - 1) * bw, H - bottom + 14, esc(label))
  end
  o[#o + 1] = format('<text x="%d" y="%d" font-size="11">%s</text>', left, H - 8,
                     esc(format("UTC%s, one bar per %s", short and (", " ..
                     rows[1].time:sub(1, 10)) or "", duration(t.bucket))))
  o[#o + 1] = "</svg>"
  local legend = { '<p class="legend">' }
  for _, c in ipairs(codes) do
    legend[#legend + 1] = format('<span><i style="background:%s"></i>%s</span> ',
                                 colour[c], esc(c))
  end
  legend[#legend + 1] = "</p>"
  return concat(o, "\n") .. concat(legend)
end

local function table_html(head, rows)
  local o = { "<table><thead><tr>" }
  for _, h in ipairs(head) do o[#o + 1] = "<th>" .. esc(h) .. "</th>" end
  o[#o + 1] = "</tr></thead><tbody>"
  for _, row in ipairs(rows) do
    o[#o + 1] = "<tr>"
    for _, v in ipairs(row) do o[#o + 1] = "<td>" .. esc(v) .. "</td>" end
    o[#o + 1] = "</tr>"
  end
  o[#o + 1] = "</tbody></table>"
  return concat(o)
end

local STYLE = [[
body{font-family:system-ui,sans-serif;margin:2em;max-width:60em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.5em}
table{border-collapse:collapse;margin:.5em 0}
td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}
.finding{border-left:4px solid #D55E00;padding:.2em 1em;margin:1em 0;background:#fdf6f2}
.legend span{margin-right:1em;font-size:.9em}
.legend i{display:inline-block;width:.8em;height:.8em;margin-right:.3em}
]]

local function html(r)
  local o = { "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
    "<title>logonerr: Security events</title>", "<style>" .. STYLE .. "</style>",
    "</head><body>", "<h1>Security events</h1>", "<p>" .. esc(header(r)) .. "</p>",
    "<h2>Findings</h2>" }
  local function add(s) o[#o + 1] = s end
  if #r.findings == 0 then add("<p>None.</p>") end
  for _, f in ipairs(r.findings) do
    add('<div class="finding"><h3>' .. esc(f.title) .. " <code>" .. esc(f.kind) ..
        "</code></h3>")
    add("<p>" .. esc(format("%s, %s%s.", count(f.count, "event"), span(f.first, f.last),
                            window_text(f))) .. "</p><ul>")
    if #f.accounts > 0 then add("<li>Accounts: " .. esc(list(f.accounts, 20)) .. "</li>") end
    if #f.sources > 0 then add("<li>Sources: " .. esc(list(f.sources, 20)) .. "</li>") end
    if #f.codes > 0 then add("<li>Codes: " .. esc(list(f.codes)) .. "</li>") end
    add("</ul><p>What to check next:</p><ol>")
    for _, c in ipairs(f.check) do add("<li>" .. esc(c) .. "</li>") end
    add("</ol></div>")
  end
  add("<h2>Failures over time by code</h2>")
  add(chart(r.timeline))
  local rows = {}
  for i, c in ipairs(r.by_code) do
    rows[i] = { c.count, c.hex or "", c.name, c.message or "", c.first or "", c.last or "" }
  end
  add("<h2>Failures by code</h2>")
  add(table_html({ "count", "code", "name", "message", "first", "last" }, rows))
  rows = {}
  for i, a in ipairs(r.by_account) do
    rows[i] = { a.failures, a.account, list(a.codes, 3), list(a.sources, 3), a.lockouts }
  end
  add("<h2>Failures by account</h2>")
  add(table_html({ "failures", "account", "codes", "sources", "lockouts" }, rows))
  rows = {}
  for i, s in ipairs(r.by_source) do rows[i] = { s.failures, s.source, s.accounts } end
  add("<h2>Failures by source</h2>")
  add(table_html({ "failures", "source", "accounts" }, rows))
  rows = {}
  for i, t in ipairs(r.by_logon_type) do rows[i] = { t.count, t.logon_type, t.name or "" } end
  add("<h2>Failures by logon type</h2>")
  add(table_html({ "count", "logon type", "name" }, rows))
  rows = {}
  for i, e in ipairs(r.by_event) do rows[i] = { e.count, e.id, e.what or "" } end
  add("<h2>Events</h2>")
  add(table_html({ "count", "event", "meaning" }, rows))
  add("</body></html>")
  return concat(o, "\n") .. "\n"
end

--- The report r in format ("text", "markdown", "json" or "html").
function M.render(r, fmt)
  fmt = fmt or "text"
  if fmt == "text" then return text(r) end
  if fmt == "markdown" then return markdown(r) end
  if fmt == "json" then return report.json(r) .. "\n" end
  if fmt == "html" then return html(r) end
  error("bad argument #2 to 'render' (unknown format '" .. tostring(fmt) ..
        "': expected text, markdown, json or html)", 2)
end

return M
