#!/usr/bin/python3
"""Writes an EVTX file N times larger than another: its chunks repeated N
times behind one file header, whose chunk count and checksum are made to
match.  usage: evtx-repeat.py IN.evtx N OUT.evtx"""
import struct
import sys
import zlib

src, times, dst = sys.argv[1], int(sys.argv[2]), sys.argv[3]
data = open(src, 'rb').read()
header, chunks = bytearray(data[:4096]), data[4096:]
n = struct.unpack_from('<H', header, 42)[0]  # chunks in use; the rest is empty
chunks = chunks[:n * 65536]
assert header[:8] == b'ElfFile\0' and n * times < 65536
struct.pack_into('<QQ', header, 8, 0, n * times - 1)
struct.pack_into('<H', header, 42, n * times)
struct.pack_into('<I', header, 124, zlib.crc32(bytes(header[:120])) & 0xffffffff)
with open(dst, 'wb') as f:
    f.write(header)
    for _ in range(times):
        f.write(chunks)
