#!/usr/bin/python3
"""Writes a big EVTX file from real ones: the chunks in use of each input,
written N times behind one file header.  Each input, each time it is
written, is a new stretch of the log after the last one, as a busy
server's log would be: every record gets the next record number (in its
header and in its EventRecordID value) and every time in it (the header's
written time, each FILETIME value) is moved so that the stretch starts a
minute after the one before ends.  No record repeats another (a repeat
would be counted once, as a duplicate), the log is in time order as
Windows writes it, and the findings' windows see the same activity again
later.  Chunk and file headers are given matching numbers and checksums.
With --after K, the file goes on from K stretches before it (numbers and
times as if they were written first): the next piece of a log that
Windows archived in pieces (Archive-Security-*.evtx).
With --accounts A, the users' names the samples hold (NAMES) become A
names each, record by record (each name's own length, so that nothing
moves): a domain's log, where thousands of accounts log on all day, and
each part of the file holds most of them.
With --addresses A, the IPv4 addresses the samples hold (plain, or
IPv4-mapped IPv6: ::ffff:10.23.123.11) become A addresses of the
internet, record by record, each of the same length: an internet-facing
server's log, which a botnet's thousands of addresses try.

usage: evtx-grow.py [--after K] [--accounts A] [--addresses A] OUT.evtx N IN.evtx [IN.evtx ...]"""
import os
import re
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                '..', 'spec', 'support'))
from evtx_chunks import (BINXML_TYPE, FILETIME_TYPE, UINT64_TYPE, chunks_of,  # noqa: E402
                         fix_checksums, fix_header, records, values)

MINUTE = 60 * 10**7  # FILETIME ticks
STRING_TYPE = 0x01
# The samples' users (not Windows' own accounts nor computers'), as UTF-16
NAMES = {n.encode('utf-16-le'): n for n in
         ('fsir', 'archir', 'Administrator', 'admin-hacker', 'Admin', 'Guest', 'Student')}
DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz'


def variant(name, k):
    """name's k-th variant: its last letters the digits of k (base 36),
    of its length."""
    tail = ''
    while len(tail) < min(4, len(name) - 1):
        k, d = divmod(k, 36)
        tail = DIGITS[d] + tail
    return (name[:len(name) - len(tail)] + tail).encode('utf-16-le')


def ipv4_variant(ip, k):
    """ip's k-th variant: an address of the internet of ip's length, each
    octet of its octet's digits (its first, of two or three, from 11 to
    99 or 101 to 223 but the private and special blocks)."""
    octets = ip.split('.')
    firsts = [a for a in range(11, 224) if len(str(a)) == len(octets[0]) and
              a not in (100, 127, 169, 172, 192, 198, 203)]
    out = []
    for i, o in enumerate(octets):
        if i == 0:
            choices = firsts
        else:
            d = len(o)
            lo, hi = (0 if d == 1 else 10 ** (d - 1)), min(255, 10 ** d - 1)
            choices = range(lo, hi + 1)
        k, r = divmod(k, len(choices))
        out.append(str(choices[r]))
    return '.'.join(out)


IPV4 = re.compile(r'^(::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$')


def times(chunks):
    lo, hi = None, None
    for c in chunks:
        for off, _ in records(c):
            t = struct.unpack_from('<Q', c, off + 16)[0]
            lo = t if lo is None else min(lo, t)
            hi = t if hi is None else max(hi, t)
    return lo or 0, hi or 0


def renumber(chunk, first, shift, accounts=0, addresses=0):
    """The chunk with its records numbered from first and its times moved
    on by shift (and with accounts, its users' names varied; with
    addresses, its IPv4 addresses); and the next number."""
    c = bytearray(chunk)
    n = first
    for off, _ in records(chunk):
        old = struct.unpack_from('<Q', c, off + 8)[0]
        struct.pack_into('<Q', c, off + 8, n)
        t = struct.unpack_from('<Q', c, off + 16)[0]
        struct.pack_into('<Q', c, off + 16, t + shift)
        vs = values(c, off)
        # EventRecordID: the 64-bit value equal to the header's number, or
        # (in exported logs, whose headers are numbered afresh) the System
        # template's eleventh value
        ids = [at for kind, at, size in vs if kind == UINT64_TYPE and size == 8 and
               struct.unpack_from('<Q', c, at)[0] == old]
        if not ids and len(vs) > 10 and vs[10][0] == UINT64_TYPE and vs[10][2] == 8:
            ids = [vs[10][1]]
        for at in ids[:1]:
            struct.pack_into('<Q', c, at, n)
        if accounts or addresses:  # (the names are EventData's: its own template's values)
            for kind, at, size in vs:
                if kind == BINXML_TYPE and size:
                    vs = vs + values(c, off, at)
        for kind, at, size in vs:
            if (accounts or addresses) and kind == STRING_TYPE:
                text = bytes(c[at:at + size]).rstrip(b'\0')
                if len(text) % 2:
                    text += b'\0'
                ip = addresses and IPV4.match(text.decode('utf-16-le', 'replace'))
                if ip:
                    new = (ip.group(1) or '') + ipv4_variant(ip.group(2), (n * 7919) % addresses)
                    c[at:at + len(text)] = new.encode('utf-16-le')
                if accounts and text in NAMES:
                    # (the n-th record's: each user in every stretch of the log)
                    new = variant(NAMES[text], (n * 7919) % accounts)
                    c[at:at + len(new)] = new
            if kind == FILETIME_TYPE and size == 8:
                v = struct.unpack_from('<Q', c, at)[0]
                if v:
                    struct.pack_into('<Q', c, at, v + shift)
        n += 1
    if n > first:
        struct.pack_into('<QQQQ', c, 8, first, n - 1, first, n - 1)
    fix_checksums(c)
    return bytes(c), n


def main():
    args, after, accounts, addresses = sys.argv[1:], 0, 0, 0
    while args[:1] in (['--after'], ['--accounts'], ['--addresses']):
        if args[0] == '--after':
            after = int(args[1])
        elif args[0] == '--accounts':
            accounts = int(args[1])
        else:
            addresses = int(args[1])
        args = args[2:]
    dst, copies, srcs = args[0], int(args[1]), args[2:]
    assert srcs, __doc__
    header, inputs = None, []
    for s in srcs:
        h, cs = chunks_of(s)
        header = header or bytearray(h)
        lo, hi = times(cs)
        inputs.append((cs, lo, hi))
    total = sum(len(cs) for cs, _, _ in inputs) * copies
    assert 0 < total < 65536, 'at most 65535 chunks'
    n = 1
    at = min(lo for _, lo, _ in inputs)  # where the next stretch starts
    for _ in range(after):  # (renumbered, not written: where they end)
        for cs, lo, hi in inputs:
            for c in cs:
                _, n = renumber(c, n, at - lo)
            at += hi - lo + MINUTE
    with open(dst, 'wb') as f:
        f.write(b'\0' * 4096)
        for _ in range(copies):
            for cs, lo, hi in inputs:
                for c in cs:
                    out, n = renumber(c, n, at - lo, accounts, addresses)
                    f.write(out)
                at += hi - lo + MINUTE
        fix_header(header, total, n)
        f.seek(0)
        f.write(header)


main()
