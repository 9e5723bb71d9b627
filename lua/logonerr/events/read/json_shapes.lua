--- The shapes JSON exports give an event, each turned into a raw record
-- ({id, record, time, computer, channel, provider, data}): Winlogbeat 7/8
-- and Elastic (winlog.*), Winlogbeat 6 (event_id, event_data, log_name,
-- computer_name), the XML as JSON (Event.System/Event.EventData,
-- as evtx_dump writes it), Get-WinEvent | ConvertTo-Json (Id with
-- Properties or Message text), logonerr's own `events --records` (id,
-- time, data...), and flat exports (EventID and fields at top level:
-- NXLog, OTRF / Mordor, Splunk).
-- @module logonerr.events.read.json_shapes

local json = require "logonerr.json"
local schema = require "logonerr.events.schema"
local excerpt = require("logonerr.escape").excerpt
local PLATFORMS = require("logonerr.events.rules").PLATFORMS
local number = require("logonerr.events.record").number
-- A value of an event's data, or a field of the record itself (its ID,
-- number, time, computer, channel, provider), as Windows could have
-- written it: nil for null, an object, a list, a boolean or a number past
-- a double's range, which name none.
local datum = require("logonerr.events.identity").datum
local text = require("logonerr.events.identity").text

local ipairs, next, pairs, type = ipairs, next, pairs, type
local lower, match = string.lower, string.match
local concat, sort = table.concat, table.sort

local _ENV = nil -- luacheck: ignore 211

local M = {}

local null = json.null

local function plain(v)
  if v == null then return nil end
  return v
end

-- A copy of t's data values (datum), for data.
local function data_of(t)
  local d = {}
  if type(t) == "table" then
    for k, v in pairs(t) do d[k] = datum(v) end
  end
  return d
end

-- Get-WinEvent's Properties (a list of {Value = ...}) named by the
-- schema's field list of the event.
local function properties(id, props)
  local names = schema.of(number(id)).fields
  local d = {}
  for i, p in ipairs(props) do
    d[names and names[i] or i] = datum(type(p) == "table" and p.Value or p)
  end
  return d
end

-- What the labels of Get-WinEvent's Message text hold, by the section
-- they are under.  The section that names the account the event is about
-- (the schema's heading, or any event's) reads Account Name and Domain
-- (and 4768's Supplied Realm Name) as the target; Subject's are the
-- subject's (4740's domain is there).
local TARGET = { ["Account Name"] = "TargetUserName", ["Account Domain"] = "TargetDomainName",
                 ["Supplied Realm Name"] = "TargetDomainName" }
local SECTIONS = {
  ["Subject"] = { ["Account Name"] = "SubjectUserName",
                  ["Account Domain"] = "SubjectDomainName" },
  ["Service Information"] = { ["Service Name"] = "ServiceName" },
  ["Target Server"] = { ["Target Server Name"] = "TargetServerName" },
}
-- Labels that mean one field wherever they are.
local ANYWHERE = {
  ["Logon Type"] = "LogonType", ["Failure Reason"] = "FailureReason",
  ["Workstation Name"] = "WorkstationName", ["Source Network Address"] = "IpAddress",
  ["Client Address"] = "IpAddress", ["Network Address"] = "IpAddress",
  ["Logon Account"] = "TargetUserName", ["Source Workstation"] = "Workstation",
}
local TARGET_HEADINGS = {}
for _, ev in pairs(schema.events) do
  if ev.heading then TARGET_HEADINGS[ev.heading] = true end
end

-- The fields of an event's Message text: "Label:\tvalue" lines, indented
-- under a heading ("Account For Which Logon Failed:") or at the top.
local function message_fields(msg, id)
  local ev = schema.of(number(id))
  local labels = {}
  for label, field in pairs(ANYWHERE) do labels[label] = field end
  for field, label in pairs(ev.labels) do labels[label] = field end
  local d, section = {}, nil
  for line in msg:gmatch("[^\r\n]+") do
    local indent, label, value = match(line, "^(%s*)([%a][%a %(%)%-]-):%s*(.-)%s*$")
    if label and value == "" and indent == "" then
      section = (label == ev.heading or TARGET_HEADINGS[label]) and TARGET or
                SECTIONS[label] or false
    elseif label then
      local f = section and section[label] or labels[label]
      if f and d[f] == nil then d[f] = value end
    end
  end
  return d
end

-- The platforms a --records line may name, for the message that refuses
-- another: "mit, samba or windows".
local NAMES
do
  local list = {}
  for p in pairs(PLATFORMS) do list[#list + 1] = p end
  sort(list)
  NAMES = concat(list, ", ", 1, #list - 1) .. " or " .. list[#list]
end

-- The platform a --records line names (nil for none: Windows'), or false
-- and why it is none logonerr reads.  In any case: a line edited by hand
-- may say "MIT" or "Samba".
local function platform_of(p)
  p = plain(p)
  if p == nil then return nil end
  if type(p) == "string" and PLATFORMS[lower(p)] then return lower(p) end
  local shown = type(p) == "string" and "'" .. excerpt(p) .. "'" or
                type(p) == "table" and "{...}" or excerpt(text(p))
  return false, "platform " .. shown .. " is not one logonerr reads (" .. NAMES .. ")"
end

--- An event as JSON, in any of the shapes above, as a raw record; nil when
-- it has no event ID, or nil and why when it cannot be read.  A record
-- that --records printed keeps the platform of the log it came from
-- (rec.platform: "samba"...), as its line names it.
function M.record(o)
  if type(o) ~= "table" then return nil end
  local w = plain(o.winlog)
  if type(w) == "table" and plain(w.event_id) then -- Winlogbeat / Elastic
    return { id = datum(w.event_id), record = datum(w.record_id),
             time = datum(o["@timestamp"]), computer = datum(w.computer_name),
             channel = datum(w.channel), provider = datum(w.provider_name),
             data = data_of(plain(w.event_data)) }
  end
  local e = plain(o.Event)
  if type(e) == "table" and type(plain(e.System)) == "table" then -- XML as JSON
    local s = e.System
    local t = plain(s.TimeCreated)
    t = type(t) == "table" and (plain(t.SystemTime) or
        type(plain(t["#attributes"])) == "table" and plain(t["#attributes"].SystemTime)) or t
    local id = plain(s.EventID)
    if type(id) == "table" then id = datum(id["#text"]) or datum(id.text) end
    local pr = plain(s.Provider)
    pr = type(pr) == "table" and (type(plain(pr["#attributes"])) == "table" and
         datum(pr["#attributes"].Name) or datum(pr.Name)) or nil
    return { id = datum(id), record = datum(s.EventRecordID), time = datum(t),
             computer = datum(s.Computer), channel = datum(s.Channel), provider = pr,
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
    return { id = datum(id), record = datum(o.RecordId), time = datum(t),
             computer = datum(o.MachineName), channel = datum(o.LogName),
             provider = datum(o.ProviderName), data = d }
  end
  local ed = plain(o.event_data)
  id = plain(o.event_id)
  if id ~= nil and (type(ed) == "table" or plain(o.log_name) ~= nil) then -- Winlogbeat 6
    return { id = datum(id), record = datum(o.record_number), time = datum(o["@timestamp"]),
             computer = datum(o.computer_name), channel = datum(o.log_name),
             provider = datum(o.source_name), data = data_of(ed) }
  end
  id = plain(o.id)
  if id ~= nil and type(plain(o.data)) == "table" then -- `logonerr events --records`
    local platform, why = platform_of(o.platform)
    if platform == false then return nil, why end
    return { id = datum(id), record = datum(o.record), time = datum(o.time),
             computer = datum(o.computer), channel = datum(o.channel),
             provider = datum(o.provider), data = data_of(o.data), platform = platform }
  end
  id = plain(o.EventID) or plain(o.EventId) or plain(o.event_id)
  if id ~= nil then -- flat: OTRF / Mordor, NXLog, Splunk exports
    if type(id) == "table" then return nil end
    -- The event's own time before the collector's @timestamp.
    return { id = datum(id), record = datum(o.EventRecordID) or datum(o.RecordNumber),
             time = datum(o.EventTime) or datum(o.TimeCreated) or
                    datum(o.SystemTime) or datum(o["@timestamp"]),
             computer = datum(o.Hostname) or datum(o.Computer) or datum(o.host),
             channel = datum(o.Channel), provider = datum(o.SourceName) or
                    datum(o.ProviderName), data = data_of(o) }
  end
  return nil
end

return M
