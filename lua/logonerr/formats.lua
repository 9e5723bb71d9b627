--- The built-in report templates (data, rendered by logonerr.template).
-- `explain` templates see one entry's view; `summary` templates see
-- { items = {...}, total = n, distinct = n }.
-- @module logonerr.formats

local M = { explain = {}, summary = {} }

M.explain.line = "{{line}}\n"

M.explain.text = [[
{{name}} ({{number}}; {{namespace}}, HRESULT {{hresult}})
{{message}}

{{summary}}
Category: {{category}}   Severity: {{severity}}
{{#win32}}
Win32 code: {{name}} ({{code}}, {{hex}})
{{/win32}}
{{#ntstatus}}
NTSTATUS: {{name}} ({{hex}})
{{/ntstatus}}
{{#causes.1}}

Causes:
{{/causes.1}}
{{#causes}}
  - {{.}}
{{/causes}}
{{#symptoms.1}}

Symptoms:
{{/symptoms.1}}
{{#symptoms}}
  - {{.}}
{{/symptoms}}
{{#diagnosis.1}}

What to check:
{{/diagnosis.1}}
{{#diagnosis}}
  - {{.}}
{{/diagnosis}}
{{#resolution.1}}

What to do:
{{/resolution.1}}
{{#resolution}}
  - {{.}}
{{/resolution}}
{{#prevention.1}}

Prevention:
{{/prevention.1}}
{{#prevention}}
  - {{.}}
{{/prevention}}
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
]]

M.explain.markdown = [[
## {{name}} ({{number}})

> {{message}}

{{summary}}

| namespace | code | hex | HRESULT | category | severity |
|---|---|---|---|---|---|
| {{namespace}} | {{code}} | `{{hex}}` | `{{hresult}}` | {{category}} | {{severity}} |
{{#win32}}

Win32 code: **{{name}}** ({{code}}, `{{hex}}`)
{{/win32}}
{{#ntstatus.1}}

NTSTATUS codes:
{{/ntstatus.1}}
{{#ntstatus}}
- **{{name}}** (`{{hex}}`)
{{/ntstatus}}
{{#causes.1}}

### Causes

{{/causes.1}}
{{#causes}}
- {{.}}
{{/causes}}
{{#symptoms.1}}

### Symptoms

{{/symptoms.1}}
{{#symptoms}}
- {{.}}
{{/symptoms}}
{{#diagnosis.1}}

### What to check

{{/diagnosis.1}}
{{#diagnosis}}
1. {{.}}
{{/diagnosis}}
{{#resolution.1}}

### What to do

{{/resolution.1}}
{{#resolution}}
- {{.}}
{{/resolution}}
{{#prevention.1}}

### Prevention

{{/prevention.1}}
{{#prevention}}
- {{.}}
{{/prevention}}
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
]]

M.summary.line = [[
{{#items}}
{{count}} {{name}} ({{hex}})
{{/items}}
]]

M.summary.text = [[
{{total}} codes found, {{distinct}} distinct

{{#items}}
{{count}}  {{name}} ({{hex}}){{#first_line}}  lines {{first_line}}-{{last_line}}{{/first_line}}
    {{message}}
{{#sample}}
    e.g. {{sample}}
{{/sample}}
{{/items}}
]]

M.summary.markdown = [[
**{{total}}** codes found, **{{distinct}}** distinct.

| count | code | hex | first line | last line | meaning |
|---:|---|---|---:|---:|---|
{{#items}}
| {{count}} | {{name}} | `{{hex}}` | {{first_line}} | {{last_line}} | {{message}} |
{{/items}}
]]

return M
