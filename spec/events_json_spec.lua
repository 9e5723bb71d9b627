-- JSON through lua-cjson, or dkjson where cjson is absent; Get-WinEvent's
-- Message text when an export has no Properties.
local function fresh(hide_cjson)
  local saved = {}
  for _, m in ipairs({ "cjson.safe", "logonerr.json", "logonerr.events" }) do
    saved[m] = package.loaded[m]
    package.loaded[m] = nil
  end
  local preload = package.preload["cjson.safe"]
  if hide_cjson then
    package.preload["cjson.safe"] = function() error("cjson hidden by the spec") end
  end
  local events = require "logonerr.events"
  package.preload["cjson.safe"] = preload
  for m, v in pairs(saved) do package.loaded[m] = v end
  return events
end

local NDJSON =
  '{"winlog":{"event_id":"4625","record_id":7,"computer_name":"dc1","channel":"Security",' ..
  '"event_data":{"TargetUserName":"bob","TargetDomainName":"CORP","Status":"0xc000006d",' ..
  '"SubStatus":"0xc0000064","IpAddress":"192.0.2.5","LogonType":"3"}},' ..
  '"@timestamp":"2024-05-01T10:00:00.123Z"}\n' ..
  '{"EventID":4771,"Hostname":"dc1","@timestamp":"2024-05-01 10:00:01","Status":"0x18",' ..
  '"TargetUserName":"eve","ServiceName":"krbtgt/CORP.EXAMPLE","IpAddress":"::ffff:192.0.2.6",' ..
  '"Extra":null}\n'

local function records(events, text)
  local p = os.tmpname()
  local f = io.open(p, "wb")
  f:write(text)
  f:close()
  local out = {}
  local it, rd = events.records(p)
  for rec in it do out[#out + 1] = rec end
  os.remove(p)
  return out, rd
end

local function check(events)
  local recs, rd = records(events, NDJSON)
  assert.are.equal("json", rd.format)
  assert.are.equal(2, #recs)
  assert.are.same({ "STATUS_NO_SUCH_USER", "CORP\\bob", "192.0.2.5",
                    "2024-05-01T10:00:00.123000Z", 7, "dc1" },
                  { recs[1].code.name, recs[1].account, recs[1].source, recs[1].time,
                    recs[1].record, recs[1].computer })
  assert.are.same({ "kerberos", 0x18, "CORP.EXAMPLE\\eve", "192.0.2.6",
                    "2024-05-01T10:00:01.000000Z" },
                  { recs[2].code.namespace, recs[2].code.code, recs[2].account,
                    recs[2].source, recs[2].time })
end

describe("events from JSON", function()
  it("through lua-cjson where it is installed", function()
    local events = fresh(false)
    if events.json_library ~= "lua-cjson" then
      pending("lua-cjson is not installed for " .. _VERSION .. " (make deps installs it)")
      return
    end
    check(events)
  end)

  it("through dkjson where cjson is absent", function()
    local events = fresh(true)
    assert.are.equal("dkjson", events.json_library)
    check(events)
  end)

  it("from the XML's shape in JSON (omerbenamram's evtx_dump -o json)", function()
    local events = fresh(false)
    local recs = records(events,
      '{"Event":{"#attributes":{"xmlns":' ..
      '"http://schemas.microsoft.com/win/2004/08/events/event"},' ..
      '"System":{"EventID":4776,"EventRecordID":12,"Channel":"Security","Computer":"dc1",' ..
      '"TimeCreated":{"#attributes":{"SystemTime":"2024-05-01T10:00:00.5Z"}}},' ..
      '"EventData":{"PackageName":"MICROSOFT_AUTHENTICATION_PACKAGE_V1_0",' ..
      '"TargetUserName":"bob","Workstation":"PC7","Status":"0xc0000234"}}}\n')
    assert.are.equal(1, #recs)
    assert.are.same({ 4776, 12, "STATUS_ACCOUNT_LOCKED_OUT", "bob", "PC7",
                      "2024-05-01T10:00:00.500000Z" },
                    { recs[1].id, recs[1].record, recs[1].code.name, recs[1].account,
                      recs[1].source, recs[1].time })
  end)

  it("from Get-WinEvent's Message text when there are no Properties", function()
    local events = fresh(false)
    local msg = "An account failed to log on.\r\n\r\nSubject:\r\n\tSecurity ID:\t\tS-1-5-18\r\n" ..
      "\tAccount Name:\t\tDC1$\r\n\tAccount Domain:\t\tCORP\r\n\r\nLogon Type:\t\t\t3\r\n\r\n" ..
      "Account For Which Logon Failed:\r\n\tSecurity ID:\t\tS-1-0-0\r\n" ..
      "\tAccount Name:\t\tbob\r\n\tAccount Domain:\t\tCORP\r\n\r\n" ..
      "Failure Information:\r\n\tFailure Reason:\t\tUnknown user name or bad password.\r\n" ..
      "\tStatus:\t\t\t0xC000006D\r\n\tSub Status:\t\t0xC000006A\r\n\r\n" ..
      "Network Information:\r\n\tWorkstation Name:\tPC7\r\n" ..
      "\tSource Network Address:\t192.0.2.7\r\n\tSource Port:\t\t0\r\n"
    local dk = require "dkjson"
    local recs = records(events, dk.encode({ { Id = 4625, RecordId = 9,
      TimeCreated = "/Date(1714557600000)/", MachineName = "dc1", Message = msg } }))
    assert.are.equal(1, #recs)
    local r = recs[1]
    assert.are.same({ "STATUS_WRONG_PASSWORD", "CORP\\bob", "192.0.2.7", 3,
                      "Unknown user name or bad password.", "2024-05-01T10:00:00.000000Z" },
                    { r.code.name, r.account, r.source, r.logon_type.number,
                      r.failure_reason, r.time })
  end)
end)
