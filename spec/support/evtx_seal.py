"""Makes the checksums of an EVTX file right again, in place: each chunk's
records checksum and header checksum, and the file header's (zlib's CRC-32,
as the format has them).  The specs change a copy of a sample and seal it,
so that the damage they mean is the only damage the reader meets.
    python3 evtx_seal.py FILE [--chunks-only]
"""
import os
import struct
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evtx_chunks import fix_checksums  # noqa: E402

HEADER, CHUNK = 4096, 65536


def seal(data, chunks_only):
    if not chunks_only:
        struct.pack_into("<I", data, 124, zlib.crc32(bytes(data[:120])))
    for base in range(HEADER, len(data), CHUNK):
        end = min(base + CHUNK, len(data))
        if end - base < 512 or data[base:base + 8] != b"ElfChnk\0":
            continue
        c = bytearray(data[base:end])
        fix_checksums(c)
        data[base:end] = c


def main():
    path = sys.argv[1]
    with open(path, "rb") as f:
        data = bytearray(f.read())
    seal(data, "--chunks-only" in sys.argv[2:])
    with open(path, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
