--- One escaper per report format, shared by the catalogue's reports and
-- the events reports.  Whatever a log wrote (account and host names, sample
-- lines) is inserted through them, so it shows as the text it is and never
-- becomes markup: no HTML, no link, no table cell or line of its own.
-- @module logonerr.escape

local byte, find, format, gsub, lower, string_match, sub = string.byte, string.find,
      string.format, string.gsub, string.lower, string.match, string.sub
local concat = table.concat
local tostring = tostring

local _ENV = nil -- luacheck: ignore 211

local M = {}

-- Control characters (a newline, a terminal's escape sequences) as \xNN.
local function controls(s)
  return (gsub(s, "%c", function(c) return format("\\x%02X", byte(c)) end))
end

--- Plain text: control characters shown as \xNN, so that a value stays on
-- its line and cannot drive a terminal.
function M.text(s)
  return controls(tostring(s))
end

--- A value a log wrote, named in a message (a skipped record's time or
-- ID): its first max bytes (60 by default), then "..." when there is more;
-- each byte but printable ASCII as \xNN (what is not text shows as the
-- bytes it is, and UTF-8's C1 controls drive some terminals too).
function M.excerpt(s, max)
  s = tostring(s)
  max = max or 60
  local cut = #s > max
  if cut then s = sub(s, 1, max) end
  s = gsub(s, "[^\32-\126]", function(c) return format("\\x%02X", byte(c)) end)
  return cut and s .. "..." or s
end

-- Markdown outside code spans: ASCII punctuation that starts markup is
-- backslash-escaped (CommonMark lets any of it be); an underscore only where
-- it could start or end emphasis (not between two letters or digits, so
-- STATUS_WRONG_PASSWORD reads as it is); the "://" of a URL and the "www."
-- of a host, which GFM would turn into links.
local function md_plain(s)
  s = gsub(s, "[\\`*%[%]<>|~!&#]", "\\%0")
  s = gsub(s, "()_()", function(a, b)
    local before, after = sub(s, a - 1, a - 1), sub(s, b, b)
    if a > 1 and find(before, "^%w$") and find(after, "^%w$") then return "_" end
    return "\\_"
  end)
  s = gsub(s, "://", "\\://")
  s = gsub(s, "()([wW][wW][wW])%.", function(at, w)
    if at > 1 and find(sub(s, at - 1, at - 1), "^[%w.]$") then return w .. "." end
    return w .. "\\."
  end)
  return s
end

--- Markdown: text outside code spans escaped (md_plain); a code span
-- (a backtick run closed by one as long) is kept, its content literal, with
-- only | escaped so that it stays in its table cell; a backtick without its
-- partner is escaped.  Control characters as \xNN.
function M.markdown(s)
  s = controls(tostring(s))
  local out, i, n = {}, 1, #s
  while i <= n do
    local a, b = find(s, "`+", i)
    if a == nil then out[#out + 1] = md_plain(sub(s, i)); break end
    out[#out + 1] = md_plain(sub(s, i, a - 1))
    local run = sub(s, a, b)
    -- the closing run: exactly as many backticks
    local c, d = b, nil
    repeat
      local x, y = find(s, "`+", c + 1)
      if x == nil then c = nil; break end
      if y - x + 1 == #run then c, d = x, y; break end
      c = y
    until false
    if c then
      out[#out + 1] = run .. gsub(sub(s, b + 1, c - 1), "|", "\\|") .. sub(s, c, d)
      i = d + 1
    else
      out[#out + 1] = gsub(run, "`", "\\`")
      i = b + 1
    end
  end
  return concat(out)
end

local HTML = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;",
               ["'"] = "&#39;" }

--- HTML text and attribute values: & < > " ' as entities.
function M.html(s)
  return (gsub(tostring(s), "[&<>\"']", HTML))
end

--- The escaper of a format name ("text", "markdown", "html"), or nil.
function M.of(fmt)
  if fmt == "text" or fmt == "markdown" or fmt == "html" then return M[fmt] end
  return nil
end

local BY_EXTENSION = { html = "html", htm = "html", md = "markdown", markdown = "markdown" }

--- The escaper for a template file, by its name's extension (case aside):
-- .html and .htm give html, .md and .markdown give markdown, any other
-- name text.  So what a log wrote stays text in a template of one's own.
function M.of_file(path)
  local ext = path and string_match(tostring(path), "%.([%w]+)$")
  return M[BY_EXTENSION[ext and lower(ext)] or "text"]
end


return M
