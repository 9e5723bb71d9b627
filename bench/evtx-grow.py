#!/usr/bin/python3
"""Writes a big EVTX file from real ones: the chunks in use of each input,
written N times behind one file header.  Each copy is a new stretch of the
log, as a busy server's would be: every record gets the next record number
(in its header and in its EventRecordID value) and every time in it
(the header's written time, each FILETIME value) moves on by its input's
span plus an hour per copy, so no record repeats another and the
findings' windows see the same activity again later, not stacked on itself.
Chunk and file headers are given matching numbers and checksums.

usage: evtx-grow.py OUT.evtx N IN.evtx [IN.evtx ...]"""
import struct
import sys
import zlib

FILETIME_TYPE, UINT64_TYPE = 0x11, 0x0A
HOUR = 3600 * 10**7  # FILETIME ticks


def chunks_of(path):
    data = open(path, 'rb').read()
    assert data[:8] == b'ElfFile\0', path + ': not EVTX'
    n = struct.unpack_from('<H', data, 42)[0]  # chunks in use
    out = []
    for i in range(n):
        c = data[4096 + i * 65536:4096 + (i + 1) * 65536]
        if len(c) == 65536 and c[:8] == b'ElfChnk\0':
            out.append(c)
    return data[:4096], out


def records(chunk):
    """(offset, size) of each record in a chunk."""
    free = struct.unpack_from('<I', chunk, 48)[0]
    off = 512
    while off + 28 <= free and chunk[off:off + 4] == b'**\0\0':
        size = struct.unpack_from('<I', chunk, off + 4)[0]
        if size < 28 or off + size > free:
            break
        yield off, size
        off += size


def values(chunk, off):
    """(type, offset, size) of the values of the record's template
    instance, or [] when its binary XML starts otherwise."""
    p = off + 24
    if chunk[p] == 0x0F:
        p += 4
    if chunk[p] != 0x0C:
        return []
    p += 1
    definition = struct.unpack_from('<I', chunk, p + 5)[0]
    p += 9
    if definition == p:  # defined here, inline: skip it
        p += 24 + struct.unpack_from('<I', chunk, p + 20)[0]
    count = struct.unpack_from('<I', chunk, p)[0]
    p += 4
    at = p + 4 * count
    out = []
    for i in range(count):
        size, kind = struct.unpack_from('<HB', chunk, p + 4 * i)
        out.append((kind, at, size))
        at += size
    return out


def times(chunks):
    lo, hi = None, None
    for c in chunks:
        for off, _ in records(c):
            t = struct.unpack_from('<Q', c, off + 16)[0]
            lo = t if lo is None else min(lo, t)
            hi = t if hi is None else max(hi, t)
    return lo or 0, hi or 0


def renumber(chunk, first, shift):
    """The chunk with its records numbered from first and its times moved
    on by shift; and the next number."""
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
        for kind, at, size in vs:
            if kind == FILETIME_TYPE and size == 8:
                v = struct.unpack_from('<Q', c, at)[0]
                if v:
                    struct.pack_into('<Q', c, at, v + shift)
        n += 1
    if n > first:
        struct.pack_into('<QQQQ', c, 8, first, n - 1, first, n - 1)
    free = struct.unpack_from('<I', c, 48)[0]
    struct.pack_into('<I', c, 52, zlib.crc32(bytes(c[512:free])) & 0xffffffff)
    struct.pack_into('<I', c, 124,
                     zlib.crc32(bytes(c[:120]) + bytes(c[128:512])) & 0xffffffff)
    return bytes(c), n


def main():
    dst, copies, srcs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    assert srcs, __doc__
    header, inputs = None, []
    for s in srcs:
        h, cs = chunks_of(s)
        header = header or bytearray(h)
        lo, hi = times(cs)
        inputs.append((cs, hi - lo + HOUR))
    total = sum(len(cs) for cs, _ in inputs) * copies
    assert 0 < total < 65536, 'at most 65535 chunks'
    n = 1
    with open(dst, 'wb') as f:
        f.write(b'\0' * 4096)
        for k in range(copies):
            for cs, step in inputs:
                for c in cs:
                    out, n = renumber(c, n, k * step)
                    f.write(out)
        struct.pack_into('<QQQ', header, 8, 0, total - 1, n)
        struct.pack_into('<H', header, 42, total)
        struct.pack_into('<I', header, 124, zlib.crc32(bytes(header[:120])) & 0xffffffff)
        f.seek(0)
        f.write(header)


main()
