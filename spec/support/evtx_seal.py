"""Makes the checksums of an EVTX file right again, in place: each chunk's
records checksum and header checksum, and the file header's (zlib's CRC-32,
as the format has them).  The specs change a copy of a sample and seal it,
so that the damage they mean is the only damage the reader meets.
    python3 evtx_seal.py FILE [--chunks-only]
"""
import struct
import sys
import zlib

HEADER, CHUNK = 4096, 65536


def seal(data, chunks_only):
    if not chunks_only:
        struct.pack_into("<I", data, 124, zlib.crc32(bytes(data[:120])))
    for base in range(HEADER, len(data), CHUNK):
        end = min(base + CHUNK, len(data))
        if end - base < 512 or data[base:base + 8] != b"ElfChnk\0":
            continue
        free = struct.unpack_from("<I", data, base + 48)[0]
        if 512 <= free <= end - base:
            struct.pack_into("<I", data, base + 52,
                             zlib.crc32(bytes(data[base + 512:base + free])))
        head = bytes(data[base:base + 120]) + bytes(data[base + 128:base + 512])
        struct.pack_into("<I", data, base + 124, zlib.crc32(head))


def main():
    path = sys.argv[1]
    with open(path, "rb") as f:
        data = bytearray(f.read())
    seal(data, "--chunks-only" in sys.argv[2:])
    with open(path, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
