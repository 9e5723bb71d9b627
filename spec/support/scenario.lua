-- Security logs written in a spec: events in the shapes Windows writes
-- them (the EventData fields in Windows' order, as evtxexport shows them
-- in spec/fixtures/evtx and as Microsoft documents 4769 and 4740), as
-- event XML or as Winlogbeat 7 JSON, read back through events.records and
-- triaged.
local events = require "logonerr.events"
local write = require("support.run").tempfile

local M = {}

-- EventData fields in Windows' order, with the value a field has when the
-- scenario does not set it.
local FIELDS = {
  [4624] = { "SubjectUserSid=S-1-5-18", "SubjectUserName=-", "SubjectDomainName=-",
    "SubjectLogonId=0x3e7", "TargetUserSid=S-1-0-0", "TargetUserName", "TargetDomainName",
    "TargetLogonId=0x1a2b3c", "LogonType=3", "LogonProcessName=NtLmSsp ",
    "AuthenticationPackageName=NTLM", "WorkstationName=-",
    "LogonGuid={00000000-0000-0000-0000-000000000000}", "TransmittedServices=-",
    "LmPackageName=NTLM V2", "KeyLength=128", "ProcessId=0x0", "ProcessName=-",
    "IpAddress=-", "IpPort=-" },
  [4625] = { "SubjectUserSid=S-1-0-0", "SubjectUserName=-", "SubjectDomainName=-",
    "SubjectLogonId=0x0", "TargetUserSid=S-1-0-0", "TargetUserName", "TargetDomainName",
    "Status=0xc000006d", "FailureReason=%%2313", "SubStatus=0xc000006a", "LogonType=3",
    "LogonProcessName=NtLmSsp ", "AuthenticationPackageName=NTLM", "WorkstationName=-",
    "TransmittedServices=-", "LmPackageName=-", "KeyLength=0", "ProcessId=0x0",
    "ProcessName=-", "IpAddress=-", "IpPort=-" },
  [4648] = { "SubjectUserSid=S-1-5-18", "SubjectUserName", "SubjectDomainName",
    "SubjectLogonId=0x3e7", "LogonGuid={00000000-0000-0000-0000-000000000000}",
    "TargetUserName", "TargetDomainName",
    "TargetLogonGuid={00000000-0000-0000-0000-000000000000}", "TargetServerName=localhost",
    "TargetInfo=localhost", "ProcessId=0x2a8", "ProcessName=C:\\Windows\\System32\\winlogon.exe",
    "IpAddress=-", "IpPort=-" },
  [4740] = { "TargetUserName", "TargetDomainName", "TargetSid=S-1-5-21-1-2-3-1105",
    "SubjectUserSid=S-1-5-18", "SubjectUserName=DC1$", "SubjectDomainName",
    "SubjectLogonId=0x3e7" },
  [4768] = { "TargetUserName", "TargetDomainName", "TargetSid=S-1-0-0", "ServiceName",
    "ServiceSid=S-1-0-0", "TicketOptions=0x40810010", "Status=0x0",
    "TicketEncryptionType=0x12", "PreAuthType=2", "IpAddress", "IpPort=49832",
    "CertIssuerName", "CertSerialNumber", "CertThumbprint" },
  [4769] = { "TargetUserName", "TargetDomainName", "ServiceName", "ServiceSid=S-1-5-21-1-2-3-1120",
    "TicketOptions=0x40810000", "TicketEncryptionType=0x12", "IpAddress", "IpPort=50112",
    "Status=0x0", "LogonGuid={6f2b1c84-0d8e-4a43-9a5b-2f0c6d1e8a11}",
    "TransmittedServices=-" },
  [4771] = { "TargetUserName", "TargetSid=S-1-5-21-1-2-3-1105", "ServiceName",
    "TicketOptions=0x40810010", "Status=0x18", "PreAuthType=2", "IpAddress",
    "IpPort=49800", "CertIssuerName", "CertSerialNumber", "CertThumbprint" },
  [4776] = { "PackageName=MICROSOFT_AUTHENTICATION_PACKAGE_V1_0", "TargetUserName",
    "Workstation", "Status=0xc000006a" },
}

local function xml_escape(s)
  return (tostring(s):gsub("[&<>\"]", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;",
                                        ['"'] = "&quot;" }))
end

local serial = 1000

-- The fields of an event: the scenario's values over the defaults, in
-- Windows' order.  Returns a list of {name, value}.
local function fields(id, data)
  local list, seen = {}, {}
  for _, f in ipairs(FIELDS[id] or {}) do -- (an event no finding reads: its data alone)
    local name, default = f:match("^([^=]+)=?(.*)$")
    local v = data[name]
    if v == nil then v = default end
    list[#list + 1] = { name, v }
    seen[name] = true
  end
  for k, v in pairs(data) do
    if not seen[k] then list[#list + 1] = { k, v } end
  end
  return list
end

-- One event: { id, time, computer, data = {...} }.
function M.xml(e)
  serial = serial + 1
  local d = {}
  for _, kv in ipairs(fields(e.id, e.data)) do
    if kv[2] == "" then d[#d + 1] = ('    <Data Name="%s"/>'):format(kv[1])
    else d[#d + 1] = ('    <Data Name="%s">%s</Data>'):format(kv[1], xml_escape(kv[2])) end
  end
  return ([[
<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
  <System>
    <Provider Name="Microsoft-Windows-Security-Auditing"
              Guid="{54849625-5478-4994-A5BA-3E3B0328C30D}"/>
    <EventID>%d</EventID>
    <Version>0</Version>
    <Level>0</Level>
    <Task>12544</Task>
    <Opcode>0</Opcode>
    <Keywords>0x8010000000000000</Keywords>
    <TimeCreated SystemTime="%s"/>
    <EventRecordID>%d</EventRecordID>
    <Correlation/>
    <Execution ProcessID="640" ThreadID="1312"/>
    <Channel>Security</Channel>
    <Computer>%s</Computer>
    <Security/>
  </System>
  <EventData>
%s
  </EventData>
</Event>
]]):format(e.id, e.time, e.record or serial, e.computer or "dc1.corp.local",
           table.concat(d, "\n"))
end

local function json_string(s)
  return '"' .. tostring(s):gsub('[%c"\\]', function(c)
    if c == '"' then return '\\"' elseif c == "\\" then return "\\\\" end
    return ("\\u%04x"):format(c:byte())
  end) .. '"'
end

-- One event as Winlogbeat 7 writes it: one object a line.
function M.winlogbeat(e)
  serial = serial + 1
  local d = {}
  for _, kv in ipairs(fields(e.id, e.data)) do
    d[#d + 1] = json_string(kv[1]) .. ":" .. json_string(kv[2])
  end
  return ('{"@timestamp":%s,' ..
          '"event":{"code":"%d","provider":"Microsoft-Windows-Security-Auditing"},' ..
          '"winlog":{"channel":"Security","computer_name":%s,"event_id":%d,"record_id":%d,' ..
          '"provider_name":"Microsoft-Windows-Security-Auditing","event_data":{%s}}}\n'):format(
          json_string(e.time), e.id, json_string(e.computer or "dc1.corp.local"), e.id,
          e.record or serial, table.concat(d, ","))
end

-- A time t seconds after a base time, as Windows writes it (7 digits).
function M.at(base, t)
  local y, mo, d, h, mi, s = base:match("^(%d+)-(%d+)-(%d+)T(%d+):(%d+):(%d+)")
  local secs = os.time({ year = tonumber(y), month = tonumber(mo), day = tonumber(d),
                         hour = tonumber(h), min = tonumber(mi), sec = tonumber(s),
                         isdst = false }) + t
  local whole = math.floor(secs)
  local frac = math.floor((secs - whole) * 1e7 + 0.5)
  return os.date("%Y-%m-%dT%H:%M:%S", whole) .. (".%07dZ"):format(frac)
end

-- A log file written in shape ("xml" or "json") from events; its path.
function M.write(list, shape)
  local text = {}
  for i, e in ipairs(list) do
    text[i] = shape == "json" and M.winlogbeat(e) or M.xml(e)
  end
  return write(table.concat(text))
end

-- The records of a log written in shape from events.
function M.records(list, shape)
  local path = M.write(list, shape)
  local recs = {}
  for rec in events.records(path) do recs[#recs + 1] = rec end
  os.remove(path)
  return recs
end

-- The triage report of events written in shape.
function M.triage(list, shape, opts)
  return events.triage(M.records(list, shape), opts)
end

-- The findings of kind in a report.
function M.findings(r, kind)
  local out = {}
  for _, f in ipairs(r.findings) do
    if f.kind == kind then out[#out + 1] = f end
  end
  return out
end

-- The kinds of a report's findings, sorted.
function M.kinds(r)
  local k = {}
  for _, f in ipairs(r.findings) do k[#k + 1] = f.kind end
  table.sort(k)
  return k
end

-- A report's findings by kind (the last of a kind where there are more).
function M.by_kind(r)
  local k = {}
  for _, f in ipairs(r.findings) do k[f.kind] = f end
  return k
end

-- The items of a list, sorted, for comparing sets.
function M.sorted(list)
  local t = {}
  for i, v in ipairs(list or {}) do t[i] = v end
  table.sort(t)
  return t
end

return M
