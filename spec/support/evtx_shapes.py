"""The JSON shapes that collectors and tools of the field write for one
Windows event, made from the event as python-evtx reads it (evtx_forms.py
calls these).  Each follows what the tool writes, checked against real
output published with Elastic's, NXLog's and omerbenamram/evtx's projects
and against Microsoft's pages for the events' message text:

  winlogbeat6  Winlogbeat 6.x: event_id, event_data, computer_name,
               log_name, source_name, record_number, @timestamp (the event)
  winlogbeat7  7.x: winlog.* with numbers, event.created (the collector's)
  winlogbeat8  8.x: winlog.* with event_id and record_id as strings
  nxlog        NXLog's to_json: EventTime "YYYY-MM-DD HH:MM:SS" (no zone),
               Hostname, fields at top level, EventReceivedTime, and the
               @timestamp a Logstash behind it adds, 15 to 95 s later
  evtx_dump    the Rust evtx_dump: Event.System / Event.EventData, with
               #attributes, numbers for the UInt32 fields
  message      Get-WinEvent | Select Id, ..., Message | ConvertTo-Json: the
               fields only in the rendered message text

An event r is a dict: eid, rid, time (a UTC datetime), computer, channel,
provider, guid, qualifiers, level, task, opcode, keywords, process, thread,
data (a list of (name, text) in order).
"""
import datetime
import json

ZERO = datetime.timedelta(0)


def iso(t, digits=6):
    s = t.strftime('%Y-%m-%dT%H:%M:%S.%f')
    return s[:len(s) - 6 + digits] + 'Z'


def fields(r):
    return {n: v for n, v in r['data'] if n}


def outcome(r):
    return 'failure' if int(r['keywords'], 16) & 0x10000000000000 else 'success'


def collector_lag(r):
    """A collector's delay, 15 to 95 s, the same for a record each run."""
    return datetime.timedelta(seconds=15 + r['rid'] % 81, milliseconds=r['rid'] % 997)


def winlogbeat6(r):
    return {
        '@timestamp': iso(r['time'], 3),
        'beat': {'hostname': 'COLLECTOR01', 'name': 'COLLECTOR01', 'version': '6.8.23'},
        'computer_name': r['computer'], 'event_id': r['eid'],
        'event_data': fields(r), 'keywords': ['Audit ' + outcome(r).capitalize()],
        'level': 'Information', 'log_name': r['channel'], 'opcode': 'Info',
        'process_id': r['process'], 'provider_guid': r['guid'],
        'record_number': str(r['rid']), 'source_name': r['provider'],
        'task': '', 'thread_id': r['thread'], 'type': 'wineventlog',
    }


def winlog(r, strings):
    created = r['time'] + collector_lag(r)
    eid = str(r['eid']) if strings else r['eid']
    rid = str(r['rid']) if strings else r['rid']
    return {
        '@timestamp': iso(r['time'], 3),
        'agent': {'hostname': 'COLLECTOR01', 'type': 'winlogbeat',
                  'version': '8.11.1' if strings else '7.17.9'},
        'ecs': {'version': '8.0.0' if strings else '1.12.0'},
        'event': {'code': str(r['eid']), 'created': iso(created, 3), 'kind': 'event',
                  'module': 'security', 'outcome': outcome(r), 'provider': r['provider']},
        'host': {'name': 'collector01'},
        'log': {'level': 'information'},
        'winlog': {'api': 'wineventlog', 'channel': r['channel'],
                   'computer_name': r['computer'], 'event_data': fields(r),
                   'event_id': eid, 'keywords': ['Audit ' + outcome(r).capitalize()],
                   'opcode': 'Info', 'process': {'pid': r['process'],
                                                 'thread': {'id': r['thread']}},
                   'provider_guid': r['guid'], 'provider_name': r['provider'],
                   'record_id': rid},
    }


def winlogbeat7(r):
    return winlog(r, False)


def winlogbeat8(r):
    return winlog(r, True)


def nxlog(r):
    received = r['time'] + collector_lag(r)
    row = {
        'EventTime': r['time'].strftime('%Y-%m-%d %H:%M:%S'),
        'Hostname': r['computer'], 'Keywords': int(r['keywords'], 16) - (1 << 64),
        'EventType': 'AUDIT_' + outcome(r).upper(), 'SeverityValue': 2,
        'Severity': 'INFO', 'EventID': r['eid'], 'SourceName': r['provider'],
        'ProviderGuid': r['guid'], 'Version': 0, 'TaskValue': int(r['task']),
        'OpcodeValue': 0, 'RecordNumber': r['rid'], 'ExecutionProcessID': r['process'],
        'ExecutionThreadID': r['thread'], 'Channel': r['channel'],
        'Message': message(r),
    }
    row.update(fields(r))
    row['EventReceivedTime'] = received.strftime('%Y-%m-%d %H:%M:%S')
    row['SourceModuleName'] = 'eventlog'
    row['SourceModuleType'] = 'im_msvistalog'
    row['@timestamp'] = iso(received + datetime.timedelta(milliseconds=250), 3)
    row['@version'] = '1'
    return row


# The EventData fields the schema types as UInt32: evtx_dump writes them as
# JSON numbers; hex types stay strings ("0xc000006d").
UINT32 = {'LogonType', 'KeyLength'}


def evtx_dump(r):
    eid = r['eid'] if r['qualifiers'] in (None, '') else {
        '#attributes': {'Qualifiers': int(r['qualifiers'])}, '#text': r['eid']}
    data = {}
    for n, v in r['data']:
        if not n:
            continue
        data[n] = int(v) if n in UINT32 and v.isdigit() else v
    return {'Event': {
        '#attributes': {'xmlns': 'http://schemas.microsoft.com/win/2004/08/events/event'},
        'System': {
            'Provider': {'#attributes': {'Name': r['provider'], 'Guid': r['guid']}},
            'EventID': eid, 'Version': 0, 'Level': int(r['level']),
            'Task': int(r['task']), 'Opcode': int(r['opcode'] or 0),
            'Keywords': r['keywords'],
            'TimeCreated': {'#attributes': {'SystemTime': iso(r['time'])}},
            'EventRecordID': r['rid'], 'Correlation': None,
            'Execution': {'#attributes': {'ProcessID': r['process'],
                                          'ThreadID': r['thread']}},
            'Channel': r['channel'], 'Computer': r['computer'], 'Security': None},
        'EventData': data or None}}


def evtx_dump_json(r):
    """evtx_dump -o json: a line with the record's number, then the object."""
    return 'Record %d\n%s\n' % (r['rid'], json.dumps(evtx_dump(r), indent=2))


def evtx_dump_jsonl(r):
    return json.dumps(evtx_dump(r), separators=(',', ':')) + '\n'


# The message text Windows renders for the logon events, after Microsoft's
# pages for each event: (heading, [(label, field)]) sections; a heading of
# None puts its lines at the top level.  Well-known SIDs show as names.
SUBJECT = ('Subject', [('Security ID', 'SubjectUserSid'), ('Account Name', 'SubjectUserName'),
                       ('Account Domain', 'SubjectDomainName'), ('Logon ID', 'SubjectLogonId')])
NETWORK = ('Network Information', [('Workstation Name', 'WorkstationName'),
                                   ('Source Network Address', 'IpAddress'),
                                   ('Source Port', 'IpPort')])
DETAIL = ('Detailed Authentication Information', [
    ('Logon Process', 'LogonProcessName'), ('Authentication Package', 'AuthenticationPackageName'),
    ('Transited Services', 'TransmittedServices'), ('Package Name (NTLM only)', 'LmPackageName'),
    ('Key Length', 'KeyLength')])
CLIENT = ('Network Information', [('Client Address', 'IpAddress'), ('Client Port', 'IpPort')])
CERT = ('Certificate Information', [('Certificate Issuer Name', 'CertIssuerName'),
                                    ('Certificate Serial Number', 'CertSerialNumber'),
                                    ('Certificate Thumbprint', 'CertThumbprint')])
MESSAGES = {
    4624: ('An account was successfully logged on.', [
        SUBJECT, (None, [('Logon Type', 'LogonType')]),
        ('New Logon', [('Security ID', 'TargetUserSid'), ('Account Name', 'TargetUserName'),
                       ('Account Domain', 'TargetDomainName'), ('Logon ID', 'TargetLogonId'),
                       ('Logon GUID', 'LogonGuid')]),
        ('Process Information', [('Process ID', 'ProcessId'), ('Process Name', 'ProcessName')]),
        NETWORK, DETAIL]),
    4625: ('An account failed to log on.', [
        SUBJECT, (None, [('Logon Type', 'LogonType')]),
        ('Account For Which Logon Failed', [('Security ID', 'TargetUserSid'),
                                            ('Account Name', 'TargetUserName'),
                                            ('Account Domain', 'TargetDomainName')]),
        ('Failure Information', [('Failure Reason', 'FailureReason'), ('Status', 'Status'),
                                 ('Sub Status', 'SubStatus')]),
        ('Process Information', [('Caller Process ID', 'ProcessId'),
                                 ('Caller Process Name', 'ProcessName')]),
        NETWORK, DETAIL]),
    4648: ('A logon was attempted using explicit credentials.', [
        ('Subject', SUBJECT[1] + [('Logon GUID', 'LogonGuid')]),
        ('Account Whose Credentials Were Used', [('Account Name', 'TargetUserName'),
                                                 ('Account Domain', 'TargetDomainName'),
                                                 ('Logon GUID', 'TargetLogonGuid')]),
        ('Target Server', [('Target Server Name', 'TargetServerName'),
                           ('Additional Information', 'TargetInfo')]),
        ('Process Information', [('Process ID', 'ProcessId'), ('Process Name', 'ProcessName')]),
        ('Network Information', [('Network Address', 'IpAddress'), ('Port', 'IpPort')])]),
    4740: ('A user account was locked out.', [
        SUBJECT,
        ('Account That Was Locked Out', [('Security ID', 'TargetSid'),
                                         ('Account Name', 'TargetUserName')]),
        ('Additional Information', [('Caller Computer Name', 'TargetDomainName')])]),
    4768: ('A Kerberos authentication ticket (TGT) was requested.', [
        ('Account Information', [('Account Name', 'TargetUserName'),
                                 ('Supplied Realm Name', 'TargetDomainName'),
                                 ('User ID', 'TargetSid')]),
        ('Service Information', [('Service Name', 'ServiceName'), ('Service ID', 'ServiceSid')]),
        CLIENT,
        ('Additional Information', [('Ticket Options', 'TicketOptions'), ('Result Code', 'Status'),
                                    ('Ticket Encryption Type', 'TicketEncryptionType'),
                                    ('Pre-Authentication Type', 'PreAuthType')]),
        CERT]),
    4769: ('A Kerberos service ticket was requested.', [
        ('Account Information', [('Account Name', 'TargetUserName'),
                                 ('Account Domain', 'TargetDomainName'),
                                 ('Logon GUID', 'LogonGuid')]),
        ('Service Information', [('Service Name', 'ServiceName'), ('Service ID', 'ServiceSid')]),
        CLIENT,
        ('Additional Information', [('Ticket Options', 'TicketOptions'),
                                    ('Ticket Encryption Type', 'TicketEncryptionType'),
                                    ('Failure Code', 'Status'),
                                    ('Transited Services', 'TransmittedServices')])]),
    4771: ('Kerberos pre-authentication failed.', [
        ('Account Information', [('Security ID', 'TargetSid'), ('Account Name', 'TargetUserName')]),
        ('Service Information', [('Service Name', 'ServiceName')]),
        CLIENT,
        ('Additional Information', [('Ticket Options', 'TicketOptions'), ('Failure Code', 'Status'),
                                    ('Pre-Authentication Type', 'PreAuthType')]),
        CERT]),
    4776: ('The computer attempted to validate the credentials for an account.', [
        (None, [('Authentication Package', 'PackageName'), ('Logon Account', 'TargetUserName'),
                ('Source Workstation', 'Workstation'), ('Error Code', 'Status')])]),
}
SID_NAMES = {'S-1-0-0': 'NULL SID', 'S-1-5-18': 'SYSTEM', 'S-1-5-19': 'LOCAL SERVICE',
             'S-1-5-20': 'NETWORK SERVICE', 'S-1-5-7': 'ANONYMOUS LOGON'}
# Inserts the message shows as text (msobjs.dll, as the 4625 page lists).
INSERTS = {'%%2313': 'Unknown user name or bad password.',
           '%%2310': 'Account currently disabled.',
           '%%2307': 'Account locked out.'}


def shown(name, v):
    if name.endswith('Sid'):
        return SID_NAMES.get(v, v)
    if name in ('Status', 'SubStatus') and v.lower().startswith('0x'):
        return '0x%X' % int(v, 16)
    return INSERTS.get(v, v)


def message(r):
    spec = MESSAGES.get(r['eid'])
    if spec is None:
        return 'Event %d of %s.' % (r['eid'], r['provider'])
    d = fields(r)
    lines = [spec[0], '']
    for heading, rows in spec[1]:
        tab = ''
        if heading:
            lines.append(heading + ':')
            tab = '\t'
        for label, name in rows:
            lines.append('%s%s:\t\t%s' % (tab, label, shown(name, d.get(name, '-'))))
        lines.append('')
    lines.append('This event is logged by the Security auditing of Windows.')
    return '\r\n'.join(lines)


def getwinevent_message(r):
    epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
    ms = (r['time'].replace(tzinfo=datetime.timezone.utc) - epoch) // datetime.timedelta(milliseconds=1)
    return {'Id': r['eid'], 'RecordId': r['rid'], 'ProviderName': r['provider'],
            'LogName': r['channel'], 'MachineName': r['computer'],
            'TimeCreated': '/Date(%d)/' % ms, 'LevelDisplayName': 'Information',
            'Message': message(r)}


# Each shape: its file, how a record is written, and how the file ends.
NDJSON = [('winlogbeat6.ndjson', winlogbeat6), ('winlogbeat7.ndjson', winlogbeat7),
          ('winlogbeat8.ndjson', winlogbeat8), ('nxlog.ndjson', nxlog)]
