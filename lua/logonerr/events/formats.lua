--- The formats the events report is written in: one list, which the
-- command offers and the report module renders, without the command
-- loading the report (`logonerr 1366` needs neither).
-- @module logonerr.events.formats

return { "text", "markdown", "json", "html" }
