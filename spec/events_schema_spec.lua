-- The events schema is the one place that says what an event means: an
-- entry added here, for an event ID logonerr does not know (4634, "An
-- account was logged off", as Microsoft Learn's page "4634(S): An account
-- was logged off" describes it), is read from XML and JSON and counted with
-- no other change.
local events = require "logonerr.events"
local schema = require "logonerr.events.schema"
local tempfile = require("support.run").tempfile

local LOGOFF = {
  name = "An account was logged off",
  description = "A logon session ended; Logon ID ties it to the 4624 that opened it, " ..
                "and Logon Type says what kind of session it was.",
  fields = { "TargetUserSid", "TargetUserName", "TargetDomainName", "TargetLogonId",
             "LogonType" },
  outcome = nil, -- a fact, neither a failure nor a success
}

local XML = [[
<Events><Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System>
<EventID>4634</EventID><TimeCreated SystemTime="2024-05-01T10:00:00.000Z"/>
<EventRecordID>11</EventRecordID><Channel>Security</Channel><Computer>srv1</Computer>
</System><EventData><Data Name="TargetUserSid">S-1-5-21-1-2-3-1104</Data>
<Data Name="TargetUserName">alice</Data><Data Name="TargetDomainName">CORP</Data>
<Data Name="TargetLogonId">0x3e7a1</Data><Data Name="LogonType">10</Data></EventData></Event>
</Events>
]]

-- Get-WinEvent | ConvertTo-Json: the values without their names, in the
-- order of the schema's field list.
local GET_WINEVENT = [[
[{"Id": 4634, "RecordId": 12, "MachineName": "srv1", "LogName": "Security",
  "TimeCreated": "/Date(1714557600000)/",
  "Properties": [{"Value": "S-1-5-21-1-2-3-1105"}, {"Value": "bob"}, {"Value": "CORP"},
                 {"Value": "0x3e7a2"}, {"Value": 3}]}]
]]

local WINLOGBEAT = '{"@timestamp":"2024-05-01T10:00:01Z","winlog":{"event_id":4634,' ..
  '"record_id":13,"computer_name":"srv1","channel":"Security","event_data":' ..
  '{"TargetUserName":"carol","TargetDomainName":"CORP","LogonType":"2"}}}\n'

local function read(text)
  local p = tempfile(text)
  local rd = assert(events.open(p))
  local recs = {}
  for rec in rd.next, rd do recs[#recs + 1] = rec end
  os.remove(p)
  return recs, rd
end

local function by_event(r, id)
  for _, e in ipairs(r.by_event) do if e.id == id then return e end end
end

describe("an event ID added to the schema", function()
  before_each(function() schema.events[4634] = LOGOFF end)
  after_each(function() schema.events[4634] = nil end)

  it("is read from XML: account and logon type as its entry says", function()
    if not events.xml then pending("logonerr.evtx is not built (libexpat)"); return end
    local recs, rd = read(XML)
    assert.are.equal("xml", rd.format)
    assert.are.same({ id = 4634, account = "CORP\\alice", logon_type = 10, name =
                      "RemoteInteractive", record = 11 },
                    { id = recs[1].id, account = recs[1].account,
                      logon_type = recs[1].logon_type.number,
                      name = recs[1].logon_type.name, record = recs[1].record })
    assert.is_nil(recs[1].failed)
    assert.is_nil(recs[1].success)
  end)

  it("is read from JSON, Get-WinEvent's unnamed Properties named by its field list",
     function()
    local recs, rd = read(GET_WINEVENT)
    assert.are.equal("json", rd.format)
    assert.are.equal(1, #recs)
    assert.are.equal("bob", recs[1].data.TargetUserName)
    assert.are.equal("0x3e7a2", recs[1].data.TargetLogonId)
    assert.are.equal("CORP\\bob", recs[1].account)
    assert.are.equal(3, recs[1].logon_type.number)
    assert.are.equal("2024-05-01T10:00:00.000000Z", recs[1].time)
  end)

  it("is counted in by_event under its name, and not as a failure", function()
    local recs = read(WINLOGBEAT .. WINLOGBEAT:gsub('"record_id":13', '"record_id":14'))
    local r = events.triage(recs)
    local e = by_event(r, 4634)
    assert.are.same({ id = 4634, count = 2, what = "An account was logged off" }, e)
    assert.are.equal(0, r.failures)
    assert.are.equal(2, r.events)
  end)

  it("is unknown again without its entry: read, but without a name or field names",
     function()
    schema.events[4634] = nil
    local recs = read(GET_WINEVENT)
    assert.is_nil(recs[1].data.TargetUserName)
    assert.is_nil(recs[1].account)
    local r = events.triage(recs)
    assert.is_nil(by_event(r, 4634).what)
  end)
end)
