-- luacheck configuration: make lint.
std = "max"
max_line_length = 100
exclude_files = { "build/", "rockspec/" }
files["spec/"] = { std = "+busted" }
files["bench/"] = { globals = { "jit" } }
-- Data: log line shapes, templates and Microsoft's messages, kept whole.
files["bench/gen-log.lua"] = { max_line_length = false }
files["lua/logonerr/formats.lua"] = { max_line_length = false }
files["spec/catalog_spec.lua"] = { max_line_length = false }
-- The catalogue's source: prose and Microsoft's messages, one item a line.
files["catalogue/"] = { max_line_length = false }
