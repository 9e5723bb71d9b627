--- The built-in report templates (data, rendered by logonerr.template).
-- `explain` templates see one entry's view; `summary` templates see
-- { items = {...}, total = n, distinct = n }.
-- @module logonerr.formats

local M = { explain = {}, summary = {}, sources = {} }

-- The knowledge lists, in report order, with their headings.
local LISTS = {
  { "causes", "Causes" }, { "symptoms", "Symptoms" },
  { "diagnosis", "What to check" }, { "resolution", "What to do" },
  { "prevention", "Prevention" },
}

-- One block per list: the heading only when the list has an item, then the
-- items.  heading is a format for the title and the note that no source
-- backs the list (uncited_of, set by logonerr.report); item[1] is the
-- default item line, item[field] a field's own.
local function lists(heading, item)
  local out = {}
  for _, l in ipairs(LISTS) do
    local f = l[1]
    local note = ("{{#uncited_of.%s}} {{uncited_of.%s}}{{/uncited_of.%s}}"):format(f, f, f)
    out[#out + 1] = ("{{#%s.1}}\n%s{{/%s.1}}\n{{#%s}}\n%s\n{{/%s}}\n")
      :format(f, heading:format(l[2], note), f, f, item[f] or item[1], f)
  end
  return table.concat(out)
end

M.explain.line = "{{line}}\n"

M.explain.text = [[
{{name}} ({{number}}; {{namespace}}{{#hresult}}, HRESULT {{hresult}}{{/hresult}})
{{message}}{{#uncited_of.message}} {{uncited_of.message}}{{/uncited_of.message}}

{{summary}}
Category: {{category}}   Severity: {{severity}}
{{#win32}}
Win32 code: {{name}} ({{code}}, {{hex}})
{{/win32}}
{{#ntstatus}}
NTSTATUS: {{name}} ({{hex}})
{{/ntstatus}}
]] .. lists("\n%s:%s\n", { "  - {{.}}" }) .. [[
{{#faq.1}}

Questions:
{{/faq.1}}
{{#faq}}
  Q: {{question}}
  A: {{answer}}
{{/faq}}
{{#related.1}}

Related:
{{/related.1}}
{{#related}}
  {{name}} ({{hex}})
{{/related}}
{{#sources.1}}

Sources:
{{/sources.1}}
{{#sources}}
  {{title}} (for {{fields}})
    {{url}}{{ref}}
{{/sources}}
]]

M.explain.markdown = [[
## {{name}} ({{number}})

> {{message}}{{#uncited_of.message}} {{uncited_of.message}}{{/uncited_of.message}}

{{summary}}

| namespace | code | hex | HRESULT | category | severity |
|---|---|---|---|---|---|
| {{namespace}} | {{code}} | `{{hex}}` | {{#hresult}}`{{hresult}}`{{/hresult}}{{^hresult}}-{{/hresult}} | {{category}} | {{severity}} |
{{#win32}}

Win32 code: **{{name}}** ({{code}}, `{{hex}}`)
{{/win32}}
{{#ntstatus.1}}

NTSTATUS codes:
{{/ntstatus.1}}
{{#ntstatus}}
- **{{name}}** (`{{hex}}`)
{{/ntstatus}}
]] .. lists("\n### %s%s\n\n", { "- {{.}}", diagnosis = "1. {{.}}" }) .. [[
{{#faq.1}}

### Questions

{{/faq.1}}
{{#faq}}
**{{question}}**
{{answer}}

{{/faq}}
{{#related.1}}

### Related

{{/related.1}}
{{#related}}
- **{{name}}** (`{{hex}}`): {{message}}
{{/related}}
{{#sources.1}}

### Sources

{{/sources.1}}
{{#sources}}
- {{#url}}[{{title}}]({{url}}){{/url}}{{^url}}{{title}} ({{ref}}){{/url}}: {{fields}}
{{/sources}}
]]

-- The sources of one code (logonerr --sources): a view as for explain.
M.sources.line = [[
{{#sources}}
{{name}}: {{title}} <{{url}}{{ref}}> ({{fields}})
{{/sources}}
]]

M.sources.text = [[
{{name}} ({{number}}; {{namespace}})
{{#sources}}
  {{title}} (for {{fields}})
    {{url}}{{ref}}
{{/sources}}
{{^sources}}
  (no sources recorded)
{{/sources}}
]]

M.sources.markdown = [[
## Sources of {{name}} ({{number}})

{{#sources}}
- {{#url}}[{{title}}]({{url}}){{/url}}{{^url}}{{title}} ({{ref}}){{/url}}: {{fields}}
{{/sources}}
{{^sources}}
No sources recorded.
{{/sources}}
]]

-- Summaries may carry the source they came from (a file name).
M.summary.line = [[
{{#items}}
{{#source}}{{source}}: {{/source}}{{count_aligned}} {{name}}{{#hex}} ({{hex}}){{/hex}}
{{/items}}
]]

M.summary.text = [[
{{#source}}
==> {{source}} <==
{{/source}}
{{total}} codes found, {{distinct}} distinct

{{#items}}
{{count_aligned}}  {{name}}{{#hex}} ({{hex}}){{/hex}}{{#lines}}  {{lines}}{{/lines}}
    {{message}}
{{#sample}}
    e.g. {{sample}}
{{/sample}}
{{/items}}
]]

M.summary.markdown = [[
{{#source}}
### {{source}}

{{/source}}
**{{total}}** codes found, **{{distinct}}** distinct.

| count | code | hex | first line | last line | meaning | sample |
|---:|---|---|---:|---:|---|---|
{{#items}}
| {{count}} | {{name}} | {{#hex}}`{{hex}}`{{/hex}} | {{first_line}} | {{last_line}} | {{message}} | {{sample}} |
{{/items}}
]]

return M
