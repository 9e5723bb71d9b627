--- Logic-less templates for reports.
-- `{{field}}` inserts a value (a missing field renders empty), `{{a.b}}`
-- reaches into tables, `{{#list}}...{{/list}}` repeats for each item with
-- `{{.}}` as the item (or renders once for a non-list true value),
-- `{{^field}}...{{/field}}` renders when the field is missing, false or
-- empty, and `{{! ...}}` is a comment.  A section tag alone on its line
-- takes the line with it.  Templates are data: they are parsed into a tree
-- and walked, never compiled into Lua code.
-- @module logonerr.template

local error, getmetatable, ipairs, pairs, setmetatable, tonumber, tostring,
      type = error, getmetatable, ipairs, pairs, setmetatable, tonumber,
      tostring, type
local concat, floor = table.concat, math.floor

local _ENV = nil -- luacheck: ignore 211

local M = {}

-- Lua 5.2 and later honour __pairs and __len; 5.1 and LuaJIT do not.
local HONOURS_PAIRS =
  #setmetatable({}, { __len = function() return 1 end }) == 1

--- Sections may nest this deep.
M.MAX_DEPTH = 100
--- Rendering stops with an error past this many bytes of output.
M.MAX_SIZE = 16 * 1024 * 1024

local function where(tpl, i)
  local line, last = 1, 0
  local p = tpl:find("\n", 1, true)
  while p and p < i do
    line, last = line + 1, p
    p = tpl:find("\n", p + 1, true)
  end
  return line, i - last
end

local function fail(tpl, name, i, msg)
  local line, col = where(tpl, i)
  error(("%s:%d:%d: %s"):format(name or "template", line, col, msg), 0)
end

local NAME = "^[%a_][%w_]*$"

local function split_path(tpl, name, at, path)
  if path == "." then return { "." } end
  local parts = {}
  for part in (path .. "."):gmatch("([^.]*)%.") do
    if #parts > 0 and part:match("^%d+$") then
      part = tonumber(part) -- list.1: the first item of a list
    elseif not part:match(NAME) then
      fail(tpl, name, at, ("bad field name '%s'"):format(path))
    end
    parts[#parts + 1] = part
  end
  return parts
end

-- Is the tag at [s, e] alone on its line?  Returns where the line starts
-- and where the next one begins.
local function standalone(tpl, s, e)
  local ls = s
  while ls > 1 and tpl:sub(ls - 1, ls - 1):match("[ \t]") do ls = ls - 1 end
  if ls > 1 and tpl:sub(ls - 1, ls - 1) ~= "\n" then return nil end
  local le = e + 1
  while tpl:sub(le, le):match("^[ \t]$") do le = le + 1 end
  local c = tpl:sub(le, le)
  if c == "\n" then return ls, le + 1 end
  if c == "\r" and tpl:sub(le + 1, le + 1) == "\n" then return ls, le + 2 end
  if c == "" then return ls, le end
  return nil
end

--- Parse a template into a tree; raises "name:line:col: reason" when
-- malformed.
function M.parse(tpl, name)
  local root = {}
  local open = { { children = root } }
  local i, n = 1, #tpl
  while i <= n do
    local s = tpl:find("{{", i, true)
    if s == nil then
      root = open[#open].children
      root[#root + 1] = tpl:sub(i)
      break
    end
    local e = tpl:find("}}", s + 2, true)
    if e == nil then fail(tpl, name, s, "'{{' is never closed by '}}'") end
    e = e + 1
    local body = tpl:sub(s + 2, e - 2)
    local kind, rest = body:match("^%s*([#^/!]?)%s*(.-)%s*$")
    if kind == nil or (kind == "" and not rest:match("^[%a_.]")) then
      fail(tpl, name, s, ("unknown kind of tag '{{%s}}'"):format(body))
    end
    local text_end, next_i = s - 1, e + 1
    if kind ~= "" then
      local ls, nl = standalone(tpl, s, e)
      if ls then text_end, next_i = ls - 1, nl end
    end
    local children = open[#open].children
    if text_end >= i then children[#children + 1] = tpl:sub(i, text_end) end
    if kind == "" then
      children[#children + 1] = { path = split_path(tpl, name, s, rest) }
    elseif kind == "#" or kind == "^" then
      if #open > M.MAX_DEPTH then
        fail(tpl, name, s, ("sections nested deeper than %d"):format(M.MAX_DEPTH))
      end
      local node = { section = kind, path = split_path(tpl, name, s, rest),
                     children = {} }
      children[#children + 1] = node
      open[#open + 1] = { children = node.children, name = rest, at = s }
    elseif kind == "/" then
      local top = open[#open]
      if top.name == nil then
        fail(tpl, name, s, ("'{{/%s}}' closes a section that was never opened")
                          :format(rest))
      end
      if top.name ~= rest then
        local l, c = where(tpl, top.at)
        fail(tpl, name, s, ("'{{/%s}}' does not close '%s' opened at line %d, column %d")
                          :format(rest, top.name, l, c))
      end
      open[#open] = nil
    end -- "!" is a comment
    i = next_i
  end
  if #open > 1 then
    local top = open[#open]
    fail(tpl, name, top.at, ("section '%s' is never closed"):format(top.name))
  end
  return open[1].children
end

local function has_tostring(v)
  local mt = getmetatable(v)
  return type(mt) == "table" and mt.__tostring ~= nil
end

local function is_list(v)
  return type(v) == "table" and v[1] ~= nil
end

local function is_empty(v)
  if v == nil or v == false or v == "" then return true end
  if type(v) == "table" and v[1] == nil then
    local step, state, first = pairs(v) -- honours __pairs (read-only views)
    if step(state, first) ~= nil then return false end
    -- Lua 5.1 has no __pairs: there a read-only view (a catalogue entry)
    -- looks empty to pairs, but is not.
    return HONOURS_PAIRS or getmetatable(v) == nil
  end
  return false
end

local function text_of(v)
  local t = type(v)
  if t == "string" then return v end
  if t == "number" then
    if v == floor(v) and v >= -2^53 and v <= 2^53 then
      return ("%d"):format(v)
    end
    return tostring(v)
  end
  if t == "boolean" then return v and "true" or "" end
  if t == "table" then
    if has_tostring(v) then return tostring(v) end
    if is_list(v) then
      local parts = {}
      for k, item in ipairs(v) do parts[k] = text_of(item) end
      return concat(parts, ", ")
    end
  end
  return ""
end

local function resolve(stack, path)
  if path[1] == "." then return stack[#stack] end
  local v
  for k = #stack, 1, -1 do
    local ctx = stack[k]
    if type(ctx) == "table" then
      v = ctx[path[1]]
      if v ~= nil then break end
    end
  end
  for k = 2, #path do
    if type(v) ~= "table" then return nil end
    v = v[path[k]]
  end
  return v
end

local Render = {}
Render.__index = Render

function Render:put(s)
  self.size = self.size + #s
  if self.size > self.max then
    error(("template output exceeds %d bytes"):format(self.max), 0)
  end
  self.out[#self.out + 1] = s
end

function Render:walk(nodes, stack)
  for _, node in ipairs(nodes) do
    if type(node) == "string" then
      self:put(node)
    elseif node.section == nil then
      local v = resolve(stack, node.path)
      self:put(self.escape(text_of(v)))
    else
      local v = resolve(stack, node.path)
      if node.section == "^" then
        if is_empty(v) then self:walk(node.children, stack) end
      elseif not is_empty(v) then
        if is_list(v) then
          for _, item in ipairs(v) do
            stack[#stack + 1] = item
            self:walk(node.children, stack)
            stack[#stack] = nil
          end
        else
          stack[#stack + 1] = v
          self:walk(node.children, stack)
          stack[#stack] = nil
        end
      end
    end
  end
end

local function identity(s) return s end

--- Render a template (text or a tree from parse) with data.
-- opts: escape (function applied to inserted values), max_size, name.
function M.render(tpl, data, opts)
  opts = opts or {}
  local tree = tpl
  if type(tpl) == "string" then tree = M.parse(tpl, opts.name)
  elseif type(tpl) ~= "table" then
    error(("bad argument #1 to 'render' (string expected, got %s)")
          :format(type(tpl)), 2)
  end
  local r = setmetatable({ out = {}, size = 0, max = opts.max_size or M.MAX_SIZE,
                           escape = opts.escape or identity }, Render)
  r:walk(tree, { data })
  return concat(r.out)
end

return M
