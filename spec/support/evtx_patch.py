#!/usr/bin/python3
"""Copies an EVTX file with one thing changed, for specs of damaged input.
  evtx_patch.py IN OUT time N    record N (1-based, in file order) gets a
                                 TimeCreated past the year 9999 (FILETIME
                                 0x7FFFFFFFFFFFFFFF: the year 30828), its
                                 chunk's checksums set to match
  evtx_patch.py IN OUT crc C     chunk C (0-based) gets a wrong checksum
Prints the EventRecordID of the record changed (time), or nothing."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evtx_chunks import FILETIME_TYPE, UINT64_TYPE, fix_checksums, records, values  # noqa

src, dst, what, arg = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
data = bytearray(open(src, 'rb').read())
if what == 'crc':
    at = 4096 + arg * 65536 + 124
    data[at] ^= 0xFF
else:
    n = 0
    for c in range(struct.unpack_from('<H', data, 42)[0]):
        base = 4096 + c * 65536
        chunk = bytearray(data[base:base + 65536])
        for off, _ in records(chunk):
            n += 1
            if n != arg:
                continue
            vs = values(chunk, off)
            times = [at for kind, at, size in vs if kind == FILETIME_TYPE and size == 8]
            ids = [at for kind, at, size in vs if kind == UINT64_TYPE and size == 8]
            struct.pack_into('<Q', chunk, times[0], 0x7FFFFFFFFFFFFFFF)
            fix_checksums(chunk)
            data[base:base + 65536] = chunk
            print(struct.unpack_from('<Q', chunk, ids[-1])[0] if ids else '')
open(dst, 'wb').write(data)
