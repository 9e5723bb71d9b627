--- The shapes JSON exports give an event, each turned into a raw record
-- ({id, record, time, computer, channel, provider, data}): Winlogbeat 7/8
-- and Elastic (winlog.*), the XML as JSON (Event.System/Event.EventData,
-- as evtx_dump writes it), Get-WinEvent | ConvertTo-Json (Id with
-- Properties or Message text), and flat exports (EventID and fields at top
-- level: NXLog, OTRF / Mordor, Splunk).
-- @module logonerr.events.read.json_shapes

local json = require "logonerr.json"
local schema = require "logonerr.events.schema"
local number = require("logonerr.events.record").number

local ipairs, next, pairs, type = ipairs, next, pairs, type
local match = string.match

local _ENV = nil -- luacheck: ignore 211

local M = {}

local null = json.null

local function plain(v)
  if v == null then return nil end
  return v
end

-- A copy of t without JSON nulls or nested tables, for data.
local function data_of(t)
  local d = {}
  if type(t) == "table" then
    for k, v in pairs(t) do
      if v ~= null and type(v) ~= "table" then d[k] = v end
    end
  end
  return d
end

-- Get-WinEvent's Properties (a list of {Value = ...}) named by the
-- schema's field list of the event.
local function properties(id, props)
  local names = schema.of(number(id)).fields
  local d = {}
  for i, p in ipairs(props) do
    local v = type(p) == "table" and plain(p.Value) or plain(p)
    if type(v) ~= "table" then d[names and names[i] or i] = v end
  end
  return d
end

-- Every event's Message labels and target headings, for an event the
-- schema does not name them for.
local function all_labels()
  local labels, headings = {}, {}
  for _, ev in pairs(schema.events) do
    for field, label in pairs(ev.labels or {}) do
      if labels[label] == nil then labels[label] = field end
    end
    if ev.heading then headings[ev.heading] = true end
  end
  return labels, headings
end

-- Lines of Get-WinEvent's Message text: "Label:\tvalue", under a heading
-- ("Account For Which Logon Failed:").  The event's own labels first,
-- then those of every event; Account Name and Account Domain under a
-- target heading name the account.
local function message_fields(msg, id)
  local ev = schema.of(number(id))
  local labels, headings = all_labels()
  for field, label in pairs(ev.labels) do labels[label] = field end
  local d, target = {}, false
  for line in msg:gmatch("[^\r\n]+") do
    local label, value = match(line, "^%s*([%a ]-):%s*(.-)%s*$")
    if label and value == "" then
      target = headings[label] or false
    elseif label then
      local f = labels[label]
      if f and d[f] == nil then d[f] = value end
      if target and label == "Account Name" then d.TargetUserName = value end
      if target and label == "Account Domain" then d.TargetDomainName = value end
    end
  end
  return d
end

--- An event as JSON, in any of the shapes above, as a raw record; nil when
-- it has no event ID.
function M.record(o)
  if type(o) ~= "table" then return nil end
  local w = plain(o.winlog)
  if type(w) == "table" and plain(w.event_id) then -- Winlogbeat / Elastic
    return { id = plain(w.event_id), record = plain(w.record_id),
             time = plain(o["@timestamp"]), computer = plain(w.computer_name),
             channel = plain(w.channel), provider = plain(w.provider_name),
             data = data_of(plain(w.event_data)) }
  end
  local e = plain(o.Event)
  if type(e) == "table" and type(plain(e.System)) == "table" then -- XML as JSON
    local s = e.System
    local t = plain(s.TimeCreated)
    t = type(t) == "table" and (plain(t.SystemTime) or
        type(plain(t["#attributes"])) == "table" and plain(t["#attributes"].SystemTime)) or t
    local id = plain(s.EventID)
    if type(id) == "table" then id = plain(id["#text"]) or plain(id.text) end
    return { id = id, record = plain(s.EventRecordID), time = t,
             computer = plain(s.Computer), channel = plain(s.Channel),
             data = data_of(plain(e.EventData)) }
  end
  local id = plain(o.Id)
  if id ~= nil and (o.Properties ~= nil or o.Message ~= nil) then -- Get-WinEvent
    local props = plain(o.Properties)
    local d = type(props) == "table" and next(props) ~= nil and properties(id, props)
    if not d then
      d = type(plain(o.Message)) == "string" and message_fields(o.Message, id) or {}
    end
    local t = plain(o.TimeCreated)
    if type(t) == "table" then t = plain(t.value) or plain(t.DateTime) end
    return { id = id, record = plain(o.RecordId), time = t,
             computer = plain(o.MachineName), channel = plain(o.LogName),
             provider = plain(o.ProviderName), data = d }
  end
  id = plain(o.EventID) or plain(o.EventId) or plain(o.event_id)
  if id ~= nil then -- flat: OTRF / Mordor, NXLog, Splunk exports
    if type(id) == "table" then return nil end
    return { id = id, record = plain(o.EventRecordID) or plain(o.RecordNumber),
             time = plain(o["@timestamp"]) or plain(o.TimeCreated) or
                    plain(o.EventTime) or plain(o.SystemTime),
             computer = plain(o.Hostname) or plain(o.Computer) or plain(o.host),
             channel = plain(o.Channel), provider = plain(o.SourceName) or
                    plain(o.ProviderName), data = data_of(o) }
  end
  return nil
end

return M
