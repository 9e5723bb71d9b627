-- luacheck configuration: make lint.
std = "max"
max_line_length = 100
exclude_files = { "build/", "rockspec/" }
files["spec/"] = { std = "+busted" }
files["bench/"] = { globals = { "jit" } }
-- Data: log line shapes, templates and Microsoft's messages, kept whole.
files["bench/gen-log.lua"] = { max_line_length = false }
files["lua/logonerr/formats.lua"] = { max_line_length = false }
files["lua/logonerr/events/triage.lua"] = { max_line_length = false } -- what to check, kept whole
files["lua/logonerr/events/rules.lua"] = { max_line_length = false } -- advice, kept whole
files["spec/catalog_spec.lua"] = { max_line_length = false }
-- The catalogue's source: prose and Microsoft's messages, one item a line;
-- family files see the cited documents (DOC) and from() (generate.lua).
files["catalogue/"] = { max_line_length = false, read_globals = { "DOC", "from" } }
-- Specs that quote Microsoft's and the RFCs' texts whole.
for _, f in ipairs({ "knowledge_win32", "knowledge_ntstatus", "sspi", "kerberos",
                     "vocabulary" }) do
  files["spec/" .. f .. "_spec.lua"] = { std = "+busted", max_line_length = false }
end
