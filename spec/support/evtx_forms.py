#!/usr/bin/python3
"""Reads an EVTX file with python-evtx (the reference reader) and writes
what the specs compare logonerr with, independently of logonerr's code:

  counts.json       events, events per ID, and per code field: how many
                    records of each event hold each Status / SubStatus value
  events.xml        the records' XML as python-evtx renders them, in <Events>
  winlogbeat.ndjson Winlogbeat's shape (winlog.event_id, winlog.event_data)
  flat.ndjson       a flat export (OTRF style: EventID, Status at top level)
  getwinevent.json  Get-WinEvent | ConvertTo-Json: an array of {Id,
                    Properties = [{Value}], TimeCreated = "/Date(ms)/"}, the
                    codes as decimal numbers as PowerShell writes UInt32s
  and the shapes of evtx_shapes.py, one record each in the order of the
  file: winlogbeat6/7/8.ndjson, nxlog.ndjson, jq-pretty.json (Winlogbeat
  7's objects as `jq .` prints them, one after another), evtx_dump.json
  and evtx_dump.jsonl, getwinevent-message.json (the Message text only)

usage: evtx_forms.py FILE.evtx OUTDIR
"""
import collections
import datetime
import json
import os
import sys
import xml.etree.ElementTree as ET

import Evtx.Evtx as evtx

import evtx_shapes

NS = '{http://schemas.microsoft.com/win/2004/08/events/event}'
CODE_EVENTS = {4625, 4768, 4769, 4771, 4776}
CODE_FIELDS = ('Status', 'SubStatus')


def number(text):
    text = (text or '').strip()
    if text.lower().startswith('0x'):
        return int(text, 16)
    if text.lstrip('-').isdigit():
        return int(text) % (1 << 32)
    return None


def main(path, out):
    os.makedirs(out, exist_ok=True)
    ids = collections.Counter()
    codes = collections.Counter()
    total = 0
    xml_out = open(os.path.join(out, 'events.xml'), 'w', encoding='utf-8')
    xml_out.write('<?xml version="1.0" encoding="utf-8"?>\n<Events>\n')
    beat = open(os.path.join(out, 'winlogbeat.ndjson'), 'w', encoding='utf-8')
    flat = open(os.path.join(out, 'flat.ndjson'), 'w', encoding='utf-8')
    gwe = []
    shaped = {name: open(os.path.join(out, name), 'w', encoding='utf-8')
              for name, _ in evtx_shapes.NDJSON}
    pretty = open(os.path.join(out, 'jq-pretty.json'), 'w', encoding='utf-8')
    dump = open(os.path.join(out, 'evtx_dump.json'), 'w', encoding='utf-8')
    dumpl = open(os.path.join(out, 'evtx_dump.jsonl'), 'w', encoding='utf-8')
    gwm = []
    with evtx.Evtx(path) as log:
        for r in log.records():
            x = r.xml()
            total += 1
            # XML 1.0 has no place for control bytes python-evtx copies as
            # they are: written as U+FFFD so that the XML stays XML.
            x = ''.join(c if c >= ' ' or c in '\t\n\r' else '\ufffd' for c in x)
            xml_out.write(x.strip() + '\n')
            e = ET.fromstring(x)
            sysn = e.find(NS + 'System')
            eid = int(sysn.find(NS + 'EventID').text)
            rid = int(sysn.find(NS + 'EventRecordID').text)
            when = sysn.find(NS + 'TimeCreated').get('SystemTime')
            computer = sysn.find(NS + 'Computer').text
            channel = sysn.find(NS + 'Channel').text
            provider = sysn.find(NS + 'Provider').get('Name')
            data = [(d.get('Name'), d.text or '') for d in e.iter(NS + 'Data')]
            ids[eid] += 1
            if eid in CODE_EVENTS:
                for name, text in data:
                    if name in CODE_FIELDS:
                        v = number(text)
                        key = '%d %s %s' % (eid, name, 'success' if v == 0 else
                                            '-' if v is None else '0x%X' % v)
                        codes[key] += 1
            t = datetime.datetime.fromisoformat(when.replace('Z', '')[:26])
            t = t.replace(tzinfo=datetime.timezone.utc)
            iso = t.strftime('%Y-%m-%dT%H:%M:%S.%fZ')
            fields = {n: v for n, v in data if n}
            beat.write(json.dumps({
                '@timestamp': iso, 'event': {'code': str(eid)},
                'winlog': {'event_id': str(eid), 'record_id': rid,
                           'computer_name': computer, 'channel': channel,
                           'provider_name': provider, 'event_data': fields}}) + '\n')
            row = {'EventID': eid, 'EventRecordID': rid, '@timestamp': iso,
                   'Hostname': computer, 'Channel': channel}
            row.update(fields)
            flat.write(json.dumps(row) + '\n')
            props = []
            for name, text in data:
                v = number(text) if name in CODE_FIELDS else None
                props.append({'Value': v if v is not None else text})
            ms = int(t.timestamp() * 1000)
            gwe.append({'Id': eid, 'RecordId': rid, 'TimeCreated': '/Date(%d)/' % ms,
                        'MachineName': computer, 'LogName': channel,
                        'ProviderName': provider, 'Properties': props})
            execution = sysn.find(NS + 'Execution')
            rec = {'eid': eid, 'rid': rid, 'time': t, 'computer': computer,
                   'channel': channel, 'provider': provider,
                   'guid': sysn.find(NS + 'Provider').get('Guid'),
                   'qualifiers': sysn.find(NS + 'EventID').get('Qualifiers'),
                   'level': sysn.findtext(NS + 'Level') or '0',
                   'task': sysn.findtext(NS + 'Task') or '0',
                   'opcode': sysn.findtext(NS + 'Opcode') or '0',
                   'keywords': sysn.findtext(NS + 'Keywords') or '0x0',
                   'process': int(execution.get('ProcessID') or 0),
                   'thread': int(execution.get('ThreadID') or 0), 'data': data}
            for name, shape in evtx_shapes.NDJSON:
                shaped[name].write(json.dumps(shape(rec)) + '\n')
            pretty.write(json.dumps(evtx_shapes.winlogbeat7(rec), indent=2) + '\n')
            dump.write(evtx_shapes.evtx_dump_json(rec))
            dumpl.write(evtx_shapes.evtx_dump_jsonl(rec))
            gwm.append(evtx_shapes.getwinevent_message(rec))
    xml_out.write('</Events>\n')
    for f in [xml_out, beat, flat, pretty, dump, dumpl] + list(shaped.values()):
        f.close()
    with open(os.path.join(out, 'getwinevent-message.json'), 'w', encoding='utf-8') as f:
        json.dump(gwm, f, indent=4)
    with open(os.path.join(out, 'getwinevent.json'), 'w', encoding='utf-8') as f:
        json.dump(gwe, f, indent=2)
    with open(os.path.join(out, 'counts.json'), 'w', encoding='utf-8') as f:
        json.dump({'events': total, 'ids': {str(k): v for k, v in ids.items()},
                   'codes': dict(codes)}, f, indent=1, sort_keys=True)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
