--- The events report's built-in templates (data, rendered by
-- logonerr.template with the format's escaper).  Each sees the view that
-- logonerr.events.report makes of a triage; `logonerr events -t FILE`
-- renders a template of one's own with the same view.
-- @module logonerr.events.templates

-- Templates kept whole, one line of output a line:
-- luacheck: no max line length

local M = {}

M.text = [[
Security events: {{header}}
{{#platform}}
{{platform}}
{{/platform}}

{{^findings}}
Findings: none.
{{/findings}}
{{#findings.1}}
Findings
{{/findings.1}}
{{#findings}}
{{n2}}. {{SEVERITY}}: {{title}} [{{kind}}]
    {{count_text}}{{#span}}, {{span}}{{/span}}{{window}}
{{#reading}}
    reading:  {{reading}}
{{/reading}}
{{#accounts}}
    accounts: {{accounts}}
{{/accounts}}
{{#sources}}
    sources:  {{sources}}
{{/sources}}
{{#codes}}
    codes:    {{codes}}
{{/codes}}
{{#details}}
    {{label}}: {{text}}
{{/details}}
    what to check next:
{{#check}}
    - {{.}}
{{/check}}
{{/findings}}

Failure events by code
{{#by_code}}
  {{count6}}  {{hex12}} {{name}}{{#meaning}}: {{meaning}}{{/meaning}}
{{/by_code}}

Accounts: failed attempts, successes, identity (codes)
{{#by_account_top}}
  {{failures6}} {{successes6}}  {{identity}}{{#coded}} ({{codes3}}){{/coded}}{{#lockouts_note}}, {{lockouts_note}}{{/lockouts_note}}{{#written}}, written {{written}}{{/written}}
{{/by_account_top}}
{{#by_account_more}}
  ... {{by_account_more}} more
{{/by_account_more}}

Failed attempts by source
{{#by_source_top}}
  {{failures6}}  {{source}} ({{accounts_note}})
{{/by_source_top}}
{{#by_source_more}}
  ... {{by_source_more}} more
{{/by_source_more}}
{{#logon_summary.1}}

Logon summary: successes, failures, identity, how, source, first to last
{{/logon_summary.1}}
{{#logon_summary_top}}
  {{successes6}} {{failures6}}  {{identity}}  {{how}}  {{source}}  {{span}}
{{/logon_summary_top}}
{{#logon_summary_more}}
  ... {{logon_summary_more}} more
{{/logon_summary_more}}
{{#by_logon_type.1}}

Failures by logon type
{{/by_logon_type.1}}
{{#by_logon_type}}
  {{count6}}  {{logon_type}} {{name}}
{{/by_logon_type}}

Events
{{#by_event}}
  {{count6}}  {{id}}{{#what}}  {{what}}{{/what}}
{{/by_event}}
]]

M.markdown = [[
# Security events

{{header}}
{{#platform}}

{{platform}}
{{/platform}}

## Findings

{{^findings}}
None.
{{/findings}}
{{#findings}}
### {{SEVERITY}}: {{title}} (`{{kind}}`)

{{count_text}}{{#span}}, {{span}}{{/span}}{{window}}.

- Severity: {{severity}}
{{#reading}}
- Reading: {{reading}}
{{/reading}}
{{#accounts}}
- Accounts: {{accounts}}
{{/accounts}}
{{#sources}}
- Sources: {{sources}}
{{/sources}}
{{#codes}}
- Codes: {{codes}}
{{/codes}}
{{#details}}
- {{label}}: {{text}}
{{/details}}

What to check next:

{{#check}}
1. {{.}}
{{/check}}

{{/findings}}
## Failure events by code

| count | code | name | first | last |
|---:|---|---|---|---|
{{#by_code}}
| {{count}} | `{{hex}}` | {{name}} | {{first}} | {{last}} |
{{/by_code}}

## Accounts

| failed attempts | successes | identity | written | codes | lockouts |
|---:|---:|---|---|---|---:|
{{#by_account}}
| {{failures}} | {{successes}} | {{identity}} | {{spellings}} | {{codes3}} | {{lockouts}} |
{{/by_account}}

## Failed attempts by source

| failed attempts | source | accounts | no account name |
|---:|---|---:|---:|
{{#by_source}}
| {{failures}} | {{source}} | {{accounts}} | {{unnamed_failures}} |
{{/by_source}}

{{#logon_summary.1}}
## Logon summary

| successes | failures | identity | how | source | first | last |
|---:|---:|---|---|---|---|---|
{{/logon_summary.1}}
{{#logon_summary}}
| {{successes}} | {{failures}} | {{identity}} | {{how}} | {{source}} | {{first}} | {{last}} |
{{/logon_summary}}
{{#logon_summary.1}}

{{/logon_summary.1}}
## Events

| count | event | meaning |
|---:|---|---|
{{#by_event}}
| {{count}} | {{id}} | {{what}} |
{{/by_event}}
]]

M.html = [[
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>logonerr: Security events</title>
<style>
body{font-family:system-ui,sans-serif;margin:2em;max-width:60em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.5em}
table{border-collapse:collapse;margin:.5em 0}
td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}
.finding{border-left:4px solid #D55E00;padding:.2em 1em;margin:1em 0;background:#fdf6f2}
.finding.critical{border-left-color:#000;background:#fbe9e7}
.finding.medium{border-left-color:#E69F00;background:#fdf9ee}
.finding.low{border-left-color:#56B4E9;background:#f2f8fc}
.severity{font-size:.8em;letter-spacing:.05em;margin-right:.4em}
.legend span{margin-right:1em;font-size:.9em}
.legend i{display:inline-block;width:.8em;height:.8em;margin-right:.3em}
</style>
</head><body>
<h1>Security events</h1>
<p>{{header}}</p>
{{#platform}}
<p>{{platform}}</p>
{{/platform}}
<h2>Findings</h2>
{{^findings}}
<p>None.</p>
{{/findings}}
{{#findings}}
<div class="finding {{severity}}"><h3><span class="severity">{{SEVERITY}}</span> {{title}} <code>{{kind}}</code></h3>
<p>{{count_text}}{{#span}}, {{span}}{{/span}}{{window}}.</p><ul>
<li>Severity: {{severity}}</li>
{{#reading}}
<li>Reading: {{reading}}</li>
{{/reading}}
{{#accounts20}}
<li>Accounts: {{accounts20}}</li>
{{/accounts20}}
{{#sources20}}
<li>Sources: {{sources20}}</li>
{{/sources20}}
{{#codes}}
<li>Codes: {{codes}}</li>
{{/codes}}
{{#details}}
<li>{{label}}: {{text}}</li>
{{/details}}
</ul><p>What to check next:</p><ol>
{{#check}}
<li>{{.}}</li>
{{/check}}
</ol></div>
{{/findings}}
<h2>Failures over time by code</h2>
{{^chart}}
<p>No failures to chart.</p>
{{/chart}}
{{#chart}}
<svg xmlns="http://www.w3.org/2000/svg" width="{{width}}" height="{{height}}" viewBox="0 0 {{width}} {{height}}" role="img" aria-label="Failures over time by code">
<line x1="{{left}}" y1="{{axis}}" x2="{{right}}" y2="{{axis}}" stroke="#444"/>
<text x="{{tick_x}}" y="{{top_y}}" font-size="11" text-anchor="end">{{most}}</text>
<text x="{{tick_x}}" y="{{axis}}" font-size="11" text-anchor="end">0</text>
{{#bars}}
<rect x="{{x}}" y="{{y}}" width="{{w}}" height="{{h}}" fill="{{colour}}"><title>{{time}} {{code}}: {{n}}</title></rect>
{{/bars}}
{{#labels}}
<text x="{{x}}" y="{{y}}" font-size="10">{{text}}</text>
{{/labels}}
<text x="{{left}}" y="{{note_y}}" font-size="11">{{note}}</text>
</svg>
<p class="legend">{{#legend}}<span><i style="background:{{colour}}"></i>{{code}}</span> {{/legend}}</p>
{{/chart}}
<h2>Failure events by code</h2>
<table><thead><tr><th>count</th><th>code</th><th>name</th><th>meaning</th><th>first</th><th>last</th></tr></thead><tbody>
{{#by_code}}
<tr><td>{{count}}</td><td>{{hex}}</td><td>{{name}}</td><td>{{meaning}}</td><td>{{first}}</td><td>{{last}}</td></tr>
{{/by_code}}
</tbody></table>
<h2>Accounts</h2>
<table><thead><tr><th>failed attempts</th><th>successes</th><th>identity</th><th>written</th><th>codes</th><th>sources</th><th>lockouts</th></tr></thead><tbody>
{{#by_account}}
<tr><td>{{failures}}</td><td>{{successes}}</td><td>{{identity}}</td><td>{{spellings}}</td><td>{{codes3}}</td><td>{{sources3}}</td><td>{{lockouts}}</td></tr>
{{/by_account}}
</tbody></table>
<h2>Failed attempts by source</h2>
<table><thead><tr><th>failed attempts</th><th>source</th><th>accounts</th><th>no account name</th></tr></thead><tbody>
{{#by_source}}
<tr><td>{{failures}}</td><td>{{source}}</td><td>{{accounts}}</td><td>{{unnamed_failures}}</td></tr>
{{/by_source}}
</tbody></table>
<h2>Logon summary</h2>
<table><thead><tr><th>successes</th><th>failures</th><th>identity</th><th>how</th><th>source</th><th>first</th><th>last</th></tr></thead><tbody>
{{#logon_summary}}
<tr><td>{{successes}}</td><td>{{failures}}</td><td>{{identity}}</td><td>{{how}}</td><td>{{source}}</td><td>{{first}}</td><td>{{last}}</td></tr>
{{/logon_summary}}
</tbody></table>
<h2>Failures by logon type</h2>
<table><thead><tr><th>count</th><th>logon type</th><th>name</th></tr></thead><tbody>
{{#by_logon_type}}
<tr><td>{{count}}</td><td>{{logon_type}}</td><td>{{name}}</td></tr>
{{/by_logon_type}}
</tbody></table>
<h2>Events</h2>
<table><thead><tr><th>count</th><th>event</th><th>meaning</th></tr></thead><tbody>
{{#by_event}}
<tr><td>{{count}}</td><td>{{id}}</td><td>{{what}}</td></tr>
{{/by_event}}
</tbody></table>
</body></html>
]]

return M
